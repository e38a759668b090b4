/**
 * Privacy at rest (issue 10, point 5): after a journey on a data folder that already existed with
 * loose modes (0755 folders, 0644 files, as an earlier version or a copy left them), every file
 * under it is 0600 and every folder 0700. logs/ is the logger's (it is being replaced with one
 * that writes 0600 files) and is not created by this journey.
 */
import { chmodSync, cpSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openAppSession } from '../../../../../electron/backend/app-session';
import { createClock } from '../../../../../electron/backend/clock';
import { tempDataDir } from './store-fixtures';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

function loosen(dir: string): void {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const entry = path.join(dir, name);
    if (statSync(entry).isDirectory()) loosen(entry);
    else chmodSync(entry, 0o644);
  }
}

function modes(dir: string, skip: readonly string[]): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const entry = path.join(at, name);
      const relative = path.relative(dir, entry);
      if (skip.includes(relative)) continue;
      const stat = statSync(entry);
      found[relative] = (stat.mode & 0o777).toString(8);
      if (stat.isDirectory()) walk(entry);
    }
  };
  found['.'] = (statSync(dir).mode & 0o777).toString(8);
  walk(dir);
  return found;
}

test.skipIf(process.platform === 'win32')(
  'a journey on a loose, existing data folder leaves every file 0600 and every folder 0700',
  async () => {
    cpSync(path.join(fixtures, 'layout-v1'), work.dir, { recursive: true });
    loosen(work.dir);
    const session = await openAppSession({
      dataDir: work.dir,
      mode: 'simulated',
      clock: createClock(),
      timeZone: 'America/Sao_Paulo',
      log: () => undefined,
      createRealGateway: () => {
        throw new Error('not in this test');
      },
    });
    const gateway = session.simulatedGateway();
    await expect.poll(() => gateway?.status().state).toBe('connected');
    gateway?.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi! Ainda tem?' });
    gateway?.receive({ phone: '5531999990000', name: 'Ana Souza', text: 'Bom dia' });
    const caller = { trusted: true, description: 'test' };
    const sent = await session.dispatch('sendMessage', { chatId: '5531999990000@c.us', text: 'Bom dia, Ana!' }, caller);
    expect(sent).toMatchObject({ ok: true });
    await session.close();

    const found = modes(work.dir, ['logs']);
    const files = Object.entries(found).filter(([name]) => !statSync(path.join(work.dir, name)).isDirectory());
    expect(files.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'janela.json',
        'janela.json.bak',
        'history/journal.jsonl',
        'history/chats/5531999990000_c.us.jsonl',
      ]),
    );
    for (const [name, mode] of Object.entries(found)) {
      const isDir = statSync(path.join(work.dir, name)).isDirectory();
      expect(`${name} ${mode}`).toBe(`${name} ${isDir ? '700' : '600'}`);
    }
  },
);
