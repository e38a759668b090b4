import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WAWebJS from 'whatsapp-web.js';
import { PROVIDED_MODULES, startStandIn } from '../../wa-standin/index';
import type { StandIn } from '../../wa-standin/index';
import { destroyAllClients, nextEvent, startClient } from './harness';
import type { WaClient } from './harness';

type Message = WAWebJS.Message;

const ANA = '5511911111111@c.us';
const BRUNO = '5511922222222@c.us';
const CARLA = '5511933333333@c.us';
const GROUP = '120363000000000001@g.us';
const HOUR = 3_600_000;

let standIn: StandIn;

function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
}
let client: WaClient;
const now = Date.now();

beforeAll(async () => {
  standIn = await startStandIn({
    qrRotateMs: 0,
    historyInMemory: 2,
    historyPageSize: 3,
    autoAck: { upTo: 3, stepMs: 40 },
  });
  standIn.control.seedChats([
    {
      id: ANA,
      name: 'Ana Souza',
      pushname: 'Ana',
      messages: [
        { text: 'oi', at: now - 5 * HOUR },
        { text: 'olá, Ana', fromMe: true, at: now - 5 * HOUR + 60_000 },
        { text: 'vocês entregam?', at: now - 3 * HOUR },
        { text: 'no bairro?', at: now - 3 * HOUR + 1000 },
        { text: 'e sábado?', at: now - 2 * HOUR },
        { text: 'obrigada', at: now - HOUR },
      ],
    },
    {
      id: GROUP,
      name: 'Clientes VIP',
      participants: [ANA, CARLA],
      messages: [{ text: 'promoção?', author: CARLA, notifyName: 'Carla', at: now - 4 * HOUR }],
    },
    // Answered and read on the phone: nothing unread, but the customer wrote last.
    { id: BRUNO, pushname: 'Bruno', unreadCount: 0, messages: [{ text: 'quanto custa?', at: now - 30 * 60_000 }] },
  ]);
  ({ client } = await startClient(standIn));
}, 60_000);
afterAll(async () => {
  await destroyAllClients();
  await standIn.close();
}, 30_000);

describe('stand-in messages with the real whatsapp-web.js Client', { timeout: 90_000 }, () => {
  it('gives catch-up the seeded history through getChats and fetchMessages', async () => {
    const chats = await client.getChats();
    const byId = new Map(chats.map((chat) => [chat.id._serialized, chat]));
    expect([...byId.keys()]).toEqual([BRUNO, ANA, GROUP]);
    const group = must(byId.get(GROUP));
    expect(group.isGroup).toBe(true);
    expect(group.name).toBe('Clientes VIP');
    const [groupMessage] = await group.fetchMessages({ limit: 5 });
    expect([groupMessage?.from, groupMessage?.author, groupMessage?.body]).toEqual([GROUP, CARLA, 'promoção?']);

    const ana = must(byId.get(ANA));
    expect(ana.name).toBe('Ana Souza');
    expect(ana.unreadCount).toBe(4);
    expect(ana.timestamp).toBe(Math.floor((now - HOUR) / 1000));
    expect(ana.lastMessage?.body).toBe('obrigada');
    // Only the newest messages are in memory: fetching more goes through loadEarlierMsgs.
    expect((await ana.fetchMessages({})).map((m) => m.body)).toEqual(['e sábado?', 'obrigada']);
    const all = await ana.fetchMessages({ limit: 50 });
    expect(all.map((m) => m.body)).toEqual([
      'oi',
      'olá, Ana',
      'vocês entregam?',
      'no bairro?',
      'e sábado?',
      'obrigada',
    ]);
    expect(all.map((m) => m.fromMe)).toEqual([false, true, false, false, false, false]);
    expect(all[0]?.timestamp).toBe(Math.floor((now - 5 * HOUR) / 1000));

    const bruno = must(byId.get(BRUNO));
    expect(bruno.unreadCount).toBe(0);
    expect((await bruno.fetchMessages({ limit: 10 })).map((m) => [m.body, m.fromMe])).toEqual([
      ['quanto custa?', false],
    ]);
  });

  it('delivers a person’s message as `message` and `message_create`, with the contact’s names', async () => {
    const created = nextEvent<[Message]>(client, 'message_create', (m) => m.body === 'tem bolo de fubá?');
    const received = nextEvent<[Message]>(client, 'message', (m) => m.body === 'tem bolo de fubá?');
    const id = standIn.control.inbound({
      from: CARLA,
      name: 'Carla',
      savedName: 'Carla Dias',
      text: 'tem bolo de fubá?',
    });
    const [message] = await received;
    await created;
    expect(message.from).toBe(CARLA);
    expect(message.fromMe).toBe(false);
    expect(message.type).toBe('chat');
    expect(message.isStatus).toBe(false);
    expect(message.id._serialized).toBe(`false_${CARLA}_${id}`);
    const contact = await message.getContact();
    expect(contact.pushname).toBe('Carla');
    expect(contact.name).toBe('Carla Dias');
    expect(contact.number).toBe('5511933333333');
    const chat = await message.getChat();
    expect(chat.isGroup).toBe(false);
    expect(chat.unreadCount).toBe(1);
  });

  it('marks group and status messages as such', async () => {
    const group = nextEvent<[Message]>(client, 'message', (m) => m.body === 'bom dia, grupo');
    standIn.control.inbound({
      from: ANA,
      name: 'Ana',
      text: 'bom dia, grupo',
      group: { id: GROUP, name: 'Clientes VIP' },
    });
    const [groupMessage] = await group;
    expect(groupMessage.from).toBe(GROUP);
    expect(groupMessage.author).toBe(ANA);
    expect((await groupMessage.getChat()).isGroup).toBe(true);

    const status = nextEvent<[Message]>(client, 'message', (m) => m.body === 'promoção de hoje');
    standIn.control.inbound({ from: BRUNO, name: 'Bruno', text: 'promoção de hoje', status: true });
    const [statusMessage] = await status;
    expect(statusMessage.from).toBe('status@broadcast');
    expect(statusMessage.isStatus).toBe(true);
    expect(statusMessage.author).toBe(BRUNO);
  });

  it('sends: resolves at ack 0, then acks 1, 2, 3 through message_ack, received once', async () => {
    const acks: number[] = [];
    const onAck = (message: Message, ack: number): void => {
      if (message.body === 'temos sim!') acks.push(ack);
    };
    client.on('message_ack', onAck);
    const read = nextEvent<[Message, number]>(client, 'message_ack', (m, ack) => m.body === 'temos sim!' && ack === 3);
    const sent = await client.sendMessage(CARLA, 'temos sim!');
    expect(sent.fromMe).toBe(true);
    expect(sent.ack).toBe(0);
    expect(sent.to).toBe(CARLA);
    await read;
    client.off('message_ack', onAck);
    expect(acks).toEqual([1, 2, 3]);
    expect(standIn.control.received().filter((r) => r.text === 'temos sim!')).toEqual([
      expect.objectContaining({ id: sent.id.id, key: sent.id._serialized, to: CARLA }),
    ]);
    // The send marked the chat as seen, as WhatsApp Web does.
    expect((await client.getChatById(CARLA)).unreadCount).toBe(0);
    expect(standIn.control.chat(CARLA)?.messages.at(-1)).toMatchObject({ body: 'temos sim!', fromMe: true, ack: 3 });
  });

  it('fails a send by rejecting, or by an error ack, and records neither', async () => {
    standIn.control.failNextSend({ mode: 'reject', reason: 'número inválido' });
    await expect(client.sendMessage(ANA, 'vai falhar')).rejects.toThrow(/número inválido/);

    standIn.control.failNextSend({ mode: 'ack-error' });
    const errorAck = nextEvent<[Message, number]>(client, 'message_ack', (m) => m.body === 'erro de ack');
    await client.sendMessage(ANA, 'erro de ack');
    const [, ack] = await errorAck;
    expect(ack).toBe(-1);
    expect(standIn.control.received().map((r) => r.text)).not.toEqual(
      expect.arrayContaining(['vai falhar', 'erro de ack']),
    );
  });

  it('reports the shop’s messages typed on the phone as message_create from me', async () => {
    const created = nextEvent<[Message]>(client, 'message_create', (m) => m.body === 'respondi pelo celular');
    let asMessage = false;
    const onMessage = (m: Message): void => {
      if (m.body === 'respondi pelo celular') asMessage = true;
    };
    client.on('message', onMessage);
    standIn.control.sendFromPhone({ to: ANA, text: 'respondi pelo celular' });
    const [message] = await created;
    client.off('message', onMessage);
    expect(message.fromMe).toBe(true);
    expect(message.to).toBe(ANA);
    expect(asMessage).toBe(false);
  });

  it('reports reading on the phone, calls and reactions', async () => {
    const arrived = nextEvent<[Message]>(client, 'message', (m) => m.body === 'ainda aí?');
    standIn.control.inbound({ from: ANA, name: 'Ana', text: 'ainda aí?' });
    await arrived;
    expect((await client.getChatById(ANA)).unreadCount).toBe(1);
    const unread = nextEvent<[WAWebJS.Chat]>(
      client,
      'unread_count',
      (chat) => chat.id._serialized === ANA && chat.unreadCount === 0,
    );
    standIn.control.readOnPhone(ANA);
    expect((await unread)[0].unreadCount).toBe(0);

    const call = nextEvent<[WAWebJS.Call]>(client, 'call');
    standIn.control.call(BRUNO);
    expect((await call)[0].from).toMatchObject({ _serialized: BRUNO });

    const anaLast = must((await (await client.getChatById(ANA)).fetchMessages({ limit: 1 })).at(-1));
    const reaction = nextEvent<[WAWebJS.Reaction]>(client, 'message_reaction');
    standIn.control.react(ANA, anaLast.id._serialized, '👍');
    const [r] = await reaction;
    expect(r.reaction).toBe('👍');
    expect(r.senderId).toBe(ANA);
    expect(r.msgId._serialized).toBe(anaLast.id._serialized);
  });

  it('upgrade canary: the library asked only for modules the stand-in provides or lists as optional', async () => {
    const provided = await must(client.pupPage).evaluate(() =>
      (globalThis as unknown as { __standin: { provided(): string[] } }).__standin.provided(),
    );
    expect([...provided].sort()).toEqual([...PROVIDED_MODULES].sort());
    expect(standIn.control.requestedModules().length).toBeGreaterThan(20);
    expect(standIn.control.unknownModules()).toEqual([]);
  });
});
