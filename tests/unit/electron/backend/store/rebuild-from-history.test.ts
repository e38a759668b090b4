/**
 * Recovery loses nothing a file on disk still holds (issue 10, defect 1): two customers write on a
 * fresh data folder, the app stops, janela.json is damaged; the contacts come back from the backup
 * and the journal segment after it, or, with every copy of janela.json gone, from the history files,
 * names included. The person is told what came back, in their language; the log gets the detail.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { recordGatewayMessage } from '../../../../../electron/backend/chats/record-message';
import type { JanelaStore } from '../../../../../electron/backend/store/store-types';
import { translate } from '../../../../../shared/i18n';
import { open, start, tempDataDir } from './store-fixtures';

let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

const maria = '5511987654321@c.us';
const joao = '5521912345678@c.us';
const mainFile = () => path.join(work.dir, 'janela.json');

function customerWrites(store: JanelaStore, chatId: string, name: string, text: string, at: number): void {
  recordGatewayMessage(store, { waId: `wa-${at}`, chatId, fromMe: false, kind: 'text', text, at, contactName: name });
}

/** A fresh data folder, two customers write, the app stops. */
async function twoCustomersWrote(): Promise<void> {
  const store = await open(work.dir);
  customerWrites(store, maria, 'Maria Silva', 'Oi! Tem o vestido azul?', start + 1000);
  customerWrites(store, joao, 'João Souza', 'Bom dia', start + 2000);
  await store.close();
}

function summaries(store: JanelaStore) {
  return Object.fromEntries(
    Object.entries(store.data.contacts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([chatId, contact]) => [chatId, [contact.waName, contact.lastInboundAt, contact.lastMessage?.text]]),
  );
}

const expected = {
  [maria]: ['Maria Silva', start + 1000, 'Oi! Tem o vestido azul?'],
  [joao]: ['João Souza', start + 2000, 'Bom dia'],
};

describe('two customers wrote, then janela.json was damaged', () => {
  test('part of its head overwritten: the backup and the journal segment after it give both back', async () => {
    await twoCustomersWrote();
    const bytes = readFileSync(mainFile());
    bytes.write('#'.repeat(40), 60);
    writeFileSync(mainFile(), bytes);

    const store = await open(work.dir);
    await store.contactsLoaded();
    expect(summaries(store)).toEqual(expected);
    expect(store.loadNotices).toHaveLength(1);
    expect(store.loadNotices[0]).toMatchObject({ kind: 'store-recovered', restored: ['everything'], lost: [] });
    await store.close();
  });

  test('part of its contact rows overwritten: found while reading them, both come back', async () => {
    await twoCustomersWrote();
    const bytes = readFileSync(mainFile());
    bytes.write('#'.repeat(20), bytes.length - 30);
    writeFileSync(mainFile(), bytes);

    const store = await open(work.dir);
    const notices: unknown[] = [];
    store.onNotice((notice) => notices.push(notice));
    await store.contactsLoaded();
    expect(summaries(store)).toEqual(expected);
    expect(notices).toEqual([expect.objectContaining({ restored: ['everything'], lost: [] })]);
    await store.close();
  });

  test('janela.json, its backup and every journal segment gone: rebuilt from the history files, names included', async () => {
    await twoCustomersWrote();
    writeFileSync(mainFile(), 'damaged');
    rmSync(`${mainFile()}.bak`);
    const historyDir = path.join(work.dir, 'history');
    for (const name of readdirSync(historyDir)) if (name.startsWith('journal-')) rmSync(path.join(historyDir, name));

    const store = await open(work.dir);
    expect(summaries(store)).toEqual(expected);
    expect(store.data.contacts[maria]?.unreadCount).toBe(0);
    expect(store.loadNotices).toHaveLength(1);
    expect(store.loadNotices[0]).toMatchObject({ restored: ['chats'], lost: ['contact-details', 'settings'] });
    // No phone number and no message text in what goes to the log.
    expect(store.loadNotices[0]?.detail).not.toMatch(/5511|5521|vestido|Maria/);
    await store.close();
    // Written back: the next start is clean and has them.
    const again = await open(work.dir);
    expect(again.loadNotices).toEqual([]);
    await again.contactsLoaded();
    expect(summaries(again)).toEqual(expected);
    await again.close();
  });

  test('janela.json deleted by hand and no backup: the history files still give the contacts back', async () => {
    await twoCustomersWrote();
    rmSync(mainFile());
    rmSync(`${mainFile()}.bak`);
    const store = await open(work.dir);
    expect(summaries(store)).toEqual(expected);
    expect(store.loadNotices[0]?.kind).toBe('store-recovered');
    await store.close();
  });
});

test('the notice reads in the person’s language only, saying what came back and what could not', () => {
  const parts = (language: 'pt-BR' | 'en', list: string[]) =>
    list.map((part) => translate(language, `notice.recovery.part.${part}` as Parameters<typeof translate>[1]));
  const portuguese = [
    translate('pt-BR', 'notice.recovery.intro'),
    translate('pt-BR', 'notice.recovery.restored', { parts: parts('pt-BR', ['chats']).join('; ') }),
    translate('pt-BR', 'notice.recovery.lost', { parts: parts('pt-BR', ['contact-details', 'settings']).join('; ') }),
  ].join(' ');
  expect(portuguese).toContain('Recuperado: seus contatos com nomes, janelas de 24 horas e últimas mensagens.');
  expect(portuguese).not.toMatch(/janela\.json|history|could not|restored/);
});
