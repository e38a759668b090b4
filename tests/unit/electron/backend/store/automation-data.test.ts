/**
 * The automation settings, the bot's per-chat state and the `automatic` mark on messages survive
 * every way the store is written and read: the journal replayed after a crash, the checkpointed
 * janela.json (head + rows), and a file written before these keys existed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { defaultAutomationSettings } from '../../../../../shared/automations/automation-settings';
import { initialBotChatState } from '../../../../../shared/automations/bot-chat-state';
import { chatIdOf, contact, defaultData, message, open, start, tempDataDir } from './store-fixtures';

let work = tempDataDir();
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

const settings = { ...defaultAutomationSettings('en'), enabled: true, greetingAfterDays: 7 };
const botState = {
  ...initialBotChatState(),
  lastGreetingAt: start,
  handedOffAt: start + 1,
  handoffReason: 'shop-replied' as const,
};

async function writeSome() {
  const store = await open(work.dir);
  store.appendMessage(message(1, 'bot-1', start, { direction: 'out', status: 'sent', automatic: true }));
  store.update((data) => {
    data.contacts[chatIdOf(1)] = contact(1);
    data.automations = settings;
    data.botChats[chatIdOf(1)] = botState;
  });
  await store.flush();
  return store;
}

test('replayed from the journal after a crash (janela.json never rewritten)', async () => {
  const crashed = await writeSome();
  const reopened = await open(work.dir);
  expect(reopened.data.automations).toEqual(settings);
  expect(reopened.data.botChats[chatIdOf(1)]).toEqual(botState);
  expect(reopened.getMessage(chatIdOf(1), 'bot-1')?.automatic).toBe(true);
  await reopened.close();
  await crashed.close();
});

test('read back from the checkpointed janela.json after a clean close', async () => {
  await (await writeSome()).close();
  const reopened = await open(work.dir);
  expect(reopened.data.automations).toEqual(settings);
  expect(reopened.data.botChats).toEqual({ [chatIdOf(1)]: botState });
  expect(reopened.readMessages(chatIdOf(1), { limit: 5 }).messages[0]).toMatchObject({ automatic: true });
  await reopened.close();
});

test('a file written before automations existed reads with the defaults', async () => {
  const older: Record<string, unknown> = { ...defaultData() };
  delete older.automations;
  delete older.botChats;
  writeFileSync(path.join(work.dir, 'janela.json'), JSON.stringify(older));
  const store = await open(work.dir);
  expect(store.data.automations).toBeNull();
  expect(store.data.botChats).toEqual({});
  expect(store.loadNotices).toEqual([]);
  await store.close();
});
