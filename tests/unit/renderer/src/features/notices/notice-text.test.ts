import { describe, expect, it } from 'vitest';
import { noticeText } from '../../../../../../renderer/src/features/notices/notice-text';
import { translatorFor } from '../../../../../../shared/i18n';
import type { Notice, WriteFailureCause } from '../../../../../../shared/domain';

const writeFailed = (cause: WriteFailureCause): Notice => ({
  id: 'n1',
  kind: 'store-write-failed',
  cause,
  at: 0,
  detail: 'history/journal.jsonl',
});

describe('a failed save, as the person reads it', () => {
  const pt = translatorFor('pt-BR');
  const en = translatorFor('en');

  it('a read-only folder asks for permission to write, not for disk space', () => {
    expect(noticeText(writeFailed('no-permission'), pt)).toMatch(/permissão/);
    expect(noticeText(writeFailed('no-permission'), pt)).not.toMatch(/espaço/);
    expect(noticeText(writeFailed('no-permission'), en)).toMatch(/not allowed to write/);
    expect(noticeText(writeFailed('no-permission'), en)).not.toMatch(/disk space/);
  });

  it('a full disk asks for space; a file in use asks to close the other program', () => {
    expect(noticeText(writeFailed('disk-full'), pt)).toMatch(/Libere espaço em disco/);
    expect(noticeText(writeFailed('disk-full'), en)).toMatch(/Free some disk space/);
    expect(noticeText(writeFailed('file-in-use'), pt)).toMatch(/Feche esse programa/);
    expect(noticeText(writeFailed('file-in-use'), en)).toMatch(/Close that program/);
  });

  it('carries no English or technical text in Portuguese', () => {
    for (const cause of ['disk-full', 'no-permission', 'file-in-use', 'other'] as const) {
      const text = noticeText(writeFailed(cause), pt);
      expect(text, cause).not.toMatch(/could not|saving|retried|changes|\bE[A-Z]{3,}\b|\.jsonl/);
    }
  });
});
