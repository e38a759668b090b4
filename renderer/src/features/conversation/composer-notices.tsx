import { windowExpiresAt, type WindowState } from '../../../../shared/chats/window-rules';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useClock } from '../../app/clock-store';
import { useUi } from '../../app/ui-store';

/** Why the composer cannot send right now, or a nudge when the window is about to close. */
export function ComposerNotices({
  lastInboundAt,
  windowState,
  connected,
}: {
  lastInboundAt: number | null;
  windowState: WindowState;
  connected: boolean;
}) {
  const t = useT();
  const format = useFormatter();
  const setView = useUi((state) => state.setView);
  return (
    <>
      {windowState === 'closed' && lastInboundAt !== null && (
        <div className="composer-notice composer-notice--closed" role="note" data-notice="window-closed">
          <p className="composer-notice__title">
            {t('composer.closedTitle', { when: format.when(windowExpiresAt(lastInboundAt), useClock.getState().now) })}{' '}
            {t('composer.closedOnlyCustomer')}
          </p>
          <p className="composer-notice__reason">{t('composer.closedReason')}</p>
        </div>
      )}
      {windowState === 'closed' && lastInboundAt === null && (
        <div className="composer-notice composer-notice--closed" role="note" data-notice="never-wrote">
          <p className="composer-notice__title">{t('composer.neverWrote')}</p>
        </div>
      )}
      {!connected && (
        <div className="composer-notice composer-notice--offline" role="note" data-notice="not-connected">
          <p className="composer-notice__title">{t('composer.notConnected')}</p>
          <button type="button" className="button button--link" onClick={() => setView('connect')}>
            {t('composer.openConnection')}
          </button>
        </div>
      )}
      {windowState === 'closing' && lastInboundAt !== null && connected && (
        <p className="composer-notice composer-notice--closing" data-notice="closing-soon">
          {t('composer.closingSoon', { time: format.time(windowExpiresAt(lastInboundAt)) })}
        </p>
      )}
    </>
  );
}
