/**
 * Issue 16, item 8: "Mark as unread" keeps a chat flagged until it is opened again, and the search
 * finds chats by what was said, not only by name or number.
 */
import { expect, test } from './fixtures';

const maria = { phone: '5511987654321', name: 'Maria Silva' };
const joao = { phone: '5521998765432', name: 'João Pereira' };

test('Mark as unread flags the chat until it is opened again', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Perfeito, obrigada!' });
  await page.goto(host.url);
  const row = page.getByRole('navigation').getByRole('button', { name: maria.name, exact: true });
  await row.click();
  await expect(row.getByLabel('1 unread')).toBeHidden();

  await page.getByRole('button', { name: 'Mark as unread' }).click();
  await expect(row.getByLabel('Marked as unread')).toBeVisible();
  await expect(page.getByRole('heading', { name: maria.name, exact: true })).toBeHidden();
  await page.screenshot({ path: 'test-results/screens/marked-unread.png' });

  // Kept after a reload (it is stored), gone once the chat is opened.
  await page.reload();
  await expect(row.getByLabel('Marked as unread')).toBeVisible();
  await row.click();
  await expect(page.getByRole('heading', { name: maria.name, exact: true })).toBeVisible();
  await expect(row.getByLabel('Marked as unread')).toBeHidden();
});

test('search finds chats by message text, with a snippet, under the chats found by name', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Vocês têm bolo de cenoura com cobertura?' });
  await host.inbound({ ...joao, text: 'Bom dia' });
  await host.inbound({ ...joao, text: 'Foto do pedido', kind: 'media' });
  await page.goto(host.url);
  const search = page.getByRole('searchbox', { name: 'Search by name or number' });

  await search.fill('CENOURA');
  const messages = page.getByRole('region', { name: 'Messages' });
  const found = messages.getByRole('button', { name: /Maria Silva/ });
  await expect(found).toBeVisible();
  await expect(found).toContainText('bolo de cenoura com cobertura');
  await expect(found.locator('mark')).toHaveText('cenoura');
  await expect(messages.getByRole('button')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/message-search.png' });

  // A caption is text too; and a name match still lists the chat above.
  await search.fill('pedido');
  await expect(messages.getByRole('button', { name: /João Pereira/ })).toBeVisible();
  await search.fill('xyzzy');
  await expect(messages.getByText('No message contains this.')).toBeVisible();

  await search.fill('cenoura');
  await messages.getByRole('button', { name: /Maria Silva/ }).click();
  await expect(page.getByRole('heading', { name: maria.name, exact: true })).toBeVisible();
});

test('screens: the conversation header and a reply waiting offline, in pt-BR at 1024×640', async ({ browser }) => {
  const { JanelaHost } = await import('./janela-host');
  const host = await new JanelaHost({ lang: 'pt-BR' }).start();
  const page = await browser.newPage({ viewport: { width: 1024, height: 640 } });
  try {
    await host.inbound({ ...maria, text: 'Tem o vestido azul?' });
    await page.goto(host.url);
    await page.getByRole('navigation').getByRole('button', { name: maria.name, exact: true }).click();
    await host.setConnected(false);
    const composer = page.getByRole('textbox', { name: 'Mensagem' });
    await composer.fill('Tem sim!');
    await composer.press('Enter');
    await expect(page.getByRole('log').getByRole('img', { name: /^Aguardando conexão/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Marcar como não lida' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/offline-pending-pt-1024.png' });
  } finally {
    await page.close();
    await host.stop();
  }
});
