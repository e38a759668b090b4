/**
 * Everything but the chat list loads the first time it shows: at start the page evaluates only the
 * code of the list (10,000 chats and a 1 MB bundle made the first row wait for the metrics' charts,
 * the agenda and the settings). Each screen keeps its own name, so the app reads as before.
 */
import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { useT } from '../i18n/use-i18n';
import { useUi } from './ui-store';

function ScreenLoading() {
  const t = useT();
  return (
    <div className="app-loading" role="status">
      <div className="spinner" aria-hidden="true" />
      <span>{t('app.loading')}</span>
    </div>
  );
}

/** A screen from its own chunk, with a placeholder while the chunk arrives (a few ms from disk). */
function onDemand(load: () => Promise<ComponentType>, placeholder: () => ReactNode = ScreenLoading) {
  const Screen = lazy(async () => ({ default: await load() }));
  const Placeholder = placeholder;
  return function OnDemand() {
    return (
      <Suspense fallback={<Placeholder />}>
        <Screen />
      </Suspense>
    );
  };
}

export const ConnectScreen = onDemand(async () => (await import('../features/connect/connect-screen')).ConnectScreen);
export const MetricsScreen = onDemand(async () => (await import('../features/metrics/metrics-screen')).MetricsScreen);
export const AgendaScreen = onDemand(async () => (await import('../features/bookings/agenda-screen')).AgendaScreen);
export const OrderBoardScreen = onDemand(async () => (await import('../features/orders/order-board')).OrderBoardScreen);
export const AutomationsScreen = onDemand(
  async () => (await import('../features/automations/automations-screen')).AutomationsScreen,
);

/** Until it arrives, the pane beside the list is the empty one it shows before a chat is opened. */
export const ConversationPane = onDemand(
  async () => (await import('../features/conversation/conversation-pane')).ConversationPane,
  () => <section className="conversation conversation--empty" aria-busy="true" />,
);

const SettingsDialogChunk = onDemand(
  async () => (await import('../features/settings/settings-dialog')).SettingsDialog,
  () => null,
);

/** The settings' code loads when they are first opened, and stays (the dialog keeps its state). */
export function SettingsDialog() {
  const open = useUi((state) => state.settingsOpen);
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? <SettingsDialogChunk /> : null;
}
