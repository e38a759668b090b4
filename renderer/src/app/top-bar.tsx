import { OpenStatus } from '../features/automations/open-status';
import { StatusPill } from '../features/connect/status-pill';
import { useT } from '../i18n/use-i18n';
import { useConnection } from '../features/connect/connection-store';
import { useSettings } from '../features/settings/settings-store';
import { useUi } from './ui-store';

/** The screens beside the chats, in the top bar; pressing the open one goes back to the chats. */
const navLabel = {
  automations: 'auto.title',
  metrics: 'metrics.screen',
  agenda: 'agenda.nav',
  orders: 'orders.nav',
} as const;

export function TopBar() {
  const t = useT();
  const shopName = useSettings((state) => state.settings?.shop.name ?? '');
  const gatewayKind = useConnection((state) => state.gatewayKind);
  const setSettingsOpen = useUi((state) => state.setSettingsOpen);
  const setView = useUi((state) => state.setView);
  const exitDemo = useConnection((state) => state.exitDemo);
  const view = useUi((state) => state.view);
  return (
    <header className="top-bar">
      <button type="button" className="top-bar__brand" onClick={() => setView('chats')}>
        <span className="top-bar__logo" aria-hidden="true">
          ◐
        </span>
        <span className="top-bar__name">{t('app.name')}</span>
      </button>
      {shopName && <span className="top-bar__shop">{shopName}</span>}
      {gatewayKind === 'demo' && (
        <button type="button" className="top-bar__tag top-bar__tag--button" onClick={() => void exitDemo()}>
          {t('connect.exitDemo')}
        </button>
      )}
      {gatewayKind === 'simulated' && <span className="top-bar__tag">{t('app.simulatedTag')}</span>}
      <div className="top-bar__spacer" />
      <OpenStatus />
      {(['automations', 'metrics', 'agenda', 'orders'] as const).map((screen) => (
        <button
          key={screen}
          type="button"
          className="top-bar__nav"
          aria-current={view === screen ? 'page' : undefined}
          onClick={() => setView(view === screen ? 'chats' : screen)}
        >
          {t(navLabel[screen])}
        </button>
      ))}
      <StatusPill />
      <button
        type="button"
        className="top-bar__icon-button"
        onClick={() => setSettingsOpen(true)}
        aria-label={t('app.settings')}
        title={t('app.settings')}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            fill="currentColor"
            d="M19.4 13a7.7 7.7 0 0 0 0-2l2.1-1.6a.5.5 0 0 0 .1-.6l-2-3.5a.5.5 0 0 0-.6-.2l-2.5 1a7.4 7.4 0 0 0-1.7-1l-.4-2.6a.5.5 0 0 0-.5-.5h-4a.5.5 0 0 0-.5.4l-.4 2.7a7.6 7.6 0 0 0-1.7 1l-2.5-1a.5.5 0 0 0-.6.2l-2 3.5a.5.5 0 0 0 .1.6L4.6 11a7.7 7.7 0 0 0 0 2l-2.1 1.6a.5.5 0 0 0-.1.6l2 3.5c.1.2.4.3.6.2l2.5-1c.5.4 1.1.7 1.7 1l.4 2.6c0 .3.2.5.5.5h4c.3 0 .5-.2.5-.4l.4-2.7c.6-.3 1.2-.6 1.7-1l2.5 1c.2.1.5 0 .6-.2l2-3.5a.5.5 0 0 0-.1-.6L19.4 13ZM12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"
          />
        </svg>
      </button>
    </header>
  );
}
