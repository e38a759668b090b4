import { describe, expect, it } from 'vitest';
import { importFileTooLarge } from '../../../../../../renderer/src/features/quick-replies/import-file-size';
import { MAX_IMPORT_FILE_BYTES } from '../../../../../../shared/limits';
import { translate } from '../../../../../../shared/i18n';

describe('the quick-reply import size check', () => {
  it('lets a file up to the limit through', () => {
    expect(importFileTooLarge(MAX_IMPORT_FILE_BYTES, 'pt-BR')).toBeNull();
    expect(importFileTooLarge(10, 'en')).toBeNull();
  });

  it('says the size and the limit in the person’s language', () => {
    const pt = importFileTooLarge(52_300_000, 'pt-BR');
    expect(pt).toEqual({ size: '52,3', limit: '50' });
    expect(translate('pt-BR', 'qr.importTooLarge', pt ?? {})).toBe(
      'Esse arquivo é grande demais (52,3 MB): um arquivo de respostas rápidas pode ter até 50 MB. Nada foi importado.',
    );
    const en = importFileTooLarge(52_300_000, 'en');
    expect(translate('en', 'qr.importTooLarge', en ?? {})).toContain('(52.3 MB)');
    expect(translate('en', 'qr.importTooLarge', en ?? {})).toContain('up to 50 MB');
  });
});
