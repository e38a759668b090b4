import { afterEach, expect, test } from 'vitest';
import { searchMessages } from '../../../../../electron/backend/chats/message-search';
import type { JanelaStore } from '../../../../../electron/backend/store/store-types';
import { chatIdOf, contact, message, open, start, tempDataDir } from '../store/store-fixtures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function storeWith(chats: { n: number; texts: string[]; kinds?: ('text' | 'media' | 'reaction')[] }[]) {
  const dir = tempDataDir();
  cleanups.push(dir.remove);
  const store = await open(dir.dir);
  cleanups.push(() => store.close());
  for (const { n, texts, kinds } of chats) {
    const lastAt = start + n * 60_000 + texts.length;
    store.update((data) => {
      data.contacts[chatIdOf(n)] = contact(n, {
        lastMessage: { text: texts.at(-1) ?? '', at: lastAt, direction: 'in' },
      });
    });
    texts.forEach((text, i) =>
      store.appendMessage(message(n, `m${n}-${i}`, start + n * 60_000 + i + 1, { text, kind: kinds?.[i] ?? 'text' })),
    );
  }
  return store;
}

function chatsOf(result: Awaited<ReturnType<typeof searchMessages>>) {
  return result.results.map((found) => found.chatId);
}

test('finds chats by the text of any recent message, newest first, one result per chat with a snippet', async () => {
  const store = await storeWith([
    { n: 1, texts: ['Oi', 'Tem bolo de cenoura?', 'Obrigada!'] },
    { n: 2, texts: ['Quero um BOLO de chocolate'] },
    { n: 3, texts: ['Bom dia'] },
  ]);
  const found = await searchMessages(store, 'bolo');
  expect(chatsOf(found)).toEqual([chatIdOf(2), chatIdOf(1)]);
  expect(found.results[1]).toMatchObject({ messageId: 'm1-1', snippet: { text: 'Tem bolo de cenoura?' } });
  expect(found.limited).toBe(false);
});

test('a media caption is found; a reaction is not', async () => {
  const store = await storeWith([
    { n: 1, texts: ['Foto do vestido azul'], kinds: ['media'] },
    { n: 2, texts: ['azul'], kinds: ['reaction'] },
  ]);
  expect(chatsOf(await searchMessages(store, 'azul'))).toEqual([chatIdOf(1)]);
});

test('the cost is bounded: only the most active chats and their newest messages, and it says so', async () => {
  const store: JanelaStore = await storeWith([
    { n: 1, texts: ['pix antigo', 'a', 'b', 'c'] },
    { n: 2, texts: ['pix'] },
    { n: 3, texts: ['pix'] },
  ]);
  const limits = { recentChats: 2, messagesPerChat: 2, maxResults: 10 };
  // Chat 1 is the least recent and its match is older than its two newest messages.
  const found = await searchMessages(store, 'pix', limits);
  expect(chatsOf(found)).toEqual([chatIdOf(3), chatIdOf(2)]);
  expect(found.limited).toBe(true);
  const few = await searchMessages(store, 'pix', { recentChats: 10, messagesPerChat: 10, maxResults: 1 });
  expect(few.results).toHaveLength(1);
  expect(few.limited).toBe(true);
});
