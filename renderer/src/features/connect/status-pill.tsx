import { useClock } from '../../app/clock-store';
import { useConnection } from './connection-store';
import { useUi } from '../../app/ui-store';
import { useT } from '../../i18n/use-i18n';
import { statusText, statusTone } from './status-text';

/** Always visible in the top bar; opens the connect screen. */
export function StatusPill() {
  const t = useT();
  const status = useConnection((state) => state.status);
  const demo = useConnection((state) => state.gatewayKind === 'demo');
  // Only the offline countdown needs the clock; other states ignore its ticks.
  const now = useClock((state) => (status.state === 'offline' ? state.now : 0));
  const setView = useUi((state) => state.setView);
  // The demo is never "connected" to anything: say what it is.
  const text = demo ? t('status.demo') : statusText(status, now, t);
  return (
    <button
      type="button"
      className={`status-pill status-pill--${demo ? 'demo' : statusTone(status)}`}
      aria-label={t('status.label', { status: text })}
      onClick={() => setView('connect')}
    >
      <span className="status-pill__dot" aria-hidden="true" />
      <span aria-live="polite">{text}</span>
    </button>
  );
}
