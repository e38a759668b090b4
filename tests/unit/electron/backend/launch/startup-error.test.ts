import { describe, expect, it } from 'vitest';
import { DataDirBusyError } from '../../../../../electron/backend/data-dir-lock';
import { startupErrorText, startupLanguage } from '../../../../../electron/backend/launch/startup-error';

const fsError = (code: string) =>
  Object.assign(new Error(`${code}: permission denied, open '/x/janela.lock'`), { code });
const dataDir = '/home/loja/.config/Janela';

describe('startupErrorText', () => {
  it('a read-only data folder asks to make it writable, in Portuguese, without the technical text', () => {
    const text = startupErrorText(fsError('EACCES'), { language: 'pt-BR', dataDir, platform: 'linux' });
    expect(text).toBe(
      `O Janela não tem permissão para gravar na pasta de dados (${dataDir}). Libere a gravação na pasta (ela pode ter ficado somente leitura) e abra o Janela de novo.`,
    );
    expect(text).not.toMatch(/EACCES|permission denied|espaço/);
  });

  it('names a full disk, a file in use and another Janela', () => {
    expect(startupErrorText(fsError('ENOSPC'), { language: 'en', dataDir, platform: 'linux' })).toMatch(
      /disk is full\. Free some disk space/,
    );
    expect(startupErrorText(fsError('EBUSY'), { language: 'pt-BR', dataDir, platform: 'win32' })).toMatch(
      /outro programa está usando/,
    );
    expect(startupErrorText(new DataDirBusyError(dataDir, 42), { language: 'en', dataDir, platform: 'linux' })).toMatch(
      /already open/,
    );
    expect(startupErrorText(new Error('boom'), { language: 'en', dataDir, platform: 'linux' })).toMatch(
      /could not open its data folder/,
    );
  });

  it('speaks the system language until the settings are read', () => {
    expect(startupLanguage('pt-BR')).toBe('pt-BR');
    expect(startupLanguage('en-US')).toBe('en');
    expect(startupLanguage('es-AR')).toBe('pt-BR');
  });
});
