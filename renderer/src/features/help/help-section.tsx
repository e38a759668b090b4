/** The settings dialog's "Help": open the logs folder, copy diagnostics for support. */
import { useEffect } from 'react';
import { useT } from '../../i18n/use-i18n';
import { useHelp } from './help-store';

const clipboardWrite = (text: string) =>
  navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error('no clipboard'));

export function HelpSection() {
  const t = useT();
  const logsFolder = useHelp((state) => state.logsFolder);
  const copyResult = useHelp((state) => state.copyResult);
  const diagnostics = useHelp((state) => state.diagnostics);
  const openLogsFolder = useHelp((state) => state.openLogsFolder);
  const copyDiagnostics = useHelp((state) => state.copyDiagnostics);
  const reset = useHelp((state) => state.reset);
  useEffect(() => reset, [reset]);

  return (
    <fieldset className="settings__group">
      <legend>{t('help.title')}</legend>
      <span className="field__hint">{t('help.hint')}</span>
      <div className="settings__inline help__actions">
        <button type="button" className="button" onClick={() => void openLogsFolder().catch(() => undefined)}>
          {t('help.openLogs')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void copyDiagnostics(clipboardWrite).catch(() => undefined)}
        >
          {t('help.copyDiagnostics')}
        </button>
      </div>
      {logsFolder && (
        <p className="help__path">
          {t('help.logsAt')} <code>{logsFolder}</code>
        </p>
      )}
      {copyResult && <p role="status">{t(copyResult === 'copied' ? 'help.copied' : 'help.copyFailed')}</p>}
      {diagnostics && (
        <textarea
          className="input help__diagnostics"
          readOnly
          rows={9}
          value={diagnostics}
          aria-label={t('help.copyDiagnostics')}
        />
      )}
    </fieldset>
  );
}
