import { useEffect, useState } from 'react';
import type { Language } from '../../../../shared/domain';
import { errorMessageKey, type MessageKey } from '../../../../shared/i18n';
import { formatBrl } from '../../../../shared/orders/money';
import type { OrderBoardEntry } from '../../../../shared/orders/order-board-view';
import type { OrderStatus } from '../../../../shared/orders/order-schemas';
import { useClock } from '../../app/clock-store';
import { useT } from '../../i18n/use-i18n';
import { openChat } from '../bookings/open-chat';
import { selectLanguage, useSettings } from '../settings/settings-store';
import { CatalogueDialog } from './catalogue-dialog';
import { useOrders } from './orders-store';
import { columnOf, columns, nextStatus } from './order-steps';
import { addDaysToKey, dayKeyOf } from '../../../../shared/time/shop-time';
import { formatShopDay, formatShopDayTime, formatShopTime } from '../../../../shared/time/shop-time-text';

function plural(language: Language, count: number): 'one' | 'other' {
  return new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
}

/** The order board: a day's orders by status, moved along by staff, with the day's totals. */
export function OrderBoardScreen() {
  const t = useT();
  const language = useSettings(selectLanguage);
  const timeZone = useSettings((state) => state.settings?.timeZone ?? 'UTC');
  const now = useClock((state) => state.now);
  const { date, board, show } = useOrders();
  const today = dayKeyOf(now, timeZone);
  const shown = date ?? today;
  const [catalogueOpen, setCatalogueOpen] = useState(false);
  const [feedback, setFeedback] = useState<{ kind: 'status' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void show(shown).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [timeZone]);

  const go = (day: string) => {
    setFeedback(null);
    void show(day).catch(() => undefined);
  };

  const move = async (entry: OrderBoardEntry, status: OrderStatus, notify: boolean) => {
    try {
      const told = await useOrders.getState().setStatus(entry.order.id, status, notify);
      const statusText = t(`orders.status.${status}`);
      setFeedback({
        kind: 'status',
        text: t(told ? 'orders.movedTold' : 'orders.moved', { id: entry.order.id, status: statusText }),
      });
    } catch (caught) {
      setFeedback({ kind: 'error', text: t(errorMessageKey(caught)) });
    }
  };

  const totals = board?.totals;
  return (
    <main className="order-board" aria-labelledby="orders-title">
      <div className="order-board__toolbar">
        <h1 id="orders-title" className="order-board__title">
          {t('orders.title')}
        </h1>
        <div className="agenda__nav">
          <button
            type="button"
            className="button"
            aria-label={t('orders.previous')}
            onClick={() => go(addDaysToKey(shown, -1))}
          >
            ‹
          </button>
          <button type="button" className="button" onClick={() => go(today)}>
            {t('orders.today')}
          </button>
          <button
            type="button"
            className="button"
            aria-label={t('orders.next')}
            onClick={() => go(addDaysToKey(shown, 1))}
          >
            ›
          </button>
          <span className="agenda__range" aria-live="polite">
            {formatShopDay(shown, language)}
          </span>
        </div>
        <div className="agenda__spacer" />
        <button type="button" className="button" onClick={() => setCatalogueOpen(true)}>
          {t('orders.manage')}
        </button>
      </div>
      {totals && (
        <dl className="order-board__totals" aria-label={t('orders.totals')}>
          <dt>{t('orders.totals')}</dt>
          <dd>{t(`orders.totals.count.${plural(language, totals.count)}`, { count: totals.count })}</dd>
          <dd className="order-board__total-amount">
            {t('orders.totals.amount', { amount: formatBrl(totals.totalCents) })}
          </dd>
          <dd>
            {t(`orders.totals.delivery.${plural(language, totals.deliveryCount)}`, { count: totals.deliveryCount })}
            {' · '}
            {t(`orders.totals.pickup.${plural(language, totals.pickupCount)}`, { count: totals.pickupCount })}
          </dd>
          {totals.cancelledCount > 0 && (
            <dd>
              {t(`orders.totals.cancelled.${plural(language, totals.cancelledCount)}`, {
                count: totals.cancelledCount,
              })}
            </dd>
          )}
        </dl>
      )}
      {feedback && (
        <p
          className={feedback.kind === 'error' ? 'agenda__feedback error-text' : 'agenda__feedback'}
          role={feedback.kind === 'error' ? 'alert' : 'status'}
        >
          {feedback.text}
        </p>
      )}
      {!board ? (
        <p className="agenda__empty" role="status">
          {t('orders.loading')}
        </p>
      ) : (
        <div className="order-board__columns">
          {columns.map((column) => {
            const entries = board.entries.filter((entry) => columnOf(entry.order.status) === column);
            const title = t(`orders.column.${column}` as MessageKey);
            return (
              <section key={column} className="order-column" aria-label={title}>
                <h2 className="order-column__title">
                  <span>{title}</span>
                  <span className="order-column__count">{entries.length}</span>
                </h2>
                {entries.length === 0 ? (
                  <p className="order-column__empty">{t('orders.column.empty')}</p>
                ) : (
                  <ul className="order-column__list">
                    {entries.map((entry) => (
                      <OrderCard key={entry.order.id} entry={entry} timeZone={timeZone} onMove={move} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
      {catalogueOpen && <CatalogueDialog onClose={() => setCatalogueOpen(false)} />}
    </main>
  );
}

function OrderCard(props: {
  entry: OrderBoardEntry;
  timeZone: string;
  onMove(entry: OrderBoardEntry, status: OrderStatus, notify: boolean): Promise<void>;
}) {
  const t = useT();
  const language = useSettings(selectLanguage);
  const now = useClock((state) => state.now);
  const { entry } = props;
  const { order } = entry;
  const [notify, setNotify] = useState(true);
  const canTell = entry.windowOpenUntil !== null && entry.windowOpenUntil > now;
  const next = nextStatus(order);
  const finished = order.status === 'done' || order.status === 'cancelled';
  const label = t('orders.card', { id: order.id, name: entry.customerName });
  return (
    <li className="order-card" aria-label={label}>
      <div className="order-card__head">
        <span className="order-card__number">#{order.id}</span>
        <span>
          {dayKeyOf(order.createdAt, props.timeZone) === dayKeyOf(now, props.timeZone)
            ? formatShopTime(order.createdAt, props.timeZone, language)
            : formatShopDayTime(order.createdAt, props.timeZone, language)}
        </span>
      </div>
      <button
        type="button"
        className="button--link order-card__customer"
        aria-label={t('orders.openChat', { name: entry.customerName })}
        onClick={() => openChat(order.chatId)}
      >
        {entry.customerName}
      </button>
      <ul className="order-card__items">
        {order.items.map((item) => (
          <li key={item.productId}>
            {item.quantity}x {item.name}
          </li>
        ))}
      </ul>
      <span>
        {order.fulfilment === 'delivery' ? t('orders.delivery', { address: order.address ?? '' }) : t('orders.pickup')}
      </span>
      {order.note && <span>{t('orders.note', { note: order.note })}</span>}
      <span className="order-card__total">{t('orders.total', { amount: formatBrl(order.totalCents) })}</span>
      {!finished && (
        <>
          {canTell ? (
            <label className="checkbox-field">
              <input
                type="checkbox"
                checked={notify}
                aria-label={t('orders.tellLabel', { name: entry.customerName, id: order.id })}
                onChange={(event) => setNotify(event.target.checked)}
              />
              {t('orders.tell')}
            </label>
          ) : (
            <p className="order-card__cannot">{t('orders.cannotTell')}</p>
          )}
          <div className="order-card__actions">
            {next && (
              <button
                type="button"
                className="button button--primary"
                aria-label={t('orders.moveLabel', { action: t(`orders.move.${next}`), id: order.id })}
                onClick={() => void props.onMove(entry, next, canTell && notify)}
              >
                {t(`orders.move.${next}`)}
              </button>
            )}
            <button
              type="button"
              className="button--link order-card__cancel"
              aria-label={t('orders.moveLabel', { action: t('orders.move.cancelled'), id: order.id })}
              onClick={() => void props.onMove(entry, 'cancelled', canTell && notify)}
            >
              {t('orders.move.cancelled')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
