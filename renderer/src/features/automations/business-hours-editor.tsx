/** Opening hours per weekday (several intervals each), closed dates, and Brazil's holidays in one click. */
import { useId, useState } from 'react';
import { brazilNationalHolidays } from '../../../../shared/automations/brazil-holidays';
import type { BusinessHours, OpeningInterval } from '../../../../shared/automations/business-hours';
import type { Language } from '../../../../shared/domain';
import type { MessageKey } from '../../../../shared/i18n';
import { useClock } from '../../app/clock-store';
import { useT } from '../../i18n/use-i18n';
import { selectLanguage, useSettings } from '../settings/settings-store';
import { parseDayKey, toDayKey, zonedParts, type DayKey } from '../../../../shared/time/shop-time';

// Brazilian shops think of the week from Monday.
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

// The shop works in 24 hours whatever the browser's locale (an <input type="time"> follows it and
// shows AM/PM in English): a text field that takes HH:MM. Midnight closes as 24:00; 00:00 means it too.
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const storedEnd = (time: string) => (time === '00:00' ? '24:00' : time);

function ClockTimeInput(props: { label: string; value: string; closing?: boolean; onChange(value: string): void }) {
  const t = useT();
  const [draft, setDraft] = useState(props.value);
  const [shownValue, setShownValue] = useState(props.value);
  // A new value from outside (another interval removed, settings reloaded) replaces the draft.
  if (props.value !== shownValue) {
    setShownValue(props.value);
    setDraft(props.value);
  }
  const valid = CLOCK_TIME.test(draft) || (props.closing === true && draft === '24:00');
  const errorId = useId();
  return (
    <>
      <input
        className="input business-hours__time"
        type="text"
        inputMode="numeric"
        maxLength={5}
        placeholder="HH:MM"
        required
        aria-label={props.label}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : errorId}
        value={draft}
        onChange={(event) => {
          const value = event.target.value.trim();
          setDraft(value);
          if (CLOCK_TIME.test(value) || (props.closing === true && value === '24:00')) {
            const stored = props.closing ? storedEnd(value) : value;
            setShownValue(stored);
            props.onChange(stored);
          }
        }}
      />
      {!valid && (
        <span id={errorId} className="error-text business-hours__invalid" role="alert">
          {t('auto.timeInvalid')}
        </span>
      )}
    </>
  );
}

export function BusinessHoursEditor({
  hours,
  onChange,
}: {
  hours: BusinessHours;
  onChange: (hours: BusinessHours) => void;
}) {
  const t = useT();
  const setDay = (weekday: number, intervals: OpeningInterval[]) =>
    onChange({ ...hours, weekly: hours.weekly.map((day, index) => (index === weekday ? intervals : day)) });

  return (
    <div className="business-hours">
      {WEEK_ORDER.map((weekday) => {
        const day = t(`auto.day.${weekday}` as MessageKey);
        const intervals = hours.weekly[weekday] ?? [];
        return (
          <div key={weekday} className="business-hours__day" role="group" aria-label={day}>
            <span className="business-hours__name">{day}</span>
            <div className="business-hours__intervals">
              {intervals.length === 0 && <span className="business-hours__closed">{t('auto.dayClosed')}</span>}
              {intervals.map((interval, index) => (
                <span key={index} className="business-hours__interval">
                  <ClockTimeInput
                    label={t('auto.opens', { day })}
                    value={interval.start}
                    onChange={(start) =>
                      setDay(
                        weekday,
                        intervals.map((other, i) => (i === index ? { ...other, start } : other)),
                      )
                    }
                  />
                  <span aria-hidden="true">–</span>
                  <ClockTimeInput
                    label={t('auto.closes', { day })}
                    value={interval.end}
                    closing
                    onChange={(end) =>
                      setDay(
                        weekday,
                        intervals.map((other, i) => (i === index ? { ...other, end } : other)),
                      )
                    }
                  />
                  <button
                    type="button"
                    className="button button--link"
                    aria-label={t('auto.removeInterval', { day, start: interval.start, end: interval.end })}
                    onClick={() =>
                      setDay(
                        weekday,
                        intervals.filter((_, i) => i !== index),
                      )
                    }
                  >
                    ✕
                  </button>
                </span>
              ))}
            </div>
            <button
              type="button"
              className="button button--link"
              aria-label={t('auto.addInterval', { day })}
              onClick={() => setDay(weekday, [...intervals, nextInterval(intervals)])}
            >
              {t('auto.addIntervalShort')}
            </button>
          </div>
        );
      })}
    </div>
  );
}

/** A sensible next opening for a day: after the last one, or the usual 9:00–18:00. */
function nextInterval(intervals: readonly OpeningInterval[]): OpeningInterval {
  const last = intervals[intervals.length - 1];
  if (!last) return { start: '09:00', end: '18:00' };
  const [hh = 0] = last.end.split(':').map(Number);
  if (hh >= 22) return { start: '22:00', end: '24:00' };
  const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
  return { start: pad(hh + 1), end: pad(Math.min(hh + 3, 24)) };
}

// Typed in the app's language rather than picked with <input type="date">, which follows the
// browser's locale: DD/MM/AAAA in Portuguese, YYYY-MM-DD in English (unambiguous); both take ISO.
function typedClosedDate(text: string, language: Language): DayKey | null {
  const typed = text.trim();
  const brazilian = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed);
  const key =
    language === 'pt-BR' && brazilian
      ? toDayKey(Number(brazilian[3]), Number(brazilian[2]), Number(brazilian[1]))
      : typed;
  return parseDayKey(key) ? key : null;
}

export function ClosedDatesEditor({
  hours,
  onChange,
}: {
  hours: BusinessHours;
  onChange: (hours: BusinessHours) => void;
}) {
  const t = useT();
  const language = useSettings(selectLanguage);
  const timeZone = useSettings((state) => state.settings?.timeZone ?? 'America/Sao_Paulo');
  const now = useClock((state) => state.now);
  const [newDate, setNewDate] = useState('');
  const [added, setAdded] = useState<number | null>(null);
  const newDateKey = typedClosedDate(newDate, language);
  const newDateInvalid = newDate.trim().length >= 8 && newDateKey === null;
  const newDateErrorId = useId();
  const year = zonedParts(now, timeZone).y;
  const setDates = (dates: string[]) => onChange({ ...hours, closedDates: [...new Set(dates)].sort() });
  const holidays = [...brazilNationalHolidays(year), ...brazilNationalHolidays(year + 1)];
  const holidayName = new Map(holidays.map((holiday) => [holiday.date, holiday.name[language]]));
  const dateText = (key: string) => {
    const [y = 0, m = 1, d = 1] = key.split('-').map(Number);
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  };
  const plural = new Intl.PluralRules(language);

  return (
    <div className="closed-dates">
      <div className="closed-dates__add">
        <label className="field">
          <span className="field__label">{t('auto.closedDate')}</span>
          <input
            className="input"
            type="text"
            placeholder={t('auto.closedDateFormat')}
            aria-invalid={newDateInvalid}
            aria-describedby={newDateInvalid ? newDateErrorId : undefined}
            value={newDate}
            onChange={(event) => setNewDate(event.target.value)}
          />
          {newDateInvalid && (
            <span id={newDateErrorId} className="error-text" role="alert">
              {t('auto.closedDateInvalid')}
            </span>
          )}
        </label>
        <button
          type="button"
          className="button"
          disabled={newDateKey === null}
          onClick={() => {
            if (newDateKey === null) return;
            setDates([...hours.closedDates, newDateKey]);
            setNewDate('');
          }}
        >
          {t('auto.addClosedDate')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            const before = new Set(hours.closedDates);
            const fresh = holidays.filter((holiday) => !before.has(holiday.date));
            setDates([...hours.closedDates, ...fresh.map((holiday) => holiday.date)]);
            setAdded(fresh.length);
          }}
        >
          {t('auto.addHolidays', { years: `${year}–${year + 1}` })}
        </button>
      </div>
      <p className="field__hint" role="status">
        {added !== null &&
          t(`auto.holidaysAdded.${plural.select(added) === 'one' ? 'one' : 'other'}` as MessageKey, { count: added })}
      </p>
      {hours.closedDates.length === 0 ? (
        <p className="field__hint">{t('auto.noClosedDates')}</p>
      ) : (
        <ul className="closed-dates__list" aria-label={t('auto.closedDates')}>
          {hours.closedDates.map((date) => (
            <li key={date} className="closed-dates__item">
              <span>
                {dateText(date)}
                {holidayName.has(date) && <span className="closed-dates__holiday"> · {holidayName.get(date)}</span>}
              </span>
              <button
                type="button"
                className="button button--link"
                aria-label={t('auto.removeClosedDate', { date: dateText(date) })}
                onClick={() => setDates(hours.closedDates.filter((other) => other !== date))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
