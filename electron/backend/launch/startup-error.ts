/**
 * What the person reads when Janela cannot start on its data folder (read-only, full disk, locked
 * by another program, another Janela): the cause and what to do, in their language. The technical
 * error goes to the log and stderr, never into this text.
 */
import type { Language } from '../../../shared/domain';
import { translate } from '../../../shared/i18n';
import { DataDirBusyError } from '../data-dir-lock';
import { writeFailureCause } from '../store/write-failure-cause';

export function startupErrorText(
  error: unknown,
  options: { language: Language; dataDir: string; platform: string },
): string {
  const { language, dataDir } = options;
  if (error instanceof DataDirBusyError) return translate(language, 'startup.busy');
  return translate(language, `startup.${writeFailureCause(error, options.platform)}`, { folder: dataDir });
}

/** The language to speak before the settings are read: the system's, Portuguese or English. */
export function startupLanguage(locale: string): Language {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'pt-BR';
}
