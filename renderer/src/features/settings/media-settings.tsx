import { useEffect, useState } from 'react';
import type { Settings, SettingsPatch } from '../../../../shared/domain';
import { useMedia } from '../media/media-store';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { formatBytes } from '../media/media-url';

interface MediaDraftValues {
  maxFileMb: string;
  quotaMb: string;
  deleteAfterDays: string;
}

export function useMediaSettingsDraft(settings: Settings) {
  const [values, setValues] = useState<MediaDraftValues>({
    maxFileMb: String(settings.mediaMaxFileMb ?? 16),
    quotaMb: settings.mediaQuotaMb ? String(settings.mediaQuotaMb) : '',
    deleteAfterDays: settings.mediaDeleteAfterDays ? String(settings.mediaDeleteAfterDays) : '',
  });
  return { values, setValues };
}

/** Empty fields mean "no limit" and "keep": sent as null so a limit set before is lifted. */
export function mediaSettingsPatch(values: MediaDraftValues): SettingsPatch {
  const whole = (text: string) => (text.trim() === '' ? null : Math.round(Number(text)));
  return {
    mediaMaxFileMb: whole(values.maxFileMb) ?? 16,
    mediaQuotaMb: whole(values.quotaMb),
    mediaDeleteAfterDays: whole(values.deleteAfterDays),
  };
}

/** The per-file cap, the quota and "delete media older than N days" (off unless a number is set). */
export function MediaSettingsFields({ draft }: { draft: ReturnType<typeof useMediaSettingsDraft> }) {
  const t = useT();
  const format = useFormatter();
  const [usage, setUsage] = useState<{ files: number; bytes: number } | null>(null);
  const { values, setValues } = draft;
  useEffect(() => {
    useMedia
      .getState()
      .usage()
      .then(setUsage)
      .catch(() => undefined);
  }, []);
  const field = (key: keyof MediaDraftValues, label: string, min: number, max: number, required = false) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="input settings__number"
        type="number"
        min={min}
        max={max}
        step={1}
        required={required}
        value={values[key]}
        onChange={(event) => setValues({ ...values, [key]: event.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="settings__group">
      <legend>{t('settings.media')}</legend>
      {field('maxFileMb', t('settings.mediaMaxFile'), 1, 100, true)}
      {field('quotaMb', t('settings.mediaQuota'), 10, 1_000_000)}
      {field('deleteAfterDays', t('settings.mediaDeleteAfter'), 1, 3650)}
      {usage && (
        <p className="field__hint">
          {t('settings.mediaUsage', { count: usage.files, size: formatBytes(usage.bytes, format.locale) })}
        </p>
      )}
    </fieldset>
  );
}
