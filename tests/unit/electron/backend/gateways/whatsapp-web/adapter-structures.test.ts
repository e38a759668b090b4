/**
 * The gateway fed with whatsapp-web.js's own Message, Chat, Contact, Reaction and Call objects,
 * built by the library's classes from raw data shaped like what it receives from the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SHOP } from './fake-client';
import { gatewayHarness } from './gateway-harness';
import { rawCall, rawMessage, rawReaction, structures, wid } from './wa-structures';

const MARIA = '5511987654321@c.us';
const LID = '102938475610293@lid';
const GROUP = '120363012345678901@g.us';
const T = 1_760_000_100;

const flush = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

let stopAll: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopAll.map((stop) => stop()));
  stopAll = [];
});

async function connected() {
  const h = gatewayHarness();
  h.world.linked = true;
  stopAll.push(() => h.gateway.stop());
  await h.gateway.start();
  await flush();
  expect(h.gateway.status().state).toBe('connected');
  return h;
}

describe('whatsapp-web.js structures → GatewayMessage', () => {
  it('turns a customer text into an inbound message, seconds into milliseconds, with the saved name', async () => {
    const h = await connected();
    h.world.addContact(MARIA, { name: 'Maria (bolos)', pushname: 'Maria' });
    h.client().deliver(rawMessage({ chat: MARIA, body: 'Oi! Tem bolo?', t: T, notifyName: 'Maria' }));
    await flush();
    expect(h.messages).toEqual([
      expect.objectContaining({
        chatId: MARIA,
        fromMe: false,
        kind: 'text',
        text: 'Oi! Tem bolo?',
        at: T * 1000,
        contactName: 'Maria (bolos)',
      }),
    ]);
    expect(h.messages[0]?.catchUp).toBeUndefined();
    expect(h.messages[0]?.status).toBeUndefined();
  });

  it('falls back to the push name, then the notify name, then null', async () => {
    const h = await connected();
    h.world.addContact(MARIA, { pushname: 'Mari' });
    h.client().deliver(rawMessage({ chat: MARIA, body: 'a', t: T }));
    h.client().deliver(rawMessage({ chat: LID, body: 'b', t: T, notifyName: 'João' }));
    h.client().deliver(rawMessage({ chat: '5511911112222@c.us', body: 'c', t: T }));
    await flush();
    expect(h.messages.map((message) => message.contactName)).toEqual(['Mari', 'João', null]);
    expect(h.messages[1]?.chatId).toBe(LID);
  });

  it('records a reply typed on the phone as the shop’s own, with its delivery status and never the shop’s name', async () => {
    const h = await connected();
    const raw = rawMessage({ chat: MARIA, fromMe: true, body: 'Temos sim!', t: T, ack: 2, notifyName: 'Padaria' });
    h.client().deliver(raw);
    await flush();
    expect(h.messages).toEqual([
      expect.objectContaining({
        chatId: MARIA,
        fromMe: true,
        text: 'Temos sim!',
        status: 'delivered',
        contactName: null,
      }),
    ]);
    expect(h.messages[0]?.waId).toBe(`true_${MARIA}_${raw.id.id}`);
  });

  it('ignores groups, statuses and system messages', async () => {
    const h = await connected();
    const c = h.client();
    c.deliver(rawMessage({ chat: GROUP, author: MARIA, body: 'no grupo', t: T }));
    c.deliver(rawMessage({ chat: 'status@broadcast', author: MARIA, body: 'meu status', t: T, isStatusV3: true }));
    for (const type of [
      'e2e_notification',
      'notification_template',
      'gp2',
      'revoked',
      'protocol',
      'ciphertext',
      'notification',
      'debug',
    ]) {
      c.deliver(rawMessage({ chat: MARIA, type, body: '', t: T }));
    }
    c.deliver(rawMessage({ chat: MARIA, body: 'system', t: T, isNotification: true }));
    await flush();
    expect(h.messages).toEqual([]);
  });

  it('keeps the real message that replaces a ciphertext placeholder with the same id', async () => {
    const h = await connected();
    const placeholder = rawMessage({ chat: MARIA, type: 'ciphertext', t: T, id: 'SAMEID' });
    h.client().deliver(placeholder);
    h.client().deliver({ ...placeholder, type: 'chat', body: 'decifrada' });
    await flush();
    expect(h.messages.map((message) => message.text)).toEqual(['decifrada']);
  });

  it('emits a message once although the library fires message and message_create (and catch-up sees it again)', async () => {
    const h = await connected();
    const raw = rawMessage({ chat: MARIA, body: 'uma vez', t: T });
    h.client().deliver(raw);
    h.client().emit('message_create', new structures.Message(h.client(), raw));
    h.settings.lastSyncAt = T * 1000 - 60_000;
    h.client().emit('ready');
    await flush();
    expect(h.messages.filter((message) => message.text === 'uma vez')).toHaveLength(1);
  });

  it('gives media the caption or a placeholder', async () => {
    const h = await connected();
    h.client().deliver(rawMessage({ chat: MARIA, type: 'image', media: true, caption: 'este aqui', t: T }));
    h.client().deliver(rawMessage({ chat: MARIA, type: 'ptt', media: true, t: T + 1 }));
    h.client().deliver(rawMessage({ chat: MARIA, type: 'location', body: 'base64thumb', t: T + 2 }));
    await flush();
    expect(h.messages.map((message) => [message.kind, message.text])).toEqual([
      ['media', 'este aqui'],
      ['media', '[voice message]'],
      ['media', '[location]'],
    ]);
  });

  it('counts an incoming call as customer contact, once with its call_log, but not the shop’s calls or group calls', async () => {
    const h = await connected();
    const c = h.client();
    c.emit('call', new structures.Call(c, rawCall({ peer: '5511987654321:12@c.us', id: 'C1' })));
    c.emit('call', new structures.Call(c, rawCall({ peer: MARIA, id: 'C1' })));
    c.emit('call', new structures.Call(c, { ...rawCall({ peer: LID, id: 'C2', isVideo: true }), peerJid: wid(LID) }));
    c.emit('call', new structures.Call(c, rawCall({ peer: MARIA, outgoing: true })));
    c.emit('call', new structures.Call(c, rawCall({ peer: GROUP, isGroup: true })));
    c.deliver(rawMessage({ chat: MARIA, type: 'call_log', t: h.clock.now() / 1000 + 30 }));
    await flush();
    expect(h.messages).toEqual([
      expect.objectContaining({
        waId: 'call_C1',
        chatId: MARIA,
        kind: 'call',
        text: '[call]',
        fromMe: false,
        at: h.clock.now(),
      }),
      expect.objectContaining({ waId: 'call_C2', chatId: LID, kind: 'call', text: '[video call]' }),
    ]);
  });

  it('records a call_log that no live call announced (a missed call)', async () => {
    const h = await connected();
    h.client().deliver(rawMessage({ chat: MARIA, type: 'call_log', t: T }));
    await flush();
    expect(h.messages).toEqual([
      expect.objectContaining({ kind: 'call', text: '[call]', at: T * 1000, fromMe: false }),
    ]);
  });

  it('reports every customer reaction, never the shop’s own or a removal; the window is the backend’s rule', async () => {
    const h = await connected();
    const c = h.client();
    const react = (emoji: string, fromMe = false) =>
      c.emit(
        'message_reaction',
        new structures.Reaction(
          c,
          rawReaction({ chat: MARIA, sender: fromMe ? SHOP : MARIA, emoji, t: T + 0.5, fromMe, parentId: 'P1' }),
        ),
      );
    react('❤️');
    react('');
    react('😂', true);
    await flush();
    expect(h.messages).toEqual([
      expect.objectContaining({ kind: 'reaction', text: '❤️', chatId: MARIA, fromMe: false, at: T * 1000 + 500 }),
    ]);
  });
});
