import { memo } from 'react';
import { formatCountdown } from '../../../../shared/i18n';
import { windowExpiresAt, windowStatus, type WindowState } from '../../../../shared/chats/window-rules';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useClock } from '../../app/clock-store';
import { selectClosingSoonMs, useSettings } from '../settings/settings-store';

/** `open|23h 59m`: a string, so the badge re-renders only when what it shows changes. */
function badgeKey(lastInboundAt: number | null, now: number, closingSoonMs: number): string {
  const status = windowStatus(lastInboundAt, now, closingSoonMs);
  return status.state === 'closed' ? 'closed|' : `${status.state}|${formatCountdown(status.remainingMs)}`;
}

export function useWindowBadge(lastInboundAt: number | null): { state: WindowState; remaining: string } {
  const closingSoonMs = useSettings(selectClosingSoonMs);
  const key = useClock((clock) => badgeKey(lastInboundAt, clock.now, closingSoonMs));
  const [state, remaining = ''] = key.split('|') as [WindowState, string?];
  return { state, remaining };
}

export const WindowBadge = memo(function WindowBadge({
  lastInboundAt,
  id,
}: {
  lastInboundAt: number | null;
  id?: string;
}) {
  const t = useT();
  const format = useFormatter();
  const { state, remaining } = useWindowBadge(lastInboundAt);
  const text =
    state === 'open'
      ? t('badge.open', { remaining })
      : state === 'closing'
        ? t('badge.closing', { remaining })
        : t('badge.closed');
  const expiresAt = lastInboundAt === null ? null : windowExpiresAt(lastInboundAt);
  const title =
    expiresAt === null
      ? t('badge.neverWroteTitle')
      : t(state === 'open' ? 'badge.openTitle' : state === 'closing' ? 'badge.closingTitle' : 'badge.closedTitle', {
          remaining,
          // Read at render: the badge re-renders whenever what it shows changes, which is often enough.
          when: format.when(expiresAt, useClock.getState().now),
        });
  return (
    <span id={id} className={`window-badge window-badge--${state}`} title={title} data-window-state={state}>
      <span className="window-badge__dot" aria-hidden="true" />
      {text}
    </span>
  );
});
