/**
 * Why a write failed, in terms of what the person can do about it. The technical code goes to the
 * log; the notice names the cause, and the UI says the remedy in the person's language.
 */
import type { WriteFailureCause } from '../../../shared/domain';

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function writeFailureCause(error: unknown, platform: string): WriteFailureCause {
  switch (codeOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'file-in-use';
    case 'EPERM':
      // Windows refuses to replace a file another program holds open with EPERM.
      return platform === 'win32' ? 'file-in-use' : 'no-permission';
    case 'EACCES':
    case 'EROFS':
      return 'no-permission';
    default:
      return 'other';
  }
}
