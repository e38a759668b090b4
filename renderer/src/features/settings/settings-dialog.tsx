import { useMemo, useState, type FormEvent } from 'react';
import { useModalDialog } from '../../app/use-modal-dialog';
import type { Language, Settings, SettingsPatch } from '../../../../shared/domain';
import { errorMessageKey, languages } from '../../../../shared/i18n';
import { useT } from '../../i18n/use-i18n';
import { CsatSettingsSection } from '../metrics/csat-settings-section';
import { selectLanguage, useSettings } from './settings-store';
import { timeZoneOptions, type TimeZoneOption } from '../../../../shared/settings/time-zone-names';
import { useUi } from '../../app/ui-store';
import { NotificationSettingsFields } from '../notifications/notification-settings';
import { HelpSection } from '../help/help-section';
import { MediaSettingsFields, mediaSettingsPatch, useMediaSettingsDraft } from './media-settings';

/** Settings in a modal dialog; the form mounts on open so it always starts from the saved values. */
export function SettingsDialog() {
  const t = useT();
  const open = useUi((state) => state.settingsOpen);
  const setOpen = useUi((state) => state.setSettingsOpen);
  const settings = useSettings((state) => state.settings);
  const dialog = useModalDialog(open);

  return (
    <dialog ref={dialog} className="dialog settings" aria-labelledby="settings-title" onClose={() => setOpen(false)}>
      <h2 id="settings-title" className="dialog__title">
        {t('settings.title')}
      </h2>
      {open && settings && <SettingsForm settings={settings} onDone={() => setOpen(false)} />}
    </dialog>
  );
}

type ThresholdUnit = 'hours' | 'minutes';

function timeZones(current: string, language: Language): TimeZoneOption[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return timeZoneOptions(zones, current, language);
}

function SettingsForm({ settings, onDone }: { settings: Settings; onDone: () => void }) {
  const t = useT();
  const update = useSettings((state) => state.update);
  const shownLanguage = useSettings(selectLanguage);
  // Said only when `--lang` shows another language than the saved one.
  const launchLanguage = useSettings((state) =>
    state.launchLanguage !== settings.language ? state.launchLanguage : null,
  );
  const [language, setLanguage] = useState<Language>(settings.language);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const wholeHours = settings.closingSoonMinutes % 60 === 0;
  const [thresholdUnit, setThresholdUnit] = useState<ThresholdUnit>(wholeHours ? 'hours' : 'minutes');
  const [threshold, setThreshold] = useState(
    String(wholeHours ? settings.closingSoonMinutes / 60 : settings.closingSoonMinutes),
  );
  const [reactionsRenewWindow, setReactionsRenewWindow] = useState(settings.reactionsRenewWindow);
  const [sendInterval, setSendInterval] = useState(String(settings.sendIntervalMs / 1000));
  const [browserPath, setBrowserPath] = useState(settings.browserPath ?? '');
  const [shop, setShop] = useState(settings.shop);
  const [notifications, setNotifications] = useState(settings.notifications);
  const mediaDraft = useMediaSettingsDraft(settings);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => timeZones(settings.timeZone, shownLanguage), [settings.timeZone, shownLanguage]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch: SettingsPatch = {
      language,
      timeZone,
      closingSoonMinutes: Math.round(Number(threshold) * (thresholdUnit === 'hours' ? 60 : 1)),
      reactionsRenewWindow,
      sendIntervalMs: Math.round(Number(sendInterval) * 1000),
      browserPath: browserPath.trim() || null,
      shop,
      notifications,
      ...mediaSettingsPatch(mediaDraft.values),
    };
    setSaving(true);
    setError(null);
    try {
      await update(patch);
      onDone();
    } catch (caught) {
      setError(t(errorMessageKey(caught)));
    } finally {
      setSaving(false);
    }
  };

  const shopField = (key: keyof Settings['shop'], label: string, type = 'text') => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="input"
        type={type}
        value={shop[key]}
        maxLength={key === 'name' ? 80 : 200}
        onChange={(event) => setShop({ ...shop, [key]: event.target.value })}
      />
    </label>
  );

  return (
    <form className="settings__form" onSubmit={(event) => void submit(event)}>
      <div className="settings__body">
        <fieldset className="settings__group">
          <legend>{t('settings.general')}</legend>
          <label className="field">
            <span className="field__label">{t('settings.language')}</span>
            <select
              className="input"
              value={language}
              onChange={(event) => setLanguage(event.target.value as Language)}
              {...(launchLanguage ? { 'aria-describedby': 'settings-launch-language' } : {})}
            >
              {languages.map((option) => (
                <option key={option} value={option}>
                  {t(`language.${option}`)}
                </option>
              ))}
            </select>
            {launchLanguage && (
              <span id="settings-launch-language" className="field__hint">
                {t('settings.launchLanguage', { language: t(`language.${launchLanguage}`) })}
              </span>
            )}
          </label>
          <label className="field">
            <span className="field__label">{t('settings.timeZone')}</span>
            <select
              className="input"
              value={timeZone}
              onChange={(event) => setTimeZone(event.target.value)}
              aria-describedby="settings-tz-hint"
            >
              <optgroup label={t('settings.timeZonesBrazil')}>
                {zones
                  .filter((option) => option.brazilian)
                  .map((option) => (
                    <option key={option.zone} value={option.zone}>
                      {option.label}
                    </option>
                  ))}
              </optgroup>
              <optgroup label={t('settings.timeZonesOther')}>
                {zones
                  .filter((option) => !option.brazilian)
                  .map((option) => (
                    <option key={option.zone} value={option.zone}>
                      {option.label}
                    </option>
                  ))}
              </optgroup>
            </select>
            <span id="settings-tz-hint" className="field__hint">
              {t('settings.timeZoneHint')}
            </span>
          </label>
        </fieldset>

        <fieldset className="settings__group">
          <legend>{t('settings.window')}</legend>
          <div className="field">
            <span className="field__label" id="settings-threshold-label">
              {t('settings.closingSoon')}
            </span>
            <div className="settings__inline" role="group" aria-labelledby="settings-threshold-label">
              <input
                className="input settings__number"
                type="number"
                min={thresholdUnit === 'hours' ? 1 : 5}
                max={thresholdUnit === 'hours' ? 23 : 1380}
                step={1}
                required
                value={threshold}
                aria-labelledby="settings-threshold-label"
                onChange={(event) => setThreshold(event.target.value)}
              />
              <select
                className="input"
                value={thresholdUnit}
                aria-label={
                  thresholdUnit === 'hours' ? t('settings.closingSoonHours') : t('settings.closingSoonMinutes')
                }
                onChange={(event) => setThresholdUnit(event.target.value as ThresholdUnit)}
              >
                <option value="hours">{t('settings.closingSoonHours')}</option>
                <option value="minutes">{t('settings.closingSoonMinutes')}</option>
              </select>
            </div>
          </div>
          <label className="settings__check">
            <input
              type="checkbox"
              checked={reactionsRenewWindow}
              onChange={(event) => setReactionsRenewWindow(event.target.checked)}
            />
            <span>
              {t('settings.reactionsRenew')}
              <span className="field__hint settings__check-hint">{t('settings.reactionsRenewHint')}</span>
            </span>
          </label>
        </fieldset>

        <NotificationSettingsFields value={notifications} onChange={setNotifications} />

        <fieldset className="settings__group">
          <legend>{t('settings.shop')}</legend>
          {shopField('name', t('settings.shopName'))}
          {shopField('address', t('settings.shopAddress'))}
          {shopField('hours', t('settings.shopHours'))}
          {shopField('website', t('settings.shopWebsite'), 'url')}
        </fieldset>

        <fieldset className="settings__group">
          <legend>{t('settings.sending')}</legend>
          <label className="field">
            <span className="field__label">{t('settings.sendInterval')}</span>
            <input
              className="input settings__number"
              type="number"
              min={0}
              max={60}
              step={0.5}
              required
              value={sendInterval}
              onChange={(event) => setSendInterval(event.target.value)}
              aria-describedby="settings-interval-hint"
            />
            <span id="settings-interval-hint" className="field__hint">
              {t('settings.sendIntervalHint')}
            </span>
          </label>
          <label className="field">
            <span className="field__label">{t('settings.browserPath')}</span>
            <input
              className="input"
              type="text"
              value={browserPath}
              onChange={(event) => setBrowserPath(event.target.value)}
              aria-describedby="settings-browser-hint"
              spellCheck={false}
            />
            <span id="settings-browser-hint" className="field__hint">
              {t('settings.browserPathHint')}
            </span>
          </label>
        </fieldset>

        <MediaSettingsFields draft={mediaDraft} />
        <CsatSettingsSection />
        <HelpSection />

        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="dialog__actions settings__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('app.save')}
        </button>
      </div>
    </form>
  );
}
