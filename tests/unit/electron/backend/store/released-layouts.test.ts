/**
 * Stored data grows safely (issue 10, defect 2): every released layout, committed under fixtures/
 * as the code of its time wrote it, opens with nothing lost; reading is tolerant of fields it does
 * not know (kept) and of optional ones a file lacks (defaulted); data from a newer Janela is
 * refused, in the person's language, and left exactly as it was.
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { StoreTooNewError } from '../../../../../electron/backend/store/migrations';
import { encodeRowsDocument } from '../../../../../electron/backend/store/rows-layout';
import { contactRowColumns } from '../../../../../electron/backend/store/fast-checks';
import { storeSchemaVersion, type JanelaStore } from '../../../../../electron/backend/store/store-types';
import { translate } from '../../../../../shared/i18n';
import { chatIdOf, contact, defaultData, open, tempDataDir } from './store-fixtures';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

interface Expected {
  data: Record<string, unknown> & { contacts: Record<string, unknown>; settings: Record<string, unknown> };
  messages: Record<string, unknown[]>;
}
const writtenByV1 = JSON.parse(readFileSync(path.join(fixtures, 'layout-v1.expected.json'), 'utf8')) as Expected;
/**
 * What version 1 held, read today: every value it had, and what later versions added (collections
 * and settings it never knew) at today's defaults. Nothing of the old file may differ.
 */
const today = JSON.parse(JSON.stringify(defaultData())) as Expected['data'];
const expectedV1: Expected = {
  ...writtenByV1,
  data: {
    ...today,
    ...writtenByV1.data,
    settings: { ...today.settings, ...writtenByV1.data.settings },
  },
};

async function everything(store: JanelaStore) {
  await store.contactsLoaded();
  const messages = Object.fromEntries(
    Object.keys(store.data.contacts).map((chatId) => [chatId, store.readMessages(chatId, { limit: 50 }).messages]),
  );
  return { data: JSON.parse(JSON.stringify(store.data)) as unknown, messages };
}

describe('released layouts open with nothing lost', () => {
  test('version 1, checkpointed: every contact, setting, label, quick reply, outbox entry and message', async () => {
    cpSync(path.join(fixtures, 'layout-v1'), work.dir, { recursive: true });
    const store = await open(work.dir);
    expect(store.loadNotices).toEqual([]);
    expect(await everything(store)).toEqual(expectedV1);
    await store.close();
    // Written back in today's layout, still all there.
    const again = await open(work.dir);
    expect(await everything(again)).toEqual({
      ...expectedV1,
      data: { ...expectedV1.data, version: storeSchemaVersion },
    });
    await again.close();
  });

  test('version 1 with a journal left by a crash: its changes and messages are replayed', async () => {
    cpSync(path.join(fixtures, 'layout-v1-journal'), work.dir, { recursive: true });
    const store = await open(work.dir);
    expect(store.loadNotices).toEqual([]);
    const ana = '5531999990000@c.us';
    const { data, messages } = await everything(store);
    expect(data).toEqual({
      ...expectedV1.data,
      settings: { ...expectedV1.data.settings, sendIntervalMs: 3000 },
      contacts: {
        ...expectedV1.data.contacts,
        [ana]: expect.objectContaining({ waName: 'Ana Souza', labels: ['vip'] }),
      },
    });
    expect(messages).toEqual({ ...expectedV1.messages, [ana]: [expect.objectContaining({ id: 'wa-9' })] });
    await store.close();
  });
});

/** Every file under the folder with its bytes and mode, to prove nothing was touched. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const file = path.join(at, name);
      const stat = statSync(file);
      if (stat.isDirectory()) walk(file);
      else files[path.relative(dir, file)] = `${stat.mode.toString(8)} ${readFileSync(file).toString('base64')}`;
    }
  };
  walk(dir);
  return files;
}

async function rowsFile(head: Record<string, unknown>, rows: Record<string, readonly unknown[]>, columns: string[]) {
  const chunks = await encodeRowsDocument(
    `${JSON.stringify({ ...head, contactColumns: columns }).slice(0, -1)}}`,
    Object.fromEntries(Object.keys(rows).map((key) => [key, contact(1)])),
    (key) => JSON.stringify([key, ...(rows[key] ?? [])]),
    100,
  );
  return Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)));
}

describe('data written by a newer Janela', () => {
  const newer = storeSchemaVersion + 1;
  const refusal = translate('pt-BR', 'store.newerVersion');

  test('janela.json with a higher version: refused in Portuguese, nothing written or moved', async () => {
    const rest: Record<string, unknown> = { ...defaultData(), contacts: undefined };
    const columns = [...contactRowColumns];
    const saved = contact(1);
    writeFileSync(
      path.join(work.dir, 'janela.json'),
      await rowsFile({ ...rest, version: newer }, { [chatIdOf(1)]: columns.map((c) => saved[c]) }, columns),
    );
    const before = snapshot(work.dir);
    await expect(open(work.dir)).rejects.toThrow(new StoreTooNewError(newer, storeSchemaVersion, 'pt-BR'));
    await expect(open(work.dir)).rejects.toThrow(refusal);
    expect(refusal).toMatch(/versão mais nova do Janela/);
    expect(snapshot(work.dir)).toEqual(before);
  });

  test('a journal line from a newer version behind an older janela.json: refused, nothing touched', async () => {
    cpSync(path.join(fixtures, 'layout-v1'), work.dir, { recursive: true });
    writeFileSync(
      path.join(work.dir, 'history', 'journal.jsonl'),
      `${JSON.stringify({ changes: { version: newer, contactColumns: ['chatId'], contactRows: [] } })}\n`,
    );
    const before = snapshot(work.dir);
    await expect(
      open(work.dir, {
        defaults: () => ({ ...defaultData(), settings: { ...defaultData().settings, language: 'en' } }),
      }),
    ).rejects.toThrow(translate('en', 'store.newerVersion'));
    expect(snapshot(work.dir)).toEqual(before);
  });
});

describe('tolerant reading', () => {
  test('a field and a collection this version does not know are kept through a rewrite', async () => {
    const rest: Record<string, unknown> = { ...defaultData(), contacts: undefined };
    const columns = [...contactRowColumns, 'bookingCount'];
    const saved = contact(1);
    writeFileSync(
      path.join(work.dir, 'janela.json'),
      await rowsFile(
        { ...rest, loyaltyCards: [{ id: 'b1', at: 5 }] },
        { [chatIdOf(1)]: [...contactRowColumns.map((c) => saved[c]), 3] },
        columns,
      ),
    );
    const store = await open(work.dir);
    await store.contactsLoaded();
    expect(store.loadNotices).toEqual([]);
    expect(store.data.contacts[chatIdOf(1)]?.waName).toBe('Cliente 1');
    // Changed by this version, written whole: what it does not know stays.
    store.update((data) => {
      const current = data.contacts[chatIdOf(1)];
      if (current) data.contacts[chatIdOf(1)] = { ...current, notes: 'prefere Pix' };
    });
    await store.close();
    const text = readFileSync(path.join(work.dir, 'janela.json'), 'latin1');
    expect(text).toContain('"loyaltyCards":[{"id":"b1","at":5}]');
    expect(text).toContain('"bookingCount"');
    const again = await open(work.dir);
    await again.contactsLoaded();
    expect(again.data.contacts[chatIdOf(1)]).toMatchObject({ notes: 'prefere Pix', bookingCount: 3 });
    expect((again.data as unknown as Record<string, unknown>).loyaltyCards).toEqual([{ id: 'b1', at: 5 }]);
    await again.close();
  });

  test('collections a hand-made file lacks are defaulted', async () => {
    const { settings } = defaultData();
    writeFileSync(path.join(work.dir, 'janela.json'), JSON.stringify({ version: 1, settings, contacts: {} }));
    const store = await open(work.dir);
    expect(store.loadNotices).toEqual([]);
    expect(store.data).toMatchObject({ labels: [], quickReplies: [], outbox: [], sync: { lastSyncAt: null } });
    await store.close();
  });
});
