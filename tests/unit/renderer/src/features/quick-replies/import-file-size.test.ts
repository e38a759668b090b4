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
    const pt = importFileTooLarge(20_900_000, 'pt-BR');
    expect(pt).toEqual({ size: '20,9', limit: '20' });
    expect(translate('pt-BR', 'qr.importTooLarge', pt ?? {})).toBe(
      'Esse arquivo é grande demais (20,9 MB): um arquivo de respostas rápidas pode ter até 20 MB. Nada foi importado.',
    );
    const en = importFileTooLarge(20_900_000, 'en');
    expect(translate('en', 'qr.importTooLarge', en ?? {})).toContain('(20.9 MB)');
    expect(translate('en', 'qr.importTooLarge', en ?? {})).toContain('up to 20 MB');
  });
});
