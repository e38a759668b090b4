/**
 * Right after start the backend may still be reading stored chats: its first snapshot then holds
 * the top of the list only. The list shows those rows at once, says the others are coming, and
 * fills in when `chatsLoaded` arrives. The browser host answers too fast to see this, so the test
 * holds the host's real answer back on the page's WebSocket and plays it out in two steps.
 */
import type { ChatSummary } from '../../shared/domain';
import { expect, test } from './fixtures';

interface SnapshotFrame {
  type: 'result';
  id: number;
  result: { ok: true; value: { chats: ChatSummary[]; chatsComplete: boolean } };
}

const isSnapshot = (frame: unknown): frame is SnapshotFrame =>
  (frame as SnapshotFrame).type === 'result' &&
  typeof (frame as SnapshotFrame).result.value?.chatsComplete === 'boolean';

test('the first chats show while the rest load, then the whole list', async ({ page, host }) => {
  await host.inbound({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi' });
  await host.inbound({ phone: '5521998765432', name: 'João Pereira', text: 'Bom dia' });
  await host.inbound({ phone: '5531976543210', name: 'Ana Souza', text: 'Olá' });
  let sendRest: () => void = () => undefined;
  await page.routeWebSocket(/\/ws/, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      const frame: unknown = JSON.parse(String(message));
      if (!isSnapshot(frame) || !frame.result.value.chatsComplete) return socket.send(message);
      const { chats } = frame.result.value;
      // Maria wrote first, so her window closes first: she heads the list.
      const head = chats.filter((chat) => chat.name === 'Maria Silva');
      socket.send(
        JSON.stringify({
          ...frame,
          result: { ok: true, value: { ...frame.result.value, chats: head, chatsComplete: false } },
        }),
      );
      sendRest = () => socket.send(JSON.stringify({ type: 'event', name: 'chatsLoaded', payload: { chats } }));
    });
  });
  await page.goto(host.url);

  const list = page.getByRole('navigation', { name: 'Chats' });
  const rows = list.getByRole('button', { name: /Maria Silva|João Pereira|Ana Souza/ });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAccessibleName('Maria Silva');
  await expect(list.getByRole('status')).toHaveText('Loading the other chats…');
  await page.screenshot({ path: 'test-results/screens/chat-list-loading.png' });

  sendRest();
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveAccessibleName('Maria Silva');
  await expect(list.getByRole('status')).toHaveCount(0);
});
