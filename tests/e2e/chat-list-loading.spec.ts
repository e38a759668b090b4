/**
 * The first snapshot holds the top of the list only (100 chats in urgency order, the rest by
 * `getChats` pages). The list shows those rows at once, says the others are coming, and fills in as
 * the pages arrive. The browser host answers too fast to see this, so the tests hold the host's real
 * answers back on the page's WebSocket and play them out when the test says so.
 */
import type { Page, WebSocketRoute } from '@playwright/test';
import type { ChatSummary } from '../../shared/domain';
import { expect, test } from './fixtures';

interface ResultFrame {
  type: 'result';
  id: number;
  result: { ok: true; value: { chats?: ChatSummary[]; chatsComplete?: boolean } };
}

/**
 * Holds every `getChats` answer until `release` is called; with `head`, also turns a complete snapshot
 * into one that carries only the chats `head` keeps.
 */
async function holdChatPages(page: Page, head?: (chats: ChatSummary[]) => ChatSummary[]) {
  const held: string[] = [];
  const pageIds = new Set<number>();
  let socket: WebSocketRoute | undefined;
  let holding = true;
  await page.routeWebSocket(/\/ws/, (client) => {
    socket = client;
    const server = client.connectToServer();
    client.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { type: string; id: number; name?: string };
      if (frame.type === 'invoke' && frame.name === 'getChats') pageIds.add(frame.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const frame = JSON.parse(String(message)) as ResultFrame;
      if (frame.type !== 'result') return client.send(message);
      if (holding && pageIds.has(frame.id)) return void held.push(String(message));
      const { value } = frame.result;
      if (head && value?.chatsComplete === true && value.chats) {
        const chats = head(value.chats);
        return client.send(
          JSON.stringify({ ...frame, result: { ok: true, value: { ...value, chats, chatsComplete: false } } }),
        );
      }
      client.send(message);
    });
  });
  return {
    release() {
      holding = false;
      for (const message of held.splice(0)) socket?.send(message);
    },
  };
}

test('the first chats show while the rest load, then the whole list', async ({ page, host }) => {
  await host.inbound({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi' });
  await host.inbound({ phone: '5521998765432', name: 'João Pereira', text: 'Bom dia' });
  await host.inbound({ phone: '5531976543210', name: 'Ana Souza', text: 'Olá' });
  // Maria wrote first, so her window closes first: she heads the list.
  const pages = await holdChatPages(page, (chats) => chats.filter((chat) => chat.name === 'Maria Silva'));
  await page.goto(host.url);

  const list = page.getByRole('navigation', { name: 'Chats' });
  const rows = list.getByRole('button', { name: /Maria Silva|João Pereira|Ana Souza/ });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAccessibleName('Maria Silva');
  await expect(list.getByRole('status')).toHaveText('Loading the other chats…');
  await page.screenshot({ path: 'test-results/screens/chat-list-loading.png' });

  pages.release();
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveAccessibleName('Maria Silva');
  await expect(list.getByRole('status')).toHaveCount(0);
});

test('a shop with more than 100 chats gets them all: the unread count is right at once, search finds the last', async ({
  page,
  host,
}) => {
  const customers = 130;
  // One after the other, so the order is known: the first to write closes first and leads the list.
  for (let customer = 1; customer <= customers; customer++)
    await host.inbound({
      phone: `55119${String(customer).padStart(8, '0')}`,
      name: `Cliente ${String(customer).padStart(3, '0')}`,
      text: 'Oi',
    });
  const pages = await holdChatPages(page);
  await page.goto(host.url);

  const list = page.getByRole('navigation', { name: 'Chats' });
  await expect(list.getByRole('button', { name: 'Cliente 001' })).toBeVisible();
  await expect(list.getByRole('status')).toHaveText('Loading the other chats…');
  // Every customer's message is unread, also those whose chats have not arrived yet.
  await expect(page).toHaveTitle(`(${customers}) Janela`);

  pages.release();
  await expect(list.getByRole('status')).toHaveCount(0);
  await list.getByRole('searchbox', { name: 'Search by name or number' }).fill('Cliente 130');
  await expect(list.getByRole('button', { name: /^Cliente/ })).toHaveCount(1);
  await expect(list.getByRole('button', { name: 'Cliente 130' })).toBeVisible();
  await expect(list.getByRole('status')).toHaveText(`1 of ${customers}`);
});
