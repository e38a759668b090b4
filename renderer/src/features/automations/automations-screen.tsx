/**
 * "Automações": the master switch, business hours and closed dates, greeting and away messages,
 * the menu, FAQ rules with their "Try it" box, and the loop guard. Edits a draft; "Save" sends it
 * whole and the backend validates it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AutomationSettings } from '../../../../shared/automations/automation-settings';
import { nextOpening } from '../../../../shared/automations/business-hours';
import { formatNextOpening } from '../../../../shared/automations/next-open-text';
import { languages, errorMessageKey } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/domain';
import { useClock } from '../../app/clock-store';
import { useT } from '../../i18n/use-i18n';
import { selectLanguage, useSettings } from '../settings/settings-store';
import { useAutomations } from './automations-store';
import { BusinessHoursEditor, ClosedDatesEditor } from './business-hours-editor';
import { cleanRules, FaqRulesEditor } from './faq-rules-editor';
import { MenuEditor } from './menu-editor';

export function AutomationsScreen() {
  const t = useT();
  const settings = useAutomations((state) => state.settings);
  const load = useAutomations((state) => state.load);
  useEffect(() => {
    if (!settings) void load().catch(() => undefined);
  }, [settings, load]);
  return (
    <main className="automations" aria-labelledby="automations-title">
      <div className="automations__column">
        <h2 id="automations-title" className="automations__title">
          {t('auto.title')}
        </h2>
        <p className="automations__intro">{t('auto.intro')}</p>
        {settings ? (
          <AutomationsForm saved={settings} />
        ) : (
          <p role="status" className="automations__loading">
            {t('auto.loading')}
          </p>
        )}
      </div>
    </main>
  );
}

/** What is saved: blank phrases dropped, a menu label written in one language used for the other too. */
function toSaved(draft: AutomationSettings, language: Language): AutomationSettings {
  return {
    ...draft,
    faqRules: cleanRules(draft.faqRules),
    menuOptions: draft.menuOptions.map((option) => {
      const text = option.label[language]?.trim() ?? '';
      const label = Object.fromEntries(
        languages.map((other) => [other, option.label[other]?.trim() || text]),
      ) as Record<Language, string>;
      return { ...option, label };
    }),
  };
}

function AutomationsForm({ saved }: { saved: AutomationSettings }) {
  const t = useT();
  const save = useAutomations((state) => state.save);
  const language = useSettings(selectLanguage);
  const timeZone = useSettings((state) => state.settings?.timeZone ?? 'America/Sao_Paulo');
  const now = useClock((state) => state.now);
  const [draft, setDraft] = useState(saved);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const change = (patch: Partial<AutomationSettings>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setStatus({ kind: 'idle' });
  };
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const nextOpen = nextOpening(draft.businessHours, timeZone, now);
  const example = nextOpen ? formatNextOpening(nextOpen.at, now, timeZone, language) : '—';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus({ kind: 'saving' });
    try {
      const next = await save(toSaved(draft, language));
      setDraft(next);
      setStatus({ kind: 'saved' });
    } catch (caught) {
      setStatus({ kind: 'error', message: t(errorMessageKey(caught)) });
    }
  };

  const text = (
    key: 'greetingTemplate' | 'awayTemplate' | 'handoffAckTemplate' | 'optOutAckTemplate',
    label: string,
  ) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <textarea
        className="input"
        rows={3}
        required
        maxLength={4096}
        value={draft[key]}
        onChange={(event) => change({ [key]: event.target.value })}
      />
    </label>
  );

  return (
    <form className="automations__form" onSubmit={(event) => void submit(event)}>
      <div className="automations__bar">
        <label className="automations__switch">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => change({ enabled: event.target.checked })}
          />
          <span>
            <strong>{t('auto.enabled')}</strong>
            <span className="field__hint">{t('auto.enabledHint')}</span>
          </span>
        </label>
        <span className="automations__status" role="status">
          {status.kind === 'saved' && !dirty && t('auto.saved')}
          {status.kind === 'error' && status.message}
          {status.kind === 'idle' && dirty && t('auto.unsaved')}
        </span>
        <button type="submit" className="button button--primary" disabled={status.kind === 'saving' || !dirty}>
          {t('auto.save')}
        </button>
      </div>

      <fieldset className="automations__group">
        <legend>{t('auto.hours')}</legend>
        <p className="field__hint">{t('auto.hoursHint', { zone: timeZone.replace(/_/g, ' ') })}</p>
        <BusinessHoursEditor hours={draft.businessHours} onChange={(businessHours) => change({ businessHours })} />
      </fieldset>

      <fieldset className="automations__group">
        <legend>{t('auto.closedDates')}</legend>
        <p className="field__hint">{t('auto.closedDatesHint')}</p>
        <ClosedDatesEditor hours={draft.businessHours} onChange={(businessHours) => change({ businessHours })} />
      </fieldset>

      <fieldset className="automations__group">
        <legend>{t('auto.greeting')}</legend>
        <label className="automations__check">
          <input
            type="checkbox"
            checked={draft.greetingEnabled}
            onChange={(event) => change({ greetingEnabled: event.target.checked })}
          />
          {t('auto.greetingEnabled')}
        </label>
        {text('greetingTemplate', t('auto.greetingText'))}
        <label className="field">
          <span className="field__label">{t('auto.greetingAfterDays')}</span>
          <input
            className="input automations__number"
            type="number"
            min={1}
            max={365}
            required
            value={draft.greetingAfterDays}
            onChange={(event) => change({ greetingAfterDays: Number(event.target.value) })}
          />
        </label>
      </fieldset>

      <fieldset className="automations__group">
        <legend>{t('auto.away')}</legend>
        <label className="automations__check">
          <input
            type="checkbox"
            checked={draft.awayEnabled}
            onChange={(event) => change({ awayEnabled: event.target.checked })}
          />
          {t('auto.awayEnabled')}
        </label>
        {text('awayTemplate', t('auto.awayText'))}
        <p className="field__hint">{t('auto.awayHint', { placeholder: '{{next_open}}', example })}</p>
        {text('handoffAckTemplate', t('auto.handoffText'))}
        {text('optOutAckTemplate', t('auto.optOutText'))}
      </fieldset>

      <fieldset className="automations__group">
        <legend>{t('auto.menu')}</legend>
        <label className="automations__check">
          <input
            type="checkbox"
            checked={draft.menuEnabled}
            onChange={(event) => change({ menuEnabled: event.target.checked })}
          />
          {t('auto.menuEnabled')}
        </label>
        <p className="field__hint">{t('auto.menuHint')}</p>
        <MenuEditor
          options={draft.menuOptions}
          rules={draft.faqRules}
          language={language}
          onChange={(menuOptions) => change({ menuOptions })}
        />
      </fieldset>

      <fieldset className="automations__group">
        <legend>{t('auto.faq')}</legend>
        <p className="field__hint">{t('auto.faqHint')}</p>
        <FaqRulesEditor rules={draft.faqRules} onChange={(faqRules) => change({ faqRules })} />
      </fieldset>

      <fieldset className="automations__group">
        <legend>{t('auto.loopGuard')}</legend>
        <label className="field">
          <span className="field__label">{t('auto.maxPerHour')}</span>
          <input
            className="input automations__number"
            type="number"
            min={1}
            max={20}
            required
            value={draft.maxBotMessagesPerHour}
            onChange={(event) => change({ maxBotMessagesPerHour: Number(event.target.value) })}
          />
        </label>
      </fieldset>
    </form>
  );
}
