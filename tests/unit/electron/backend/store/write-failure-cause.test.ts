import { describe, expect, it } from 'vitest';
import { writeFailureCause } from '../../../../../electron/backend/store/write-failure-cause';

const failure = (code: string) => Object.assign(new Error(code), { code });

describe('writeFailureCause', () => {
  it('names what the person can act on', () => {
    expect(writeFailureCause(failure('ENOSPC'), 'linux')).toBe('disk-full');
    expect(writeFailureCause(failure('EDQUOT'), 'linux')).toBe('disk-full');
    expect(writeFailureCause(failure('EACCES'), 'linux')).toBe('no-permission');
    expect(writeFailureCause(failure('EROFS'), 'linux')).toBe('no-permission');
    expect(writeFailureCause(failure('EPERM'), 'darwin')).toBe('no-permission');
    expect(writeFailureCause(failure('EBUSY'), 'win32')).toBe('file-in-use');
    // Windows answers EPERM when another program holds the file open.
    expect(writeFailureCause(failure('EPERM'), 'win32')).toBe('file-in-use');
    expect(writeFailureCause(failure('EIO'), 'linux')).toBe('other');
    expect(writeFailureCause('not an error', 'linux')).toBe('other');
  });
});
