import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppSession, type AppSession } from '../../../../electron/backend/app-session';
import { createClock } from '../../../../electron/backend/clock';
import type { Snapshot } from '../../../../shared/contract';
import type { AutomationSettings } from '../../../../shared/automations/automation-settings';
import { MAX_CHATS_PAGE } from '../../../../shared/limits';

const caller = { trusted: true, description: 'test' };
const sessions: AppSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

async function session(
  dataDir = mkdtempSync(join(tmpdir(), 'janela-session-')),
  extra: { language?: 'pt-BR' | 'en'; timeZone?: string } = {},
) {
  const opened = await openAppSession({
    ...extra,
    dataDir,
    mode: 'simulated',
    clock: createClock(),
    timeZone: extra.timeZone ?? 'America/Sao_Paulo',
    log: () => undefined,
    createRealGateway: () => {
      throw new Error('not in this test');
    },
  });
  sessions.push(opened);
  return opened;
}

describe('getChats', () => {
  it('refuses a page over the limit, a cursor that is no chat id and unknown fields', async () => {
    const janela = await session();
    const invalid = { ok: false, error: { code: 'invalid-input' } };
    for (const input of [
      { after: null, limit: MAX_CHATS_PAGE + 1 },
      { after: null, limit: 0 },
      { after: 'everything', limit: 10 },
      { after: null, limit: 10, all: true },
    ])
      expect(await janela.dispatch('getChats', input, caller)).toMatchObject(invalid);
    expect(await janela.dispatch('getChats', { after: null, limit: MAX_CHATS_PAGE }, caller)).toMatchObject({
      ok: true,
      value: { chats: [], next: null },
    });
  });
});

describe('switching to the demo', () => {
  it('opens the demo store once, however many times "Try the demo" is pressed at once', async () => {
    const janela = await session();
    const demoStarts: unknown[] = [];
    janela.hub.subscribe((name, payload) => {
      const change = payload as { gatewayKind?: string; status?: { state: string } };
      if (name === 'connectionChanged' && change.gatewayKind === 'demo' && change.status?.state === 'starting')
        demoStarts.push(payload);
    });
    const results = await Promise.all([
      janela.dispatch('startDemo', {}, caller),
      janela.dispatch('startDemo', {}, caller),
      janela.dispatch('startDemo', {}, caller),
    ]);
    expect(results).toEqual([
      { ok: true, value: null },
      { ok: true, value: null },
      { ok: true, value: null },
    ]);
    expect(demoStarts).toHaveLength(1);
    const snapshot = await janela.dispatch('getSnapshot', {}, caller);
    const chats = (snapshot.ok ? (snapshot.value as Snapshot) : null)?.chats ?? [];
    expect(chats.length).toBeGreaterThan(0);
    expect(new Set(chats.map((chat) => chat.chatId)).size).toBe(chats.length);
  });

  it('a command sent during the switch is answered by the demo, not by the closed store', async () => {
    const janela = await session();
    const switching = janela.dispatch('startDemo', {}, caller);
    await new Promise((resolve) => setImmediate(resolve));
    const snapshot = await janela.dispatch('getSnapshot', {}, caller);
    await switching;
    expect(snapshot).toMatchObject({ ok: true, value: { gatewayKind: 'demo' } });
  });

  it('commands that waited for the switch are answered in order: a read is never overtaken by a later change', async () => {
    const janela = await session();
    const before = await janela.dispatch('getAutomationSettings', {}, caller);
    const settings = before.ok ? (before.value as AutomationSettings) : null;
    if (!settings) throw new Error('no automation settings');
    const heard: string[] = [];
    janela.hub.subscribe((name) => {
      if (name === 'automationSettingsChanged') heard.push('change event');
    });
    const switching = janela.dispatch('startDemo', {}, caller);
    await new Promise((resolve) => setImmediate(resolve));
    // The page reads the settings and, a moment later, turns automatic replies on: the read's
    // answer must reach it before the change's event, or the screen shows them off.
    const read = janela.dispatch('getAutomationSettings', {}, caller).then(() => heard.push('read answer'));
    const change = janela.dispatch('updateAutomationSettings', { ...settings, enabled: !settings.enabled }, caller);
    await Promise.all([switching, read, change]);
    expect(heard).toEqual(['read answer', 'change event']);
  });
});

describe('the simulated WhatsApp across restarts', () => {
  it('gives new ids after a restart, so a new customer message is never taken for a stored one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'janela-session-'));
    const first = await session(dataDir);
    const before = first.simulatedGateway()?.receive({ phone: '5511987654321', name: null, text: 'Oi' });
    await first.close();
    sessions.splice(sessions.indexOf(first), 1);
    const second = await session(dataDir);
    const after = second.simulatedGateway()?.receive({ phone: '5511987654321', name: null, text: 'Oi de novo' });
    expect(after?.waId).not.toBe(before?.waId);
    expect(second.hasMessage('5511987654321@c.us', after?.waId ?? '')).toBe(true);
    const conversation = await second.dispatch('getConversation', { chatId: '5511987654321@c.us' }, caller);
    expect(conversation).toMatchObject({ ok: true, value: { messages: [{ text: 'Oi' }, { text: 'Oi de novo' }] } });
  });
});

describe('launch options (issue 16, item 12)', () => {
  it('--lang applies to that launch only: the saved language is the person’s own choice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'janela-session-'));
    const first = await session(dataDir, { timeZone: 'America/Manaus' });
    const firstSnapshot = (await first.dispatch('getSnapshot', {}, caller)) as { ok: true; value: Snapshot };
    // First run: the machine's zone and the default language are what is saved.
    expect(firstSnapshot.value.settings).toMatchObject({ language: 'pt-BR', timeZone: 'America/Manaus' });
    await first.close();
    sessions.splice(sessions.indexOf(first), 1);

    const english = await session(dataDir, { language: 'en' });
    const snapshot = (await english.dispatch('getSnapshot', {}, caller)) as { ok: true; value: Snapshot };
    expect(snapshot.value.launchLanguage).toBe('en');
    expect(snapshot.value.settings.language).toBe('pt-BR');
    // The zone saved on the first run stays, whatever this machine reports now.
    expect(snapshot.value.settings.timeZone).toBe('America/Manaus');
    await english.close();
    sessions.splice(sessions.indexOf(english), 1);

    const plain = await session(dataDir);
    const after = (await plain.dispatch('getSnapshot', {}, caller)) as { ok: true; value: Snapshot };
    expect(after.value.settings.language).toBe('pt-BR');
    expect(after.value.launchLanguage).toBeNull();
  });
});
