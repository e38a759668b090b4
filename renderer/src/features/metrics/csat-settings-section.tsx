/** The settings' satisfaction survey: its text and whether "Concluir" sends it. Saved on its own. */
import { useEffect, useState } from 'react';
import { errorMessageKey } from '../../../../shared/i18n';
import { useT } from '../../i18n/use-i18n';

export function CsatSettingsSection() {
  const t = useT();
  const [template, setTemplate] = useState('');
  const [placeholder, setPlaceholder] = useState('');
  const [autoSend, setAutoSend] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    void window.janela.getCsatSettings({}).then((settings) => {
      if (!live) return;
      setTemplate(settings.surveyTemplate ?? '');
      setPlaceholder(settings.defaultTemplate);
      setAutoSend(settings.sendSurveyWhenDone);
    });
    return () => {
      live = false;
    };
  }, []);

  const save = async () => {
    try {
      await window.janela.updateCsatSettings({
        surveyTemplate: template.trim() === '' ? null : template,
        sendSurveyWhenDone: autoSend,
      });
      setStatus({ text: t('metrics.settings.saved'), error: false });
    } catch (caught) {
      setStatus({ text: t(errorMessageKey(caught)), error: true });
    }
  };

  return (
    <fieldset className="settings__group">
      <legend>{t('metrics.settings.title')}</legend>
      <label className="field">
        <span className="field__label">{t('metrics.settings.template')}</span>
        <textarea
          className="input"
          rows={3}
          maxLength={1000}
          value={template}
          placeholder={placeholder}
          aria-describedby="csat-template-hint"
          onChange={(event) => setTemplate(event.target.value)}
        />
        <span id="csat-template-hint" className="field__hint">
          {t('metrics.settings.templateHint', { example: '{{first_name}}' })}
        </span>
      </label>
      <label className="settings__check">
        <input type="checkbox" checked={autoSend} onChange={(event) => setAutoSend(event.target.checked)} />
        <span>{t('metrics.settings.autoSend')}</span>
      </label>
      <div>
        <button type="button" className="button" onClick={() => void save()}>
          {t('metrics.settings.save')}
        </button>
      </div>
      {status && (
        <p className={status.error ? 'error-text' : 'field__hint'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </fieldset>
  );
}
