import { afterEach, describe, expect, it } from 'vitest';
import { createBookingChatFlow } from '../../../../../electron/backend/bookings/booking-chat-flow';
import { claimBooking } from '../../../../../electron/backend/bookings/agenda';
import { dropStaleFlows } from '../../../../../electron/backend/bookings/stale-flows';
import { createOrderChatFlow } from '../../../../../electron/backend/orders/order-chat-flow';
import { defaultOpeningHoursFor } from './opening-hours-fixture';
import { HOUR, joao, maria, openShop, said, type ShopWorld } from './shop-world';

const worlds: ShopWorld[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.store.close();
});

async function shop(dataDir?: string): Promise<ShopWorld> {
  const world = await openShop(dataDir);
  worlds.push(world);
  return world;
}

function flowOf(world: ShopWorld) {
  return createBookingChatFlow({ store: world.store, openingHours: defaultOpeningHoursFor(world.store) });
}

describe('the booking chat over the store', () => {
  it('books a tasting: service, day, time, summary, confirm — and the booking is in the store', async () => {
    const world = await shop();
    const flow = flowOf(world);
    const first = flow.start(said(world, maria, 'Agendar horário'));
    expect(first.texts[0]).toContain('Qual serviço');
    expect(first.texts[0]).toContain('1 Degustação de bolos');
    expect(world.store.data.bookingFlows[maria]?.step).toBe('service');

    const day = flow.continue(said(world, maria, '1'));
    expect(day?.texts[0]).toContain('escolha o dia');
    const slots = flow.continue(said(world, maria, 'amanhã'));
    expect(slots?.texts[0]).toContain('Horários livres em');
    expect(slots?.texts[0]).toContain('1 09:00');
    const summary = flow.continue(said(world, maria, '1'));
    expect(summary?.texts[0]).toContain('*Degustação de bolos*');
    expect(summary?.texts[0]).toContain('1 Confirmar · 2 Cancelar');
    const done = flow.continue(said(world, maria, '1'));
    expect(done?.texts[0]).toContain('Agendado: *Degustação de bolos*');
    expect(done?.backToMenu).toBe(false);

    expect(world.store.data.bookings).toHaveLength(1);
    expect(world.store.data.bookings[0]).toMatchObject({
      chatId: maria,
      serviceId: 'degustacao',
      start: Date.parse('2026-11-26T09:00:00-03:00'),
      end: Date.parse('2026-11-26T10:00:00-03:00'),
      status: 'booked',
    });
    expect(world.store.data.bookingFlows[maria]).toBeUndefined();
  });

  it('offers today’s times on the slot grid, not from the current minute', async () => {
    const world = await shop();
    const flow = flowOf(world);
    world.clock.advance(4 * HOUR + 17 * 60_000); // 14:17: with 2 h notice, 16:17 is the earliest start
    flow.start(said(world, maria, 'Agendar'));
    flow.continue(said(world, maria, '2')); // the 30-minute talk about a party cake
    const slots = flow.continue(said(world, maria, 'hoje'));
    expect(slots?.texts[0]).toContain('1 16:30\n2 17:00\n3 17:30');
    expect(slots?.texts[0]).not.toContain(':17');
  });

  it('gives the last slot to exactly one of two customers confirming it, and offers the other the next times', async () => {
    const world = await shop();
    const flow = flowOf(world);
    for (const chatId of [maria, joao]) {
      flow.start(said(world, chatId, 'Agendar'));
      flow.continue(said(world, chatId, '1'));
      flow.continue(said(world, chatId, 'amanhã'));
      const summary = flow.continue(said(world, chatId, '1'));
      expect(summary?.texts[0]).toContain('1 Confirmar');
    }
    const mariaDone = flow.continue(said(world, maria, '1'));
    const joaoDone = flow.continue(said(world, joao, '1'));
    expect(mariaDone?.texts[0]).toContain('Agendado');
    expect(joaoDone?.texts[0]).toContain('acabou de ser reservado por outra pessoa');
    expect(joaoDone?.texts[0]).toContain('1 ');
    expect(world.store.data.bookings.map((booking) => booking.chatId)).toEqual([maria]);
    // João is back at the slot list: the next time the hour-long tasting fits, 10:00.
    const joaoState = world.store.data.bookingFlows[joao];
    expect(joaoState?.step).toBe('slot');
    expect(joaoState?.step === 'slot' && joaoState.choices[0]).toBe(Date.parse('2026-11-26T10:00:00-03:00'));
    const joaoBooks = flow.continue(said(world, joao, '2'));
    expect(joaoBooks?.texts[0]).toContain('1 Confirmar');
    expect(flow.continue(said(world, joao, '1'))?.texts[0]).toContain('Agendado');
    expect(world.store.data.bookings).toHaveLength(2);
  });

  it('checks the time again at the write: a slot taken between the flow’s check and the write goes to nobody twice', async () => {
    const world = await shop();
    const start = Date.parse('2026-11-26T09:00:00-03:00');
    const request = { serviceId: 'degustacao', start, end: start + HOUR, now: world.clock.now() };
    expect(claimBooking(world.store, { ...request, chatId: maria }).ok).toBe(true);
    expect(claimBooking(world.store, { ...request, chatId: joao })).toEqual({ ok: false, reason: 'taken' });
    // Partly overlapping: 9:30–10:30 against 9:00–10:00, capacity 1.
    const overlap = { ...request, start: start + HOUR / 2, end: start + (3 * HOUR) / 2, chatId: joao };
    expect(claimBooking(world.store, overlap).ok).toBe(false);
    expect(world.store.data.bookings).toHaveLength(1);
  });

  it('continues where the customer was after a restart', async () => {
    const first = await shop();
    flowOf(first).start(said(first, maria, 'Agendar'));
    flowOf(first).continue(said(first, maria, '1'));
    await first.store.close();
    worlds.splice(worlds.indexOf(first), 1);

    const again = await shop(first.dataDir);
    expect(again.store.data.bookingFlows[maria]?.step).toBe('day');
    const slots = flowOf(again).continue(said(again, maria, '1'));
    expect(slots?.texts[0]).toContain('Horários livres em');
  });

  it('lets a customer cancel their own next booking with "cancelar"', async () => {
    const world = await shop();
    const flow = flowOf(world);
    const start = Date.parse('2026-11-27T14:00:00-03:00');
    claimBooking(world.store, {
      chatId: maria,
      serviceId: 'degustacao',
      start,
      end: start + HOUR,
      now: world.clock.now(),
    });
    expect(flow.continue(said(world, joao, 'cancelar'))).toBeNull();
    const ask = flow.continue(said(world, maria, 'quero cancelar'));
    expect(ask?.texts[0]).toContain('Cancelar seu horário de *Degustação de bolos*');
    const done = flow.continue(said(world, maria, '1'));
    expect(done?.texts[0]).toContain('Cancelado');
    expect(world.store.data.bookings[0]?.status).toBe('cancelled');
  });

  it('leaves "cancelar" to an order under way in the same chat', async () => {
    const world = await shop();
    const start = Date.parse('2026-11-27T14:00:00-03:00');
    claimBooking(world.store, {
      chatId: maria,
      serviceId: 'degustacao',
      start,
      end: start + HOUR,
      now: world.clock.now(),
    });
    createOrderChatFlow({ store: world.store }).start(said(world, maria, 'pedido'));
    expect(flowOf(world).continue(said(world, maria, 'cancelar'))).toBeNull();
    expect(world.store.data.bookings[0]?.status).toBe('booked');
  });

  it('moves a booking with "remarcar", freeing the old time', async () => {
    const world = await shop();
    const flow = flowOf(world);
    const start = Date.parse('2026-11-26T09:00:00-03:00');
    claimBooking(world.store, {
      chatId: maria,
      serviceId: 'degustacao',
      start,
      end: start + HOUR,
      now: world.clock.now(),
    });
    expect(flow.continue(said(world, maria, 'remarcar'))?.texts[0]).toContain('escolha o dia');
    flow.continue(said(world, maria, 'sexta'));
    flow.continue(said(world, maria, '1'));
    expect(flow.continue(said(world, maria, '1'))?.texts[0]).toContain('Horário remarcado');
    expect(world.store.data.bookings).toHaveLength(1);
    expect(world.store.data.bookings[0]?.start).toBe(Date.parse('2026-11-27T09:00:00-03:00'));
  });

  it('asks for a "1" on the day before when the appointment is beyond the window, and takes it then', async () => {
    const world = await shop();
    const flow = flowOf(world);
    flow.start(said(world, maria, 'Agendar'));
    flow.continue(said(world, maria, '1'));
    flow.continue(said(world, maria, '30/11'));
    flow.continue(said(world, maria, '1'));
    const done = flow.continue(said(world, maria, '1'));
    expect(done?.texts[0]).toContain('Responda *1* na véspera para confirmar.');
    // Nothing to confirm yet days before.
    expect(flow.continue(said(world, maria, '1'))).toBeNull();
    world.clock.advance(4 * 24 * HOUR); // Sunday 29/11, 10:00: the day before.
    world.store.update((data) => void (data.settings.shop.address = 'Rua das Flores, 10 — Centro'));
    const confirmed = flow.continue(said(world, maria, '1'));
    expect(confirmed?.texts[0]).toContain('Confirmado!');
    expect(confirmed?.texts[1]).toBe('Endereço: Rua das Flores, 10 — Centro');
    expect(world.store.data.bookings[0]).toMatchObject({ status: 'confirmed', confirmedAt: world.clock.now() });
  });

  it('times out back to the menu after the customer went quiet', async () => {
    const world = await shop();
    const flow = flowOf(world);
    flow.start(said(world, maria, 'Agendar'));
    world.clock.advance(HOUR);
    const reply = flow.continue(said(world, maria, '1'));
    expect(reply?.backToMenu).toBe(true);
    expect(world.store.data.bookingFlows[maria]).toBeUndefined();
  });

  it('drops flows left for a day, keeping recent ones', async () => {
    const world = await shop();
    flowOf(world).start(said(world, maria, 'Agendar'));
    world.clock.advance(20 * HOUR);
    flowOf(world).start(said(world, joao, 'Agendar'));
    world.clock.advance(5 * HOUR);
    expect(dropStaleFlows(world.store, world.clock.now())).toBe(1);
    expect(Object.keys(world.store.data.bookingFlows)).toEqual([joao]);
    expect(dropStaleFlows(world.store, world.clock.now())).toBe(0);
  });
});
