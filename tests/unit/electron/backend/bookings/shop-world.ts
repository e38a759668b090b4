/** A bakery's store for the booking and order tests: a temp folder, a manual clock, two customers. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatFlowContext } from '../../../../../electron/backend/automations/chat-flow';
import type { AdjustableClock } from '../../../../../electron/backend/clock';
import { createManualClock } from '../manual-clock';
import { openStore } from '../../../../../electron/backend/store/open-store';
import {
  emptyStoreData,
  type JanelaStore,
  type StoredContact,
} from '../../../../../electron/backend/store/store-types';
import type { Service } from '../../../../../shared/bookings/booking-schemas';
import type { Product } from '../../../../../shared/orders/order-schemas';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import type { Language } from '../../../../../shared/domain';

export const SP = 'America/Sao_Paulo';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** Wednesday 25 November 2026, 10:00 in São Paulo. */
export const WEDNESDAY_10H = Date.parse('2026-11-25T10:00:00-03:00');
export const maria = '5511987654321@c.us';
export const joao = '5521998765432@c.us';

export const services: Service[] = [
  { id: 'degustacao', name: 'Degustação de bolos', durationMin: 60, priceCents: 3000, active: true },
  { id: 'festa', name: 'Conversa sobre bolo de festa', durationMin: 30, priceCents: null, active: true },
];

export const products: Product[] = [
  { id: 'p-cenoura', name: 'Bolo de cenoura', priceCents: 4500, category: 'Bolos', available: true },
  { id: 'p-limao', name: 'Torta de limão', priceCents: 6500, category: 'Bolos', available: true },
  { id: 'p-coxinha', name: 'Coxinha', priceCents: 750, category: 'Salgados', available: true },
  { id: 'p-pao', name: 'Pão de queijo', priceCents: 250, category: 'Salgados', available: false },
];

export function contactRow(chatId: string, name: string, lastInboundAt: number | null): StoredContact {
  return {
    chatId,
    phone: chatId.split('@')[0] ?? '',
    waName: name,
    nameOverride: null,
    firstNameOverride: null,
    lastInboundAt,
    lastOutboundAt: null,
    lastMessage: null,
    unreadCount: 0,
    customFields: {},
    labels: [],
    notes: '',
  };
}

export interface ShopWorld {
  store: JanelaStore;
  clock: AdjustableClock;
  dataDir: string;
}

export async function openShop(
  dataDir = mkdtempSync(join(tmpdir(), 'janela-shop-')),
  clock = createManualClock(WEDNESDAY_10H),
): Promise<ShopWorld> {
  const store = await openStore({
    dataDir,
    clock,
    flushDelayMs: 5,
    defaults: () => {
      const data = emptyStoreData({ ...defaultSettings(SP, 'pt-BR'), sendIntervalMs: 0 });
      return { ...data, services, products };
    },
  });
  return { store, clock, dataDir };
}

/** What the bot engine hands a flow for a customer's message. */
export function said(world: ShopWorld, chatId: string, text: string, language: Language = 'pt-BR'): ChatFlowContext {
  const now = world.clock.now();
  return { chatId, text, now, language, timeZone: SP, lastInboundAt: now };
}
