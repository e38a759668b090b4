/** Damaged files are kept aside, the last good copy restored and the person told: never a crash, never a silent wipe. */
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { chatIdOf, contact, message, open, tempDataDir } from './store-fixtures';

let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

const mainFile = () => path.join(work.dir, 'janela.json');
const filesIn = (dir: string) => readdirSync(dir);

/**
 * Two sessions: janela.json holds contacts 1 and 2, janela.json.bak contact 1 only, and the
 * journal segment kept since the backup holds contact 2.
 */
async function storeWithBackup() {
  const first = await open(work.dir);
  first.update((data) => void (data.contacts[chatIdOf(1)] = contact(1)));
  await first.close();
  const second = await open(work.dir);
  second.update((data) => void (data.contacts[chatIdOf(2)] = contact(2)));
  await second.close();
}

const damages: Record<string, (text: string) => string> = {
  'corrupt JSON': (text) => `${text.slice(0, 40)}#garbage#${text.slice(60)}`,
  empty: () => '',
  truncated: (text) => text.slice(0, Math.floor(text.length / 2)),
  'NUL-filled': (text) => '\u0000'.repeat(text.length),
  'wrong shape': () => JSON.stringify({ version: 1, contacts: [], settings: 'pt-BR' }),
  'wrong shape in a contact row': (text) => text.replace('"Cliente 2"', '42'),
  'JSON null': () => 'null',
};

describe('a damaged janela.json', () => {
  for (const [kind, damage] of Object.entries(damages)) {
    test(`${kind}: janela.json.bak completed by the journal segment, nothing lost, reported, damaged file kept`, async () => {
      await storeWithBackup();
      const damaged = damage(readFileSync(mainFile(), 'utf8'));
      writeFileSync(mainFile(), damaged);

      const store = await open(work.dir);
      await store.contactsLoaded();
      expect(Object.keys(store.data.contacts).sort()).toEqual([chatIdOf(1), chatIdOf(2)]);
      expect(store.loadNotices).toHaveLength(1);
      expect(store.loadNotices[0]?.kind).toBe('store-recovered');
      expect(store.loadNotices[0]?.detail).toMatch(/^janela\.json could not be read .*restored janela\.json\.bak; /);
      expect(store.loadNotices[0]).toMatchObject({ restored: ['everything'], lost: [] });
      // File names only: never a phone number.
      expect(store.loadNotices[0]?.detail).not.toMatch(/5511/);
      const kept = filesIn(work.dir).filter((name) => name.startsWith('janela.json.corrupt-'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(path.join(work.dir, kept[0] ?? ''), 'utf8')).toBe(damaged);
      // The restored copy is on disk again, so a second start is clean.
      await store.close();
      const again = await open(work.dir);
      expect(again.loadNotices).toEqual([]);
      await again.contactsLoaded();
      expect(Object.keys(again.data.contacts).sort()).toEqual([chatIdOf(1), chatIdOf(2)]);
      await again.close();
    });
  }

  test('with no good copy at all: defaults plus what the journal segments still hold, damaged files kept, reported', async () => {
    await storeWithBackup();
    writeFileSync(mainFile(), '{"version": 1, "sett');
    writeFileSync(`${mainFile()}.bak`, '');
    const store = await open(work.dir);
    // Contact 1 was only in the two damaged copies; contact 2 is in the segment since the backup.
    expect(Object.keys(store.data.contacts)).toEqual([chatIdOf(2)]);
    expect(store.loadNotices.map((notice) => notice.detail)).toEqual([
      expect.stringMatching(/^janela\.json could not be read \(not valid JSON.*no good copy was found/),
    ]);
    expect(store.loadNotices[0]).toMatchObject({ restored: ['chats'], lost: ['contact-details', 'settings'] });
    const kept = filesIn(work.dir).filter((name) => name.includes('.corrupt-'));
    expect(kept.sort()).toEqual([
      expect.stringMatching(/^janela\.json\.bak\.corrupt-/),
      expect.stringMatching(/^janela\.json\.corrupt-/),
    ]);
    await store.close();
  });

  test('missing janela.json after a crash between the two renames: the complete temp file is used', async () => {
    await storeWithBackup();
    renameSync(mainFile(), `${mainFile()}.tmp`);
    const store = await open(work.dir);
    expect(Object.keys(store.data.contacts).sort()).toEqual([chatIdOf(1), chatIdOf(2)]);
    expect(store.loadNotices).toEqual([]);
    await store.close();
  });

  test('a temp file cut short by a crash is ignored', async () => {
    await storeWithBackup();
    writeFileSync(`${mainFile()}.tmp`, '{"format":"janela-st');
    const store = await open(work.dir);
    expect(Object.keys(store.data.contacts).sort()).toEqual([chatIdOf(1), chatIdOf(2)]);
    expect(store.loadNotices).toEqual([]);
    await store.close();
  });

  test('a plain lowdb-shaped file (hand-made) is read', async () => {
    writeFileSync(
      mainFile(),
      JSON.stringify({
        version: 1,
        settings: (await import('./store-fixtures')).defaultData().settings,
        contacts: { [chatIdOf(3)]: contact(3) },
        labels: [],
        quickReplies: [],
        outbox: [],
        sync: { lastSyncAt: 5 },
      }),
    );
    const store = await open(work.dir);
    expect(store.data.contacts[chatIdOf(3)]?.waName).toBe('Cliente 3');
    expect(store.data.sync.lastSyncAt).toBe(5);
    expect(store.loadNotices).toEqual([]);
    await store.close();
  });
});

describe('damaged history lines', () => {
  const journal = () => path.join(work.dir, 'history', 'journal.jsonl');
  const chatFile = (chat: number) =>
    path.join(work.dir, 'history', 'chats', `${chatIdOf(chat).replace('@', '_')}.jsonl`);

  test('a torn last journal line (killed mid-write) is skipped, reported and kept aside', async () => {
    const store = await open(work.dir);
    store.appendMessage(message(1, 'a', 1000));
    store.appendMessage(message(1, 'b', 2000));
    await store.flush();
    // Simulated crash: the store is never closed, the journal still holds both messages.
    appendFileSync(journal(), '{"id":"c","chatId":"5511900000001@c.us","direction":"in","ki');

    const reopened = await open(work.dir);
    expect(reopened.readMessages(chatIdOf(1), { limit: 10 }).messages.map((m) => m.id)).toEqual(['a', 'b']);
    expect(reopened.loadNotices.map((notice) => notice.detail)).toEqual([
      expect.stringMatching(
        /^history\/journal\.jsonl had 1 damaged line\(s\), skipped; kept a copy as journal\.jsonl\.corrupt-/,
      ),
    ]);
    expect(
      filesIn(path.join(work.dir, 'history')).filter((name) => name.startsWith('journal.jsonl.corrupt-')),
    ).toHaveLength(1);
    // Replayed into the chat file and the journal emptied.
    expect(readFileSync(journal(), 'utf8')).toBe('');
    expect(readFileSync(chatFile(1), 'utf8').trim().split('\n')).toHaveLength(2);
    await reopened.close();
  });

  test('a torn chat-file line left by a crash during a checkpoint is repaired on replay', async () => {
    const store = await open(work.dir);
    store.appendMessage(message(1, 'a', 1000));
    await store.flush();
    // As if a checkpoint was killed mid-append: part of the journal is in the chat file.
    writeFileSync(chatFile(1), '{"id":"a","chatId":"5511900000001@c.us","direction":"in","kind":"te');

    const reopened = await open(work.dir);
    expect(reopened.readMessages(chatIdOf(1), { limit: 10 }).messages.map((m) => m.id)).toEqual(['a']);
    expect(reopened.loadNotices.map((notice) => notice.detail)).toEqual([
      expect.stringMatching(/^a conversation file in history\/chats had 1 damaged line/),
    ]);
    expect(reopened.loadNotices[0]?.detail).not.toMatch(/5511/);
    expect(filesIn(path.join(work.dir, 'history', 'chats')).filter((name) => name.includes('.corrupt-'))).toHaveLength(
      1,
    );
    expect(
      readFileSync(chatFile(1), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(['a']);
    await reopened.close();
  });

  test('a damaged line inside a chat file is skipped when read, reported, and repaired at the next save', async () => {
    const store = await open(work.dir);
    for (const [index, id] of ['a', 'b', 'c'].entries()) store.appendMessage(message(1, id, 1000 * (index + 1)));
    await store.close();
    const lines = readFileSync(chatFile(1), 'utf8').split('\n');
    lines[1] = '\u0000\u0000\u0000\u0000';
    writeFileSync(chatFile(1), lines.join('\n'));

    const reopened = await open(work.dir);
    const told: string[] = [];
    reopened.onNotice((notice) => told.push(notice.kind));
    expect(reopened.loadNotices).toEqual([]);
    expect(reopened.readMessages(chatIdOf(1), { limit: 10 }).messages.map((m) => m.id)).toEqual(['b', 'c']);
    // Found after loading: the listeners hear of it, so the person is told now, not at the next start.
    expect(told).toEqual(['store-recovered']);
    reopened.appendMessage(message(1, 'd', 4000));
    await reopened.close();
    expect(filesIn(path.join(work.dir, 'history', 'chats')).filter((name) => name.includes('.corrupt-'))).toHaveLength(
      1,
    );
    expect(readFileSync(chatFile(1), 'utf8').includes('\u0000')).toBe(false);

    const third = await open(work.dir);
    expect(third.readMessages(chatIdOf(1), { limit: 10 }).messages.map((m) => m.id)).toEqual(['b', 'c', 'd']);
    expect(third.loadNotices).toEqual([]);
    expect(existsSync(chatFile(1))).toBe(true);
    await third.close();
  });
});

describe('changes carried by the journal', () => {
  const journal = () => path.join(work.dir, 'history', 'journal.jsonl');

  test('replayed after a crash, in order: the last version of a contact and of the settings win', async () => {
    const store = await open(work.dir);
    store.update((data) => void (data.contacts[chatIdOf(1)] = contact(1, { notes: 'primeira' })));
    await store.flush();
    store.update((data) => {
      data.contacts[chatIdOf(1)] = contact(1, { notes: 'segunda' });
      data.settings = { ...data.settings, closingSoonMinutes: 120 };
    });
    await store.flush();
    // Simulated crash: never closed. janela.json still has neither change.
    expect(readFileSync(mainFile(), 'utf8')).not.toContain('primeira');

    const reopened = await open(work.dir);
    expect(reopened.data.contacts[chatIdOf(1)]?.notes).toBe('segunda');
    expect(reopened.data.settings.closingSoonMinutes).toBe(120);
    expect(reopened.loadNotices).toEqual([]);
    // Folded into janela.json, journal emptied.
    expect(readFileSync(mainFile(), 'utf8')).toContain('segunda');
    expect(readFileSync(journal(), 'utf8')).toBe('');
    await reopened.close();
  });

  test('a changes record of the wrong shape is skipped and reported; the rest of the journal is kept', async () => {
    const store = await open(work.dir);
    store.update((data) => void (data.contacts[chatIdOf(1)] = contact(1)));
    store.appendMessage(message(1, 'a', 1000));
    await store.flush();
    appendFileSync(journal(), '{"changes":{"contactColumns":["chatId"],"contactRows":[["x",42]]}}\n');

    const reopened = await open(work.dir);
    expect(Object.keys(reopened.data.contacts)).toEqual([chatIdOf(1)]);
    expect(reopened.hasMessage(chatIdOf(1), 'a')).toBe(true);
    expect(reopened.loadNotices.map((notice) => notice.detail)).toEqual([
      expect.stringMatching(/^history\/journal\.jsonl had 1 damaged line\(s\), skipped; kept a copy/),
    ]);
    await reopened.close();
  });

  test('a new contacts object (as deleting a label makes) is written whole in that batch', async () => {
    const store = await open(work.dir);
    store.update((data) => {
      data.contacts[chatIdOf(1)] = contact(1, { labels: ['vip'] });
      data.contacts[chatIdOf(2)] = contact(2, { labels: ['vip'] });
    });
    await store.flush();
    store.update((data) => {
      data.contacts = Object.fromEntries(
        Object.entries(data.contacts).map(([key, value]) => [key, { ...value, labels: [] }]),
      );
    });
    await store.flush();
    expect(readFileSync(mainFile(), 'utf8')).not.toContain('"vip"');
    expect(readFileSync(journal(), 'utf8')).toBe('');
    const reopened = await open(work.dir);
    expect(Object.values(reopened.data.contacts).map((c) => c.labels)).toEqual([[], []]);
    await reopened.close();
    await store.close();
  });

  test('a removed contact cannot be journaled: janela.json is rewritten in that batch', async () => {
    const store = await open(work.dir);
    store.update((data) => {
      data.contacts[chatIdOf(1)] = contact(1);
      data.contacts[chatIdOf(2)] = contact(2);
    });
    await store.flush();
    store.update((data) => void Reflect.deleteProperty(data.contacts, chatIdOf(2)));
    await store.flush();
    expect(readFileSync(mainFile(), 'utf8')).toContain(chatIdOf(1));
    expect(readFileSync(mainFile(), 'utf8')).not.toContain(chatIdOf(2));
    expect(readFileSync(journal(), 'utf8')).toBe('');
    // Only that batch: the next change goes to the journal again.
    store.update((data) => void (data.contacts[chatIdOf(1)] = contact(1, { notes: 'depois' })));
    await store.flush();
    expect(readFileSync(journal(), 'utf8')).toContain('"depois"');
    expect(readFileSync(mainFile(), 'utf8')).not.toContain('"depois"');
    const reopened = await open(work.dir);
    expect(Object.keys(reopened.data.contacts)).toEqual([chatIdOf(1)]);
    expect(reopened.data.contacts[chatIdOf(1)]?.notes).toBe('depois');
    await reopened.close();
    await store.close();
  });
});
