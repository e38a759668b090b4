/**
 * Which documents "Open" may hand to the system's default application. Only types that open in a
 * viewer or an office program: a customer's `nota.pdf.exe`, a script or a shortcut is only ever
 * saved, never run from Janela.
 */
const openableExtensions: ReadonlySet<string> = new Set([
  'pdf',
  'jpg',
  'jpeg',
  'png',
  'webp',
  'gif',
  'mp3',
  'ogg',
  'opus',
  'm4a',
  'wav',
  'mp4',
  'txt',
  'csv',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'odt',
  'ods',
  'odp',
  'rtf',
]);

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

export function mayOpenWithSystem(filename: string): boolean {
  return openableExtensions.has(extensionOf(filename));
}
