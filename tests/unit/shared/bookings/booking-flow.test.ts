import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/domain';
import {
  bookingFlowStep,
  startBookingFlow,
  type BookingEffect,
  type BookingFlowContext,
  type BookingFlowResult,
} from '../../../../shared/bookings/booking-flow';
import { bookingFlowStateSchema, type BookingFlowState } from '../../../../shared/bookings/booking-flow-state';
import { DEFAULT_AGENDA_SETTINGS, type Booking, type Service } from '../../../../shared/bookings/booking-schemas';
import { freeSlots } from '../../../../shared/bookings/free-slots';
import { addDaysToKey } from '../../../../shared/time/shop-time';

const SP = 'America/Sao_Paulo';
const at = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;

const services: Service[] = [
  { id: 'corte', name: 'Corte', durationMin: 30, priceCents: 5000, active: true },
  { id: 'barba', name: 'Barba', durationMin: 60, priceCents: null, active: true },
  { id: 'tintura', name: 'Tintura', durationMin: 120, priceCents: 15000, active: false },
];

/** Open 9:00–12:00 every day but Sunday, for the next six weeks; 02/12 is a holiday. */
function openIntervals(): Array<{ start: number; end: number }> {
  const intervals = [];
  for (let offset = 0; offset < 42; offset += 1) {
    const day = addDaysToKey('2026-11-25', offset);
    if (new Date(`${day}T12:00:00Z`).getUTCDay() === 0 || day === '2026-12-02') continue;
    intervals.push({ start: at(`${day}T09:00:00-03:00`), end: at(`${day}T12:00:00-03:00`) });
  }
  return intervals;
}

/** A shop: the stored bookings, and each customer's messages handled one after the other. */
class Shop {
  bookings: Booking[] = [];
  now = at('2026-11-25T10:00:00-03:00');
  readonly intervals = openIntervals();

  context(chatId: string, language: Language = 'pt-BR'): BookingFlowContext {
    const next = this.bookings
      .filter((entry) => entry.chatId === chatId && entry.status !== 'cancelled' && entry.start > this.now)
      .sort((a, b) => a.start - b.start)[0];
    return {
      services,
      freeSlotsFor: (service, movingBookingId) =>
        freeSlots({
          service,
          settings: DEFAULT_AGENDA_SETTINGS,
          openIntervals: this.intervals,
          bookings: this.bookings,
          now: this.now,
          timeZone: SP,
          movingBookingId,
        }),
      nextBooking: next ?? null,
      lastInboundAt: this.now,
      now: this.now,
      timeZone: SP,
      language,
    };
  }

  apply(chatId: string, effect: BookingEffect | null): void {
    if (effect?.kind === 'create-booking') {
      this.bookings.push({
        id: `b${this.bookings.length + 1}`,
        chatId,
        serviceId: effect.serviceId,
        start: effect.start,
        end: effect.end,
        status: 'booked',
        createdAt: this.now,
        confirmedAt: null,
        reminderSentAt: null,
      });
    }
    const target =
      effect && effect.kind !== 'create-booking' ? this.bookings.find((b) => b.id === effect.id) : undefined;
    if (!target || !effect) return;
    if (effect.kind === 'cancel-booking') target.status = 'cancelled';
    if (effect.kind === 'confirm-booking') Object.assign(target, { status: 'confirmed', confirmedAt: this.now });
    if (effect.kind === 'move-booking') Object.assign(target, { start: effect.start, end: effect.end });
  }
}

/** One customer talking: every state goes through the stored schema, as it would across a restart. */
class Customer {
  state: BookingFlowState | null = null;
  last: BookingFlowResult | null = null;
  constructor(
    private readonly shop: Shop,
    readonly chatId: string,
    private readonly language: Language = 'pt-BR',
  ) {}

  private take(result: BookingFlowResult | null): string {
    this.last = result;
    if (!result) return '';
    this.state = result.state === null ? null : bookingFlowStateSchema.parse(JSON.parse(JSON.stringify(result.state)));
    this.shop.apply(this.chatId, result.effect);
    return result.messages.join('\n---\n');
  }

  start(): string {
    return this.take(startBookingFlow(this.shop.context(this.chatId, this.language)));
  }

  say(text: string): string {
    return this.take(bookingFlowStep(this.state, text, this.shop.context(this.chatId, this.language)));
  }
}

describe('the booking chat', () => {
  it('books a service on a typed day, and asks for a reply on the day before when beyond the window', () => {
    const shop = new Shop();
    const ana = new Customer(shop, '5511911111111@c.us');
    expect(ana.start()).toBe(
      'Qual serviço você quer agendar? Responda com o número:\n1 Corte — 30 min · R$ 50,00\n2 Barba — 1 h',
    );
    const days = ana.say('1');
    expect(days).toMatch(/^Corte: escolha o dia/);
    // Nothing left today after two hours' notice; Sundays and the 02/12 holiday are absent.
    expect(days).toContain('\n1 qui 26/11\n2 sex 27/11\n3 sáb 28/11\n4 seg 30/11\n5 ter 01/12\n6 qui 03/12\n');
    expect(days).not.toContain('qua 02/12');
    expect(days.endsWith('\n0 ver mais')).toBe(true);
    expect(ana.say('sexta')).toBe(
      ['Horários livres em sex 27/11:', '1 09:00', '2 09:30', '3 10:00', '4 10:30', '5 11:00', '6 11:30'].join('\n'),
    );
    expect(ana.say('3')).toBe('*Corte*\nsex 27/11 às 10:00 (30 min)\nR$ 50,00\n\n1 Confirmar · 2 Cancelar');
    expect(ana.say('1')).toBe(
      [
        'Agendado: *Corte*, sex 27/11 às 10:00.',
        'Responda *1* na véspera para confirmar.',
        'Para cancelar ou remarcar, escreva *cancelar* ou *remarcar*.',
      ].join('\n'),
    );
    expect(ana.state).toBeNull();
    expect(shop.bookings).toMatchObject([
      { serviceId: 'corte', start: at('2026-11-27T10:00:00-03:00'), end: at('2026-11-27T10:30:00-03:00') },
    ]);
  });

  it('leaves out the day-before request when the appointment is inside the window', () => {
    const shop = new Shop();
    const ana = new Customer(shop, '5511911111111@c.us');
    ana.start();
    ana.say('corte');
    ana.say('amanhã');
    ana.say('1');
    expect(ana.say('sim')).toBe(
      'Agendado: *Corte*, qui 26/11 às 09:00.\nPara cancelar ou remarcar, escreva *cancelar* ou *remarcar*.',
    );
  });

  it('pages through the days with 0', () => {
    const shop = new Shop();
    const ana = new Customer(shop, '5511911111111@c.us');
    ana.start();
    ana.say('1');
    const next = ana.say('0');
    expect(next).toMatch(/\n1 ter 08\/12\n/);
    expect(ana.state).toMatchObject({ step: 'day', page: 1 });
  });

  it('gives the last slot to one of two customers and offers the other the next free times', () => {
    const shop = new Shop();
    const ana = new Customer(shop, '5511911111111@c.us');
    const bruno = new Customer(shop, '5511922222222@c.us');
    for (const customer of [ana, bruno]) {
      customer.start();
      customer.say('2');
      customer.say('27/11');
      customer.say('1');
    }
    expect(ana.say('1')).toMatch(/^Agendado: \*Barba\*, sex 27\/11 às 09:00/);
    const offer = bruno.say('1');
    expect(offer).toBe(
      [
        'Esse horário acabou de ser reservado por outra pessoa. Os próximos horários livres são:',
        '1 sex 27/11 às 10:00',
        '2 sex 27/11 às 10:30',
        '3 sex 27/11 às 11:00',
        '4 sáb 28/11 às 09:00',
        '5 sáb 28/11 às 09:30',
        '6 sáb 28/11 às 10:00',
        '7 sáb 28/11 às 10:30',
        '8 sáb 28/11 às 11:00',
        '9 seg 30/11 às 09:00',
        '0 ver mais',
      ].join('\n'),
    );
    expect(bruno.last?.effect).toBeNull();
    bruno.say('1');
    expect(bruno.say('1')).toMatch(/^Agendado: \*Barba\*, sex 27\/11 às 10:00/);
    expect(shop.bookings.map((entry) => entry.chatId)).toEqual([ana.chatId, bruno.chatId]);
  });

  it('catches a slot taken between the list and the pick', () => {
    const shop = new Shop();
    const ana = new Customer(shop, '5511911111111@c.us');
    const bruno = new Customer(shop, '5511922222222@c.us');
    bruno.start();
    bruno.say('1');
    bruno.say('sexta');
    ana.start();
    ana.say('1');
    ana.say('sexta');
    ana.say('1');
    ana.say('1');
    expect(bruno.say('1')).toMatch(/^Esse horário acabou de ser reservado.*\n1 sex 27\/11 às 09:30\n/);
  });

  it('cancels the customer’s own next booking after asking', () => {
    const shop = new Shop();
    const ana = new Customer(shop, '5511911111111@c.us');
    ana.start();
    ana.say('1');
    ana.say('sexta');
    ana.say('1');
    ana.say('1');
    expect(ana.say('quero cancelar meu horário')).toBe(
      'Cancelar seu horário de *Corte*, sex 27/11 às 09:00?\n1 Sim, cancelar · 2 Não, manter',
    );
    expect(ana.say('2')).toBe('Seu horário continua marcado: Corte, sex 27/11 às 09:00.');
    expect(shop.bookings[0]?.status).toBe('booked');
    ana.say('cancelar');
    expect(ana.say('cancelar')).toBe('Cancelado: Corte, sex 27/11 às 09:00.');
    expect(ana.last?.effect).toEqual({ kind: 'cancel-booking', id: 'b1' });
    expect(shop.bookings[0]?.status).toBe('cancelled');
    // With nothing left to cancel, the message is someone else's business.
    expect(bookingFlowStep(null, 'cancelar', shop.context(ana.chatId))).toBeNull();
  });

  it('moves the customer’s own booking', () => {
    const shop = new Shop();
    const ana = new Customer(shop, '5511911111111@c.us');
    ana.start();
    ana.say('2');
    ana.say('sexta');
    ana.say('1');
    ana.say('1');
    expect(ana.say('remarcar')).toMatch(/^Barba: escolha o dia/);
    ana.say('sexta');
    // Her own 9:00 does not block 9:30, which overlaps it.
    expect(ana.say('2')).toMatch(/^\*Barba\*\nsex 27\/11 às 09:30 \(1 h\)\n\n1 Confirmar/);
    expect(ana.say('1')).toMatch(/^Horário remarcado: \*Barba\*, sex 27\/11 às 09:30\./);
    expect(ana.last?.effect).toEqual({
      kind: 'move-booking',
      id: 'b1',
      start: at('2026-11-27T09:30:00-03:00'),
      end: at('2026-11-27T10:30:00-03:00'),
    });
  });

  it('takes the customer’s "1" on the day before as the confirmation', () => {
    const shop = new Shop();
    const ana = new Customer(shop, '5511911111111@c.us');
    ana.start();
    ana.say('1');
    ana.say('sexta');
    ana.say('1');
    ana.say('1');
    // Two days before, "1" is the menu's business.
    shop.now = at('2026-11-25T18:00:00-03:00');
    expect(bookingFlowStep(null, '1', shop.context(ana.chatId))).toBeNull();
    shop.now = at('2026-11-26T18:00:00-03:00');
    expect(ana.say('1')).toBe('Confirmado! Esperamos você: *Corte*, sex 27/11 às 09:00.');
    expect(shop.bookings[0]).toMatchObject({ status: 'confirmed', confirmedAt: shop.now });
  });

  it('asks again on a message it does not understand, and leaves on "sair"', () => {
    const shop = new Shop();
    const ana = new Customer(shop, '5511911111111@c.us');
    ana.start();
    expect(ana.say('quanto custa?')).toBe(
      'Não entendi. Responda com o número de uma das opções:\n1 Corte — 30 min · R$ 50,00\n2 Barba — 1 h',
    );
    expect(ana.say('7')).toMatch(/^Não entendi/);
    expect(ana.say('sair')).toBe('Tudo bem, saí do agendamento.');
    expect(ana.last).toMatchObject({ state: null, backToMenu: true });
  });

  it('times out back to the menu after 15 minutes of silence', () => {
    const shop = new Shop();
    const ana = new Customer(shop, '5511911111111@c.us');
    ana.start();
    shop.now += 14 * MINUTE;
    expect(ana.say('1')).toMatch(/^Corte: escolha o dia/);
    shop.now += 15 * MINUTE;
    expect(ana.say('1')).toMatch(/^Como a conversa ficou parada/);
    expect(ana.last).toMatchObject({ state: null, effect: null, backToMenu: true });
  });

  it('speaks English when the shop does', () => {
    const shop = new Shop();
    const ana = new Customer(shop, '5511911111111@c.us', 'en');
    expect(ana.start()).toBe(
      'Which service would you like to book? Reply with its number:\n1 Corte — 30 min · R$ 50,00\n2 Barba — 1 h',
    );
    ana.say('1');
    expect(ana.say('friday')).toMatch(/^Free times on Fri Nov 27:\n1 9:00 AM\n/);
    expect(ana.say('1')).toBe('*Corte*\nFri Nov 27 at 9:00 AM (30 min)\nR$ 50,00\n\n1 Confirm · 2 Cancel');
    expect(ana.say('yes')).toMatch(/^Booked: \*Corte\*, Fri Nov 27 at 9:00 AM\.\nReply \*1\* on the day before/);
  });
});
