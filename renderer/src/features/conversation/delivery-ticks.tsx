import type { ChatMessage } from '../../../../shared/domain';
import type { Translate } from '../../../../shared/i18n';
import { useT } from '../../i18n/use-i18n';
import { useConnection } from '../connect/connection-store';

/** Why a reply did not go out, in words: the outbox stores a reason code. */
export function failureText(t: Translate, reason: string | undefined): string {
  if (reason === 'window-closed') return t('delivery.failed', { reason: t('delivery.reason.windowClosed') });
  if (reason === 'send-error') return t('delivery.failed', { reason: t('delivery.reason.sendError') });
  return reason ? t('delivery.failed', { reason }) : t('delivery.failedNoReason');
}

const check = 'M1.5 8.5 5 12l7.5-8';
const doubleCheck = ['M1 8.5 4.5 12 12 4', 'M7.5 11 8.5 12 16 4'];

/** Outbound delivery: clock (pending), ✓ sent, ✓✓ delivered, blue ✓✓ read, ⚠ failed, ? uncertain. */
export function DeliveryTicks({ message }: { message: ChatMessage }) {
  const t = useT();
  const status = message.status ?? 'sent';
  const connected = useConnection((state) => state.status.state === 'connected');
  const label =
    status === 'failed'
      ? failureText(t, message.failureReason)
      : status === 'pending' && !connected
        ? t('delivery.queued')
        : t(`delivery.${status}`);
  return (
    <span className={`ticks ticks--${status}`} role="img" aria-label={label} title={label} data-status={status}>
      {status === 'pending' && (
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      )}
      {status === 'sent' && (
        <svg viewBox="0 0 16 16" width="16" height="14" aria-hidden="true">
          <path
            d={check}
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      )}
      {(status === 'delivered' || status === 'read') && (
        <svg viewBox="0 0 17 16" width="18" height="14" aria-hidden="true">
          {doubleCheck.map((d) => (
            <path
              key={d}
              d={d}
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          ))}
        </svg>
      )}
      {status === 'failed' && <span aria-hidden="true">⚠</span>}
      {status === 'uncertain' && <span aria-hidden="true">?</span>}
    </span>
  );
}
