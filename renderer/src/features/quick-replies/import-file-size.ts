/** The quick-reply import's size check, made before the file is read or sent. */
import { MAX_IMPORT_FILE_BYTES } from '../../../../shared/limits';

/** Megabytes as a person reads them: `2`, `4,2` (pt-BR), `4.2` (en). */
export function megabytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}

/** The file's size and the limit, in megabytes, when the file is over it; null when it fits. */
export function importFileTooLarge(sizeBytes: number, locale: string): { size: string; limit: string } | null {
  if (sizeBytes <= MAX_IMPORT_FILE_BYTES) return null;
  return { size: megabytes(sizeBytes, locale), limit: megabytes(MAX_IMPORT_FILE_BYTES, locale) };
}
