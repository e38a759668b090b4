import { useEffect, useState } from 'react';
import type { AgendaEntry } from '../../../../shared/bookings/agenda-view';
import type { BookingStatus } from '../../../../shared/bookings/booking-schemas';
import { errorMessageKey } from '../../../../shared/i18n';
import { useClock } from '../../app/clock-store';
import { useT } from '../../i18n/use-i18n';
import { selectLanguage, useSettings } from '../settings/settings-store';
import { useAgenda, weekStart, type AgendaMode } from './agenda-store';
import { BookingDialog, CancelBookingDialog, type BookingDialogState } from './booking-dialog';
import { openChat } from './open-chat';
import { liveReminderPlan, reminderText } from './reminder-text';
import { ServicesDialog } from './services-dialog';
import { addDaysToKey, type DayKey, dayKeyOf } from '../../../../shared/time/shop-time';
import { formatShopDay, formatShopTime } from '../../../../shared/time/shop-time-text';

const statuses: BookingStatus[] = ['booked', 'confirmed', 'done', 'no-show', 'cancelled'];

/** The staff agenda: a day or a week of bookings, with create, move, cancel and status. */
export function AgendaScreen() {
  const t = useT();
  const language = useSettings(selectLanguage);
  const timeZone = useSettings((state) => state.settings?.timeZone ?? 'UTC');
  const now = useClock((state) => state.now);
  const { mode, date, agenda, show } = useAgenda();
  const today = dayKeyOf(now, timeZone);
  const shown = date ?? today;
  const [dialog, setDialog] = useState<BookingDialogState | null>(null);
  const [cancelling, setCancelling] = useState<AgendaEntry | null>(null);
  const [servicesOpen, setServicesOpen] = useState(false);
  const [feedback, setFeedback] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void show(mode, shown, timeZone).catch(() => undefined);
    // Fetch when the screen opens and whenever the zone changes; navigation calls show itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [timeZone]);

  const go = (nextMode: AgendaMode, nextDate: DayKey) => {
    setFeedback(null);
    void show(nextMode, nextDate, timeZone).catch(() => undefined);
  };
  const step = mode === 'day' ? 1 : 7;

  const changeStatus = async (entry: AgendaEntry, status: BookingStatus) => {
    try {
      await useAgenda.getState().setStatus(entry.booking.id, status, false);
      setFeedback({ kind: 'status', text: t('agenda.saved') });
    } catch (caught) {
      setFeedback({ kind: 'error', text: t(errorMessageKey(caught)) });
    }
  };

  const heading =
    mode === 'day'
      ? formatShopDay(shown, language)
      : `${formatShopDay(weekStart(shown), language)} – ${formatShopDay(addDaysToKey(weekStart(shown), 6), language)}`;

  return (
    <main className="agenda" aria-labelledby="agenda-title">
      <div className="agenda__toolbar">
        <h1 id="agenda-title" className="agenda__title">
          {t('agenda.title')}
        </h1>
        <div className="segmented" role="group" aria-label={t('agenda.viewLabel')}>
          {(['day', 'week'] as const).map((candidate) => (
            <button
              key={candidate}
              type="button"
              className="segmented__option"
              aria-pressed={mode === candidate}
              onClick={() => go(candidate, shown)}
            >
              {t(candidate === 'day' ? 'agenda.day' : 'agenda.week')}
            </button>
          ))}
        </div>
        <div className="agenda__nav">
          <button
            type="button"
            className="button"
            aria-label={t('agenda.previous')}
            onClick={() => go(mode, addDaysToKey(shown, -step))}
          >
            ‹
          </button>
          <button type="button" className="button" onClick={() => go(mode, today)}>
            {t('agenda.today')}
          </button>
          <button
            type="button"
            className="button"
            aria-label={t('agenda.next')}
            onClick={() => go(mode, addDaysToKey(shown, step))}
          >
            ›
          </button>
          <span className="agenda__range" aria-live="polite">
            {heading}
          </span>
        </div>
        <div className="agenda__spacer" />
        <button type="button" className="button" onClick={() => setServicesOpen(true)}>
          {t('agenda.manage')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setDialog({ kind: 'new', date: shown })}
        >
          {t('agenda.new')}
        </button>
      </div>
      {feedback && (
        <p
          className={feedback.kind === 'error' ? 'agenda__feedback error-text' : 'agenda__feedback'}
          role={feedback.kind === 'error' ? 'alert' : 'status'}
        >
          {feedback.text}
        </p>
      )}
      {!agenda ? (
        <p className="agenda__empty" role="status">
          {t('agenda.loading')}
        </p>
      ) : mode === 'day' ? (
        <DayView
          date={shown}
          entries={agenda.entries}
          onMove={(entry) => setDialog({ kind: 'move', entry })}
          onCancel={setCancelling}
          onStatus={changeStatus}
        />
      ) : (
        <WeekView entries={agenda.entries} first={weekStart(shown)} today={today} onDay={(day) => go('day', day)} />
      )}
      {dialog && (
        <BookingDialog
          state={dialog}
          onClose={() => setDialog(null)}
          onDone={(told) => {
            setDialog(null);
            setFeedback({ kind: 'status', text: t(told ? 'agenda.savedTold' : 'agenda.saved') });
          }}
        />
      )}
      {cancelling && (
        <CancelBookingDialog
          entry={cancelling}
          onClose={() => setCancelling(null)}
          onDone={(told) => {
            setCancelling(null);
            setFeedback({ kind: 'status', text: t(told ? 'agenda.savedTold' : 'agenda.saved') });
          }}
        />
      )}
      {servicesOpen && <ServicesDialog onClose={() => setServicesOpen(false)} />}
    </main>
  );
}

interface DayViewProps {
  date: DayKey;
  entries: AgendaEntry[];
  onMove(entry: AgendaEntry): void;
  onCancel(entry: AgendaEntry): void;
  onStatus(entry: AgendaEntry, status: BookingStatus): void;
}

function DayView({ date, entries, onMove, onCancel, onStatus }: DayViewProps) {
  const t = useT();
  const now = useClock((state) => state.now);
  const language = useSettings(selectLanguage);
  const timeZone = useSettings((state) => state.settings?.timeZone ?? 'UTC');
  if (entries.length === 0) return <p className="agenda__empty">{t('agenda.empty')}</p>;
  return (
    <ol className="agenda__day" aria-label={t('agenda.dayList', { day: formatShopDay(date, language) })}>
      {entries.map((entry) => {
        const { booking } = entry;
        const reminder = reminderText(entry, t, timeZone, language, now);
        const closed = liveReminderPlan(entry, now)?.state === 'cannot-remind-window-closed';
        const active = booking.status === 'booked' || booking.status === 'confirmed';
        return (
          <li key={booking.id} className={`booking booking--${booking.status}`}>
            <div className="booking__time">
              {formatShopTime(booking.start, timeZone, language)}
              <span className="booking__end">{formatShopTime(booking.end, timeZone, language)}</span>
            </div>
            <div className="booking__main">
              <button
                type="button"
                className="button--link booking__customer"
                aria-label={t('agenda.openChat', { name: entry.customerName })}
                onClick={() => openChat(booking.chatId)}
              >
                {entry.customerName}
              </button>
              <span className="booking__service">{entry.serviceName ?? t('agenda.removedService')}</span>
              {booking.note && <span className="booking__note">{booking.note}</span>}
              {reminder && (
                <span className={closed ? 'booking__reminder booking__reminder--closed' : 'booking__reminder'}>
                  {reminder}
                </span>
              )}
            </div>
            <div className="booking__actions">
              <select
                className="input booking__status"
                aria-label={t('agenda.statusLabel', { name: entry.customerName })}
                value={booking.status}
                onChange={(event) => {
                  const status = event.target.value as BookingStatus;
                  if (status === 'cancelled') onCancel(entry);
                  else onStatus(entry, status);
                }}
              >
                {statuses.map((status) => (
                  <option key={status} value={status}>
                    {t(`agenda.status.${status}`)}
                  </option>
                ))}
              </select>
              {active && (
                <>
                  <button type="button" className="button" onClick={() => onMove(entry)}>
                    {t('agenda.move')}
                  </button>
                  <button type="button" className="button button--danger" onClick={() => onCancel(entry)}>
                    {t('agenda.cancel')}
                  </button>
                </>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function WeekView(props: { entries: AgendaEntry[]; first: DayKey; today: DayKey; onDay(day: DayKey): void }) {
  const t = useT();
  const now = useClock((state) => state.now);
  const language = useSettings(selectLanguage);
  const timeZone = useSettings((state) => state.settings?.timeZone ?? 'UTC');
  const days = Array.from({ length: 7 }, (_, index) => addDaysToKey(props.first, index));
  return (
    <div className="agenda__week">
      {props.entries.length === 0 && <p className="agenda__empty agenda__week-empty">{t('agenda.emptyWeek')}</p>}
      {days.map((day) => {
        const entries = props.entries.filter((entry) => dayKeyOf(entry.booking.start, timeZone) === day);
        return (
          <section
            key={day}
            className={day === props.today ? 'week-day week-day--today' : 'week-day'}
            aria-label={formatShopDay(day, language)}
          >
            <h2 className="week-day__title">
              <button type="button" className="button--link" onClick={() => props.onDay(day)}>
                {formatShopDay(day, language)}
              </button>
            </h2>
            <ul className="week-day__list">
              {entries.map((entry) => (
                <li key={entry.booking.id} className={`week-booking booking--${entry.booking.status}`}>
                  <span className="week-booking__time">{formatShopTime(entry.booking.start, timeZone, language)}</span>
                  <button
                    type="button"
                    className="button--link week-booking__customer"
                    aria-label={t('agenda.openChat', { name: entry.customerName })}
                    onClick={() => openChat(entry.booking.chatId)}
                  >
                    {entry.customerName}
                  </button>
                  <span className="week-booking__service">{entry.serviceName ?? t('agenda.removedService')}</span>
                  <span className="week-booking__status">{t(`agenda.status.${entry.booking.status}`)}</span>
                  {liveReminderPlan(entry, now)?.state === 'cannot-remind-window-closed' && (
                    <span className="booking__reminder booking__reminder--closed">{t('agenda.reminder.closed')}</span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
