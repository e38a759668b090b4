import { describe, expect, it } from 'vitest';
import { demoBookingsAndOrders, demoHistory } from '../../../../../electron/backend/gateways/simulated/demo-customers';
import { storeDataSchema } from '../../../../../electron/backend/store/store-types';
import { canBook } from '../../../../../shared/bookings/claim-slot';
import { holdsTime } from '../../../../../shared/bookings/booking-schemas';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import { emptyStoreData } from '../../../../../electron/backend/store/store-types';

const now = Date.parse('2026-11-26T11:21:00-03:00');
const zone = 'America/Sao_Paulo';

describe('the demo bakery’s bookings and orders', () => {
  const sample = demoBookingsAndOrders(now, zone);

  it('reads as stored data', () => {
    const data = { ...emptyStoreData(defaultSettings(zone)), ...sample };
    expect(storeDataSchema.safeParse(data).success).toBe(true);
  });

  it('belongs to the demo’s customers, with bookings that never double-book a chair', () => {
    const chats = new Set(demoHistory(now).map((message) => message.chatId));
    for (const item of [...sample.bookings, ...sample.orders]) expect(chats.has(item.chatId)).toBe(true);
    const held = sample.bookings.filter(holdsTime);
    for (const booking of held) {
      const others = held.filter((other) => other.id !== booking.id);
      expect(canBook(others, booking, sample.agendaSettings)).toBe(true);
    }
  });

  it('has orders at every step of the way, each one adding up', () => {
    const statuses = new Set(sample.orders.map((order) => order.status));
    for (const status of ['new', 'accepted', 'ready-for-pickup', 'out-for-delivery', 'done'])
      expect(statuses.has(status as never)).toBe(true);
    for (const order of sample.orders) {
      const items = order.items.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
      expect(order.subtotalCents).toBe(items);
      expect(order.totalCents).toBe(items + order.deliveryFeeCents);
    }
    expect(sample.orders.find((order) => order.id === '1042')?.chatId).toBe('5571932109876@c.us');
  });
});
