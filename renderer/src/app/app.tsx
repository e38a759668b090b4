import { startTransition, useEffect, useState } from 'react';
import { ChatList } from '../features/chats/chat-list';
import { NoticeBanner } from '../features/notices/notice-banner';
import { useT } from '../i18n/use-i18n';
import { useChats } from '../features/chats/chats-store';
import { useConnection } from '../features/connect/connection-store';
import { selectLanguage, useSettings } from '../features/settings/settings-store';
import { markFirstScreenShown } from './first-screen';
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

/**
 * True once the first snapshot is in. The whole window (list, rows, top bar) then renders for the
 * first time, and as a transition React renders it in slices of a few milliseconds; a store update
 * read directly renders synchronously, in one task of ~50 ms of CPU on a 2-core machine.
 */
function useReadyInTransition(): boolean {
  const [ready, setReady] = useState(() => useSettings.getState().settings !== null);
  useEffect(() => {
    if (ready) return;
    const show = () => startTransition(() => setReady(true));
    // The snapshot may have come between the first render and this effect.
    if (useSettings.getState().settings !== null) show();
    return useSettings.subscribe((state) => {
      if (state.settings !== null) show();
    });
  }, [ready]);
  return ready;
}

export function App() {
  const t = useT();
  const language = useSettings(selectLanguage);
  const ready = useReadyInTransition();
  useEffect(() => {
    if (ready) markFirstScreenShown();
  }, [ready]);
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
