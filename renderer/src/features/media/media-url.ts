/** Where the page fetches a stored file: the desktop app's media scheme, or the browser host's route. */
export interface StoredFile {
  sha256: string;
  mimetype?: string | undefined;
  filename?: string | undefined;
}

export function mediaUrl(file: StoredFile, options: { download?: boolean } = {}): string {
  const base = window.janelaShell?.mediaBase ?? '/media/';
  const query = new URLSearchParams();
  if (file.mimetype) query.set('type', file.mimetype);
  if (file.filename) query.set('name', file.filename);
  if (options.download) query.set('download', '1');
  return `${base}${file.sha256}?${query.toString()}`;
}

/** Whether this shell can hand a document to the system (desktop app); the browser host downloads. */
export function canOpenFiles(): boolean {
  return window.janelaShell?.canOpenFiles === true;
}

/** `1536` → `1.5 KB`, in the person's locale. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** Reads a picked, dropped or pasted file as base64 for `uploadMedia`. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
