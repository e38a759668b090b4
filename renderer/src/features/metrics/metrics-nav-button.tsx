import { useT } from '../../i18n/use-i18n';
import { useUi } from '../../app/ui-store';

/** The top bar's way to the dashboard and back to the chats. */
export function MetricsNavButton() {
  const t = useT();
  const active = useUi((state) => state.view === 'metrics');
  const setView = useUi((state) => state.setView);
  return (
    <button
      type="button"
      className={`top-bar__nav${active ? ' top-bar__nav--active' : ''}`}
      aria-pressed={active}
      onClick={() => setView(active ? 'chats' : 'metrics')}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path fill="currentColor" d="M4 20V10h3v10H4Zm6.5 0V4h3v16h-3ZM17 20v-7h3v7h-3Z" />
      </svg>
      <span>{t('metrics.screen')}</span>
    </button>
  );
}
