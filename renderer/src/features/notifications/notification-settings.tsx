/**
 * The "Notifications" part of the settings dialog: what is announced and how, the browser's
 * permission (browser host) or the tray and start-up (desktop app), and the pause.
 */
import { useState } from 'react';
import type { NotificationSettings } from '../../../../shared/domain';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useClock } from '../../app/clock-store';
import { selectLanguage, useSettings } from '../settings/settings-store';
import { useNotifications } from './notifications-store';

interface Props {
  value: NotificationSettings;
  onChange(next: NotificationSettings): void;
}

type Unit = 'hours' | 'minutes';

export function NotificationSettingsFields({ value, onChange }: Props) {
  const t = useT();
  const shell = useNotifications((state) => state.shell);
  const set = (change: Partial<NotificationSettings>) => onChange({ ...value, ...change });
  const check = (key: keyof NotificationSettings, label: string, hint?: string, disabled = false) => (
    <label className="settings__check">
      <input
        type="checkbox"
        checked={value[key] === true}
        disabled={disabled}
        onChange={(event) => set({ [key]: event.target.checked })}
      />
      <span>
        {label}
        {hint && <span className="field__hint settings__check-hint">{hint}</span>}
      </span>
    </label>
  );

  return (
    <fieldset className="settings__group">
      <legend>{t('notifications.settings.title')}</legend>
      {shell === 'browser' && <BrowserPermission />}
      {check('enabled', t('notifications.settings.enabled'))}
      {check('sound', t('notifications.settings.sound'), undefined, !value.enabled)}
      {check(
        'showText',
        t('notifications.settings.showText'),
        t('notifications.settings.showTextHint'),
        !value.enabled,
      )}
      <ClosingSoonThreshold
        minutes={value.closingSoonMinutes}
        disabled={!value.enabled}
        onChange={(closingSoonMinutes) => set({ closingSoonMinutes })}
      />
      {check(
        'quietOutsideBusinessHours',
        t('notifications.settings.quiet'),
        t('notifications.settings.quietHint'),
        !value.enabled,
      )}
      {shell === 'electron' && (
        <>
          {check(
            'keepRunningInTray',
            t('notifications.settings.keepRunning'),
            t('notifications.settings.keepRunningHint'),
          )}
          {check('startAtLogin', t('notifications.settings.startAtLogin'))}
        </>
      )}
      <PauseControl />
    </fieldset>
  );
}

function ClosingSoonThreshold(props: { minutes: number; disabled: boolean; onChange(minutes: number): void }) {
  const t = useT();
  const language = useSettings(selectLanguage);
  const wholeHours = props.minutes % 60 === 0;
  const [unit, setUnit] = useState<Unit>(wholeHours ? 'hours' : 'minutes');
  const [text, setText] = useState(String(wholeHours ? props.minutes / 60 : props.minutes));
  const report = (nextText: string, nextUnit: Unit) => {
    const number = Number(nextText);
    if (nextText.trim() !== '' && Number.isFinite(number))
      props.onChange(Math.round(number * (nextUnit === 'hours' ? 60 : 1)));
  };
  // "1 hora", "2 horas": the unit follows the number typed.
  const plural = new Intl.PluralRules(language).select(Number(text) || 0) === 'one' ? 'one' : 'other';
  const unitLabel = (option: Unit) => t(`notifications.settings.${option}.${plural}`);
  return (
    <div className="field">
      <span className="field__label" id="notifications-threshold-label">
        {t('notifications.settings.closingSoon')}
      </span>
      <div className="settings__inline" role="group" aria-labelledby="notifications-threshold-label">
        <input
          className="input settings__number"
          type="number"
          min={unit === 'hours' ? 1 : 5}
          max={unit === 'hours' ? 23 : 1380}
          step={1}
          required
          disabled={props.disabled}
          value={text}
          aria-labelledby="notifications-threshold-label"
          onChange={(event) => {
            setText(event.target.value);
            report(event.target.value, unit);
          }}
        />
        <select
          className="input"
          value={unit}
          disabled={props.disabled}
          aria-label={unitLabel(unit)}
          onChange={(event) => {
            const next = event.target.value as Unit;
            setUnit(next);
            report(text, next);
          }}
        >
          <option value="hours">{unitLabel('hours')}</option>
          <option value="minutes">{unitLabel('minutes')}</option>
        </select>
      </div>
    </div>
  );
}

/** Asked only from this button, never on load: a browser remembers a refusal for good. */
function BrowserPermission() {
  const t = useT();
  const permission = useNotifications((state) => state.permission);
  const request = useNotifications((state) => state.requestPermission);
  if (permission === 'default') {
    return (
      <div className="field">
        <button type="button" className="button button--primary notifications__allow" onClick={() => void request()}>
          {t('notifications.permission.ask')}
        </button>
        <span className="field__hint">{t('notifications.permission.askHint')}</span>
      </div>
    );
  }
  const key =
    permission === 'granted'
      ? 'notifications.permission.granted'
      : permission === 'denied'
        ? 'notifications.permission.denied'
        : 'notifications.permission.unsupported';
  return (
    <p className={`notifications__permission notifications__permission--${permission}`} role="status">
      {t(key)}
    </p>
  );
}

function PauseControl() {
  const t = useT();
  const format = useFormatter();
  const pausedUntil = useNotifications((state) => state.pausedUntil);
  const now = useClock((state) => state.now);
  const pause = useNotifications((state) => state.pause);
  const resume = useNotifications((state) => state.resume);
  const paused = pausedUntil !== null && now < pausedUntil;
  return (
    <div className="notifications__pause">
      {paused && <span role="status">{t('notifications.pausedUntil', { time: format.time(pausedUntil) })}</span>}
      <button
        type="button"
        className="button"
        onClick={() => void (paused ? resume() : pause(60)).catch(() => undefined)}
      >
        {paused ? t('notifications.resume') : t('notifications.pause')}
      </button>
    </div>
  );
}
