import { useEffect } from 'react';
import { ChatList } from '../features/chats/chat-list';
import { NoticeBanner } from '../features/notices/notice-banner';
import { useT } from '../i18n/use-i18n';
import { useChats } from '../features/chats/chats-store';
import { useConnection } from '../features/connect/connection-store';
import { selectLanguage, useSettings } from '../features/settings/settings-store';
import { useUi } from './ui-store';
import { useNotifications } from '../features/notifications/notifications-store';
import { pageTitle } from '../features/notifications/web-notifications';
import { TopBar } from './top-bar';
import {
  AgendaScreen,
  AutomationsScreen,
  ConnectScreen,
  ConversationPane,
  MetricsScreen,
  OrderBoardScreen,
  SettingsDialog,
} from './lazy-screens';

export function App() {
  const t = useT();
  const language = useSettings(selectLanguage);
  const ready = useSettings((state) => state.settings !== null);
  const view = useUi((state) => state.view);
  const hasChats = useChats((state) => state.byId.size > 0);
  const connected = useConnection((state) => state.status.state === 'connected');
  const linkLost = useConnection((state) => state.link !== 'open');

  const unreadTotal = useNotifications((state) => state.unreadTotal);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = pageTitle(t('app.name'), unreadTotal);
  }, [language, t, unreadTotal]);

  if (!ready) {
    return (
      <div className="app-loading" role="status">
        <div className="spinner" aria-hidden="true" />
        <span>{t('app.loading')}</span>
      </div>
    );
  }

  // Nothing to show yet but the way to connect: lead with it.
  const showConnect = view === 'connect' || (!connected && !hasChats);

  return (
    <div className="app">
      <TopBar />
      {linkLost && (
        <div className="app__link-lost" role="alert">
          {t('app.hostReconnecting')}
        </div>
      )}
      <NoticeBanner />
      {view === 'automations' ? (
        <AutomationsScreen />
      ) : showConnect ? (
        <ConnectScreen />
      ) : view === 'metrics' ? (
        <MetricsScreen />
      ) : view === 'agenda' ? (
        <AgendaScreen />
      ) : view === 'orders' ? (
        <OrderBoardScreen />
      ) : (
        <main className="workspace">
          <ChatList />
          <ConversationPane />
        </main>
      )}
      <SettingsDialog />
    </div>
  );
}
