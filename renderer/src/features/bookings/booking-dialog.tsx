import { useState, type FormEvent } from 'react';
import type { AgendaEntry } from '../../../../shared/bookings/agenda-view';
import { isWindowOpen } from '../../../../shared/chats/window-rules';
import type { ChatId } from '../../../../shared/domain';
import { errorMessageKey } from '../../../../shared/i18n';
import { useClock } from '../../app/clock-store';
import { useModalDialog } from '../../app/use-modal-dialog';
import { useT } from '../../i18n/use-i18n';
import { useChats } from '../chats/chats-store';
import { useSettings } from '../settings/settings-store';
import { useAgenda } from './agenda-store';
import { type DayKey, dayKeyOf, startOfDay } from '../../../../shared/time/shop-time';
import { formatShopTime } from '../../../../shared/time/shop-time-text';

export type BookingDialogState = { kind: 'new'; date: DayKey } | { kind: 'move'; entry: AgendaEntry };

const MINUTE_MS = 60_000;

function startFrom(date: string, time: string, timeZone: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !match) return null;
  return startOfDay(date, timeZone) + (Number(match[1]) * 60 + Number(match[2])) * MINUTE_MS;
}

/** Whether the customer may be written to now, and the checkbox or the reason it is missing. */
function NotifyField(props: { canTell: boolean; notify: boolean; onChange(value: boolean): void }) {
  const t = useT();
  if (!props.canTell) return <p className="agenda-dialog__cannot">{t('agenda.dialog.cannotNotify')}</p>;
  return (
    <label className="checkbox-field">
      <input type="checkbox" checked={props.notify} onChange={(event) => props.onChange(event.target.checked)} />
      {t('agenda.dialog.notify')}
    </label>
  );
}

/** A booking made or moved by hand. */
export function BookingDialog(props: { state: BookingDialogState; onClose(): void; onDone(told: boolean): void }) {
  const t = useT();
  const dialog = useModalDialog(true);
  const timeZone = useSettings((state) => state.settings?.timeZone ?? 'UTC');
  const language = useSettings((state) => state.settings?.language ?? 'pt-BR');
  const now = useClock((state) => state.now);
  const chats = useChats((state) => state.ordered);
  const services = useAgenda((state) => state.agenda?.services ?? []);
  const moving = props.state.kind === 'move' ? props.state.entry : null;
  const [chatId, setChatId] = useState<ChatId | ''>('');
  const [serviceId, setServiceId] = useState(services.find((service) => service.active)?.id ?? '');
  const [date, setDate] = useState<string>(
    moving ? dayKeyOf(moving.booking.start, timeZone) : props.state.kind === 'new' ? props.state.date : '',
  );
  const [time, setTime] = useState(moving ? formatShopTime(moving.booking.start, timeZone, 'pt-BR') : '09:00');
  const [note, setNote] = useState('');
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const chat = chats.find((candidate) => candidate.chatId === chatId);
  const canTell = moving
    ? moving.windowOpenUntil !== null && moving.windowOpenUntil > now
    : chat !== undefined && isWindowOpen(chat.lastInboundAt, now);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const start = startFrom(date, time, timeZone);
    if (start === null || (!moving && (chatId === '' || serviceId === ''))) {
      setError(t('error.invalid-input'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const agenda = useAgenda.getState();
      const told = moving
        ? await agenda.moveBooking(moving.booking.id, start, canTell && notify)
        : await agenda.createBooking({
            chatId: chatId as ChatId,
            serviceId,
            start,
            ...(note.trim() ? { note: note.trim() } : {}),
            notify: canTell && notify,
          });
      props.onDone(told);
    } catch (caught) {
      setError(t(errorMessageKey(caught)));
    } finally {
      setBusy(false);
    }
  };

  const title = moving ? t('agenda.dialog.move', { name: moving.customerName }) : t('agenda.dialog.new');
  return (
    <dialog
      ref={dialog}
      className="dialog agenda-dialog"
      aria-labelledby="booking-dialog-title"
      onClose={props.onClose}
    >
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="booking-dialog-title" className="dialog__title">
          {title}
        </h2>
        {moving ? (
          <p className="agenda-dialog__what">
            {moving.serviceName ?? t('agenda.removedService')} ·{' '}
            {formatShopTime(moving.booking.start, timeZone, language)}
          </p>
        ) : (
          <>
            <label className="field">
              <span className="field__label">{t('agenda.dialog.customer')}</span>
              <select
                className="input"
                value={chatId}
                onChange={(event) => setChatId(event.target.value as ChatId)}
                required
              >
                <option value="">{t('agenda.dialog.pickCustomer')}</option>
                {chats.map((candidate) => (
                  <option key={candidate.chatId} value={candidate.chatId}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('agenda.dialog.service')}</span>
              <select
                className="input"
                value={serviceId}
                onChange={(event) => setServiceId(event.target.value)}
                required
              >
                {services.map((service) => (
                  <option key={service.id} value={service.id}>
                    {service.name}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <div className="agenda-dialog__row">
          <label className="field">
            <span className="field__label">{t('agenda.dialog.date')}</span>
            <input
              className="input"
              type="date"
              value={date}
              onChange={(event) => setDate(event.target.value)}
              required
            />
          </label>
          <label className="field">
            <span className="field__label">{t('agenda.dialog.time')}</span>
            <input
              className="input"
              type="time"
              step={300}
              value={time}
              onChange={(event) => setTime(event.target.value)}
              required
            />
          </label>
        </div>
        {!moving && (
          <label className="field">
            <span className="field__label">{t('agenda.dialog.note')}</span>
            <input className="input" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
          </label>
        )}
        {(moving || chat) && <NotifyField canTell={canTell} notify={notify} onChange={setNotify} />}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('agenda.dialog.close')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t(moving ? 'agenda.dialog.saveMove' : 'agenda.dialog.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** "Cancel this booking?", with the message to the customer offered only while their window is open. */
export function CancelBookingDialog(props: { entry: AgendaEntry; onClose(): void; onDone(told: boolean): void }) {
  const t = useT();
  const dialog = useModalDialog(true);
  const now = useClock((state) => state.now);
  const canTell = props.entry.windowOpenUntil !== null && props.entry.windowOpenUntil > now;
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const cancel = async () => {
    try {
      props.onDone(await useAgenda.getState().setStatus(props.entry.booking.id, 'cancelled', canTell && notify));
    } catch (caught) {
      setError(t(errorMessageKey(caught)));
    }
  };
  return (
    <dialog
      ref={dialog}
      className="dialog dialog--small"
      aria-labelledby="cancel-booking-title"
      onClose={props.onClose}
    >
      <h2 id="cancel-booking-title" className="dialog__title">
        {t('agenda.dialog.cancel', { name: props.entry.customerName })}
      </h2>
      <NotifyField canTell={canTell} notify={notify} onChange={setNotify} />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={props.onClose}>
          {t('agenda.dialog.keep')}
        </button>
        <button type="button" className="button button--danger-solid" onClick={() => void cancel()}>
          {t('agenda.dialog.confirmCancel')}
        </button>
      </div>
    </dialog>
  );
}
