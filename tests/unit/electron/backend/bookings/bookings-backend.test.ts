/**
 * Bookings and orders through the whole backend: the staff commands, the reminder job on the
 * backend clock, messages through the outbox only while the window is open, and the collections
 * surviving a restart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatFlowReply } from '../../../../../electron/backend/automations/chat-flow';
import { createBackend, type Backend } from '../../../../../electron/backend/backend';
import type { AdjustableClock } from '../../../../../electron/backend/clock';
import { createManualClock } from '../manual-clock';
import { EventHub } from '../../../../../electron/backend/event-hub';
import { SimulatedGateway } from '../../../../../electron/backend/gateways/simulated/simulated-gateway';
import { createNoticeBoard } from '../../../../../electron/backend/notices/notice-board';
import { openStore } from '../../../../../electron/backend/store/open-store';
import { emptyStoreData, type JanelaStore } from '../../../../../electron/backend/store/store-types';
import { errorCodeOf } from '../../../../../shared/contract';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import { HOUR, maria, products, said, services, SP, WEDNESDAY_10H } from './shop-world';
import { tempMediaStore } from '../media/temp-media-store';

interface World {
  backend: Backend;
  store: JanelaStore;
  gateway: SimulatedGateway;
  clock: AdjustableClock;
  events: string[];
  dataDir: string;
}
const open: World[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.backend.close();
});

async function world(
  dataDir = mkdtempSync(join(tmpdir(), 'janela-bookings-')),
  clock = createManualClock(WEDNESDAY_10H),
) {
  const store = await openStore({
    dataDir,
    clock,
    flushDelayMs: 5,
    defaults: () => ({ ...emptyStoreData({ ...defaultSettings(SP, 'pt-BR'), sendIntervalMs: 0 }), services, products }),
  });
  const gateway = new SimulatedGateway({ clock, ackDelaysMs: [5, 10, 15] });
  const hub = new EventHub();
  const events: string[] = [];
  hub.subscribe((name) => events.push(name));
  const backend = createBackend({
    media: await tempMediaStore(clock),
    store,
    gateway,
    clock,
    hub,
    notices: createNoticeBoard(clock),
    log: () => undefined,
    startDemo: async () => undefined,
    exitDemo: async () => undefined,
  });
  await backend.start();
  const created: World = { backend, store, gateway, clock, events, dataDir };
  open.push(created);
  return created;
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};
const at = (iso: string) => Date.parse(iso);

async function mariaWrites(w: World, text = 'Oi!') {
  w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text });
  await waitFor(() => w.store.data.contacts[maria]?.lastInboundAt === w.clock.now());
}

describe('the reminder job', () => {
  it('sends a due reminder as an automatic message while the window is open, once', async () => {
    const w = await world();
    await mariaWrites(w);
    const start = at('2026-11-26T15:00:00-03:00');
    const { booking } = await w.backend.handlers.createBooking({
      chatId: maria,
      serviceId: 'degustacao',
      start,
      notify: false,
    });
    const plan = (await w.backend.handlers.getAgenda({ from: start - HOUR, to: start + HOUR })).entries[0]?.reminder;
    expect(plan).toEqual({ state: 'can-remind-until', until: WEDNESDAY_10H + 24 * HOUR, remindAt: start - 24 * HOUR });

    w.clock.advance(5 * HOUR); // Wednesday 15:00: 24 h before.
    await waitFor(() => w.gateway.sent.length === 1);
    expect(w.gateway.sent[0]?.text).toMatch(/^Lembrete: seu horário de \*Degustação de bolos\* é/);
    const reminder = w.store.readMessages(maria, { limit: 5 }).messages.at(-1);
    expect(reminder).toMatchObject({ direction: 'out', automatic: true });
    expect(w.store.data.bookings.find((b) => b.id === booking.id)?.reminderSentAt).toBe(w.clock.now());
    const agenda = await w.backend.handlers.getAgenda({ from: start - HOUR, to: start + HOUR });
    expect(agenda.entries[0]?.reminder).toEqual({ state: 'reminder-sent', at: w.clock.now() });

    w.clock.advance(HOUR);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(w.gateway.sent).toHaveLength(1);
  });

  it('never sends once the window has closed, and the agenda says the customer cannot be reminded', async () => {
    const w = await world();
    await mariaWrites(w);
    const start = at('2026-11-27T15:00:00-03:00'); // Friday: 24 h before is after Maria's window.
    await w.backend.handlers.createBooking({ chatId: maria, serviceId: 'degustacao', start, notify: false });
    const before = await w.backend.handlers.getAgenda({ from: start - HOUR, to: start + HOUR });
    expect(before.entries[0]?.reminder).toEqual({
      state: 'can-remind-until',
      until: WEDNESDAY_10H + 24 * HOUR,
      remindAt: null,
    });
    w.clock.advance(29 * HOUR); // Thursday 15:00, the reminder time, window closed since 10:00.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(w.gateway.sent).toEqual([]);
    const after = await w.backend.handlers.getAgenda({ from: start - HOUR, to: start + HOUR });
    expect(after.entries[0]?.reminder).toEqual({ state: 'cannot-remind-window-closed' });
  });
});

describe('staff bookings', () => {
  it('creates, moves and cancels by hand, telling the customer only when asked and while the window is open', async () => {
    const w = await world();
    await mariaWrites(w);
    const start = at('2026-11-26T09:00:00-03:00');
    const created = await w.backend.handlers.createBooking({ chatId: maria, serviceId: 'festa', start, notify: true });
    expect(created.told).toBe(true);
    expect(created.booking).toMatchObject({ start, end: start + HOUR / 2, status: 'booked' });
    await waitFor(() => w.gateway.sent.length === 1);
    expect(w.gateway.sent[0]?.text).toContain('Seu horário está marcado: *Conversa sobre bolo de festa*');
    expect(w.events).toContain('bookingsChanged');

    let refused: unknown = null;
    try {
      await w.backend.handlers.createBooking({ chatId: maria, serviceId: 'degustacao', start, notify: false });
    } catch (error) {
      refused = error;
    }
    expect(errorCodeOf(refused)).toBe('slot-taken');
    expect(w.store.data.bookings).toHaveLength(1);

    const moved = await w.backend.handlers.moveBooking({
      id: created.booking.id,
      start: start + 2 * HOUR,
      notify: false,
    });
    expect(moved).toMatchObject({ told: false, booking: { start: start + 2 * HOUR, end: start + 2.5 * HOUR } });

    w.clock.advance(25 * HOUR); // The window closed.
    expect(() =>
      w.backend.handlers.setBookingStatus({ id: created.booking.id, status: 'cancelled', notify: true }),
    ).toThrow(/window-closed/);
    expect(w.store.data.bookings[0]?.status).toBe('booked');
    const cancelled = await w.backend.handlers.setBookingStatus({
      id: created.booking.id,
      status: 'cancelled',
      notify: false,
    });
    expect(cancelled).toMatchObject({ told: false, booking: { status: 'cancelled' } });
    expect(w.gateway.sent).toHaveLength(1);
  });

  it('switches off a service with bookings ahead instead of deleting it', async () => {
    const w = await world();
    await mariaWrites(w);
    await w.backend.handlers.createBooking({
      chatId: maria,
      serviceId: 'festa',
      start: at('2026-11-26T09:00:00-03:00'),
      notify: false,
    });
    const kept = await w.backend.handlers.deleteService({ id: 'festa' });
    expect(kept.find((service) => service.id === 'festa')?.active).toBe(false);
    const gone = await w.backend.handlers.deleteService({ id: 'degustacao' });
    expect(gone.map((service) => service.id)).toEqual(['festa']);
    expect(await w.backend.handlers.updateAgendaSettings({ capacity: 2 })).toMatchObject({
      capacity: 2,
      slotStepMin: 30,
    });
  });
});

describe('staff orders', () => {
  async function withOrder(w: World) {
    await mariaWrites(w);
    const [flowOrder] = w.backend.chatFlows.filter((flow) => flow.name === 'order');
    const context = (text: string) => said({ store: w.store, clock: w.clock, dataDir: w.dataDir }, maria, text);
    flowOrder?.start(context('pedido'));
    for (const text of ['1', '2x 1', 'finalizar', '0', '1']) flowOrder?.continue(context(text));
    expect(w.store.data.orders).toHaveLength(1);
    return w.store.data.orders[0]?.id ?? '';
  }

  it('moves an order along and tells the customer with the status template while the window is open', async () => {
    const w = await world();
    const id = await withOrder(w);
    expect(w.events).toContain('ordersChanged');
    const board = await w.backend.handlers.getOrderBoard({ date: '2026-11-25' });
    expect(board.entries.map((entry) => [entry.order.id, entry.customerName, entry.windowOpenUntil])).toEqual([
      [id, 'Maria Silva', WEDNESDAY_10H + 24 * HOUR],
    ]);
    expect(board.totals).toMatchObject({ count: 1, totalCents: 9000, pickupCount: 1 });
    expect(await w.backend.handlers.setOrderStatus({ id, status: 'accepted', notify: true })).toEqual({ told: true });
    await waitFor(() => w.gateway.sent.length === 1);
    expect(w.gateway.sent[0]?.text).toBe('Pedido #1001: Oi, Maria! Seu pedido foi aceito e já estamos preparando.');
  });

  it('tells the customer in the shop’s own words for that status', async () => {
    const w = await world();
    const id = await withOrder(w);
    const { templates } = await w.backend.handlers.getCatalogue({});
    expect(templates.ready).toBe('Seu pedido está pronto!');
    const saved = await w.backend.handlers.saveOrderStatusTemplates({
      ...templates,
      ready: 'Prontinho, {{first_name|cliente}}! Pode vir buscar.',
    });
    expect(saved.ready).toBe('Prontinho, {{first_name|cliente}}! Pode vir buscar.');
    expect(w.store.data.orderStatusTemplates).toEqual({ ready: 'Prontinho, {{first_name|cliente}}! Pode vir buscar.' });
    await w.backend.handlers.setOrderStatus({ id, status: 'ready', notify: true });
    await waitFor(() => w.gateway.sent.length === 1);
    expect(w.gateway.sent[0]?.text).toBe('Pedido #1001: Prontinho, Maria! Pode vir buscar.');
  });

  it('cannot tell the customer once the window closed: nothing changes when asked, the move goes through silently', async () => {
    const w = await world();
    const id = await withOrder(w);
    w.clock.advance(25 * HOUR);
    expect(() => w.backend.handlers.setOrderStatus({ id, status: 'ready-for-pickup', notify: true })).toThrow(
      /window-closed/,
    );
    expect(w.store.data.orders[0]?.status).toBe('new');
    const board = await w.backend.handlers.getOrderBoard({ date: '2026-11-26' });
    expect(board.entries[0]?.windowOpenUntil).toBeNull();
    expect(board.totals.count).toBe(0);
    expect(await w.backend.handlers.setOrderStatus({ id, status: 'ready-for-pickup', notify: false })).toEqual({
      told: false,
    });
    expect(w.store.data.orders[0]?.status).toBe('ready-for-pickup');
    expect(w.gateway.sent).toEqual([]);
  });

  it('exports the catalogue as CSV and imports it back, updating products of the same name', async () => {
    const w = await world();
    const { csv } = await w.backend.handlers.exportCatalogue({});
    expect(csv).toContain('Bolo de cenoura');
    const edited = csv.replace('"45,00"', '"47,50"');
    const imported = await w.backend.handlers.importCatalogue({ csv: `${edited}Brigadeiro,"2,50",Doces,,sim\r\n` });
    expect(imported.errors).toEqual([]);
    expect(imported.products.find((product) => product.id === 'p-cenoura')?.priceCents).toBe(4750);
    expect(imported.products.map((product) => product.name)).toContain('Brigadeiro');
    const bad = await w.backend.handlers.importCatalogue({ csv: 'nome;preço\nBolo;abc\n' });
    expect(bad.errors).toHaveLength(1);
    expect(bad.products).toHaveLength(imported.products.length);
  });
});

describe('stored bookings and orders', () => {
  it('survive closing and opening the store again', async () => {
    const w = await world();
    await mariaWrites(w);
    const start = at('2026-11-26T09:00:00-03:00');
    await w.backend.handlers.createBooking({ chatId: maria, serviceId: 'festa', start, notify: false });
    await w.backend.handlers.updateAgendaSettings({ slotStepMin: 15, reminderBeforeMin: 120 });
    await w.backend.handlers.saveService({ id: 'novo', name: 'Novo', durationMin: 45, priceCents: 100, active: true });
    await w.backend.handlers.updateOrderSettings({ delivery: true, deliveryFeeCents: 500 });
    const [orderFlow] = w.backend.chatFlows.filter((flow) => flow.name === 'order');
    const context = (text: string) => said({ store: w.store, clock: w.clock, dataDir: w.dataDir }, maria, text);
    orderFlow?.start(context('pedido'));
    for (const text of ['1', '1x 1', 'finalizar', '2', 'Rua das Flores, 10', '0', '1'])
      orderFlow?.continue(context(text));
    orderFlow?.start(context('pedido'));
    orderFlow?.continue(context('1'));
    const before = structuredClone({
      services: w.store.data.services,
      agendaSettings: w.store.data.agendaSettings,
      bookings: w.store.data.bookings,
      products: w.store.data.products,
      orderSettings: w.store.data.orderSettings,
      orders: w.store.data.orders,
      orderFlows: w.store.data.orderFlows,
      deliveryAddresses: w.store.data.deliveryAddresses,
    });
    expect(before.orders).toHaveLength(1);
    expect(before.orderFlows[maria]?.step).toBe('products');
    await w.backend.close();
    open.splice(open.indexOf(w), 1);

    const again = await world(w.dataDir, w.clock);
    expect(again.store.data).toMatchObject(before);
    expect((await again.backend.handlers.getProfile({ chatId: maria })).deliveryAddress).toBe('Rua das Flores, 10');
  });
});

/**
 * What the bot engine (issue 14) will do with each customer message: the flow under way (or one
 * that claims the message) answers, else the menu option starts one. A stand-in (its replies go
 * through the outbox as ordinary sends), so the chat side is tested end to end over the backend.
 */
async function customerSays(w: World, phone: string, name: string, text: string, start?: 'booking' | 'order') {
  const sentBefore = w.gateway.sent.length;
  const chatId = `${phone}@c.us`;
  w.gateway.receive({ phone, name, text });
  await waitFor(() => w.store.data.contacts[chatId]?.lastInboundAt === w.clock.now());
  const now = w.clock.now();
  const context = { chatId, text, now, language: 'pt-BR' as const, timeZone: SP, lastInboundAt: now };
  const flow = w.backend.chatFlows.find((candidate) => candidate.name === start);
  const reply = flow
    ? flow.start(context)
    : w.backend.chatFlows.reduce<ChatFlowReply | null>(
        (found, candidate) => found ?? candidate.continue(context),
        null,
      );
  for (const line of reply?.texts ?? []) w.backend.handlers.sendMessage({ chatId, text: line });
  await waitFor(() => w.gateway.sent.length === sentBefore + (reply?.texts.length ?? 0));
  return w.gateway.sent
    .slice(sentBefore)
    .map((sent) => sent.text)
    .join('\n');
}

describe('the chat side over the whole backend (with a stand-in for the bot engine)', () => {
  it('two customers race for the same time: one is booked, the other is offered the next times and books one', async () => {
    const w = await world();
    const ana = ['5531976543210', 'Ana Souza'] as const;
    const bia = ['5551954321098', 'Beatriz Lima'] as const;
    for (const [phone, name] of [ana, bia]) {
      expect(await customerSays(w, phone, name, 'Agendar horário', 'booking')).toContain('Qual serviço');
      await customerSays(w, phone, name, '1');
      expect(await customerSays(w, phone, name, 'amanhã')).toContain('1 09:00');
      expect(await customerSays(w, phone, name, '1')).toContain('1 Confirmar · 2 Cancelar');
    }
    expect(await customerSays(w, ...ana, '1')).toContain('Agendado: *Degustação de bolos*');
    const taken = await customerSays(w, ...bia, '1');
    expect(taken).toContain('Esse horário acabou de ser reservado por outra pessoa');
    expect(taken).toContain('1 qui 26/11 às 10:00');
    await customerSays(w, ...bia, '1');
    expect(await customerSays(w, ...bia, '1')).toContain('Agendado');
    const agenda = await w.backend.handlers.getAgenda({ from: WEDNESDAY_10H, to: WEDNESDAY_10H + 48 * HOUR });
    expect(agenda.entries.map((entry) => [entry.customerName, entry.booking.start])).toEqual([
      ['Ana Souza', at('2026-11-26T09:00:00-03:00')],
      ['Beatriz Lima', at('2026-11-26T10:00:00-03:00')],
    ]);
    expect(w.events).toContain('bookingsChanged');
  });

  it('a customer cancels their booking in the chat, and the agenda shows it cancelled', async () => {
    const w = await world();
    await mariaWrites(w);
    const start = at('2026-11-27T10:00:00-03:00');
    await w.backend.handlers.createBooking({ chatId: maria, serviceId: 'degustacao', start, notify: false });
    expect(await customerSays(w, '5511987654321', 'Maria Silva', 'preciso cancelar')).toContain('Cancelar seu horário');
    expect(await customerSays(w, '5511987654321', 'Maria Silva', '1')).toContain('Cancelado: Degustação de bolos');
    const agenda = await w.backend.handlers.getAgenda({ from: start - HOUR, to: start + HOUR });
    expect(agenda.entries[0]?.booking.status).toBe('cancelled');
  });

  it('a delivery order with the address, the right total and the order on the board', async () => {
    const w = await world();
    await w.backend.handlers.updateOrderSettings({ delivery: true, deliveryFeeCents: 800 });
    const carla = ['5581987650000', 'Carla Dias'] as const;
    expect(await customerSays(w, ...carla, 'Fazer pedido', 'order')).toContain('1 Bolos');
    await customerSays(w, ...carla, '1');
    await customerSays(w, ...carla, '2x 1');
    await customerSays(w, ...carla, 'finalizar');
    await customerSays(w, ...carla, '2');
    await customerSays(w, ...carla, 'Av. Boa Viagem, 500, ap 12');
    expect(await customerSays(w, ...carla, 'sem açúcar')).toContain('*Total: R$ 98,00*');
    const placed = await customerSays(w, ...carla, '1');
    expect(placed).toContain('Pedido recebido!');
    expect(placed).toContain('Av. Boa Viagem, 500, ap 12');
    const board = await w.backend.handlers.getOrderBoard({ date: '2026-11-25' });
    expect(board.entries[0]).toMatchObject({
      customerName: 'Carla Dias',
      order: { id: '1001', totalCents: 9800, fulfilment: 'delivery', note: 'sem açúcar' },
    });
    expect((await w.backend.handlers.getProfile({ chatId: '5581987650000@c.us' })).deliveryAddress).toBe(
      'Av. Boa Viagem, 500, ap 12',
    );
  });
});
