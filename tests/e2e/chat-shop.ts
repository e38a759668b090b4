/**
 * A bakery that takes tasting appointments and cake orders in the chat, for the chat-side e2e:
 * a browser host in pt-BR whose data survives a restart, set up through the app's own commands,
 * with its clock moved to a known local time (a Monday 09:10 in São Paulo) so every day, slot and
 * window in the tests is the same whatever day they run. Customers write through /test/inbound and
 * their replies are read from /test/sent.
 */
import { test, type Page } from '@playwright/test';
import { demoAutomationSettings } from '../../electron/backend/automations/demo-automations';
import type { JanelaApi } from '../../shared/bridge';
import { addDaysToKey, type DayKey, dayKeyOf } from '../../shared/time/shop-time';
import { formatShopDay } from '../../shared/time/shop-time-text';
import { closeBeforeHostStops, expect, HOUR } from './fixtures';
import { JanelaHost } from './janela-host';

export const SP = 'America/Sao_Paulo';
export const MINUTE = 60_000;
/** São Paulo has kept UTC−3 all year since 2019. */
const SP_OFFSET_MS = 3 * HOUR;

/** The menu as the demo bakery's automations number it. */
export const MENU = { booking: '5', order: '6' } as const;

type Window = { janela: JanelaApi };

const services = [
  { id: 'degustacao', name: 'Degustação de bolos', durationMin: 60, priceCents: 3000, active: true },
  { id: 'festa', name: 'Conversa sobre bolo de festa', durationMin: 30, priceCents: null, active: true },
];

/** Listed in the chat in this order, by category: Bolos 1–4, Salgados 1–3, Doces 1. */
const products = [
  { id: 'bolo-cenoura', name: 'Bolo de cenoura', priceCents: 4500, category: 'Bolos', available: true },
  { id: 'bolo-chocolate', name: 'Bolo de chocolate', priceCents: 5200, category: 'Bolos', available: true },
  { id: 'torta-limao', name: 'Torta de limão', priceCents: 6500, category: 'Bolos', available: true },
  { id: 'bolo-casamento', name: 'Bolo de casamento', priceCents: 89000, category: 'Bolos', available: true },
  { id: 'coxinha', name: 'Coxinha', priceCents: 750, category: 'Salgados', available: true },
  { id: 'empada', name: 'Empada de frango', priceCents: 800, category: 'Salgados', available: true },
  { id: 'pao-de-queijo', name: 'Pão de queijo', priceCents: 250, category: 'Salgados', available: true },
  { id: 'brigadeiro', name: 'Brigadeiro', priceCents: 300, category: 'Doces', available: true },
];

export const SHOP_ADDRESS = 'Rua das Laranjeiras, 245 – Centro, São Paulo';

export class ChatShop {
  /** How far the host's clock was moved; a restarted host starts from the real time again. */
  private offsetMs = 0;
  /** The local date the tests start on. */
  private monday: DayKey = '1970-01-05';

  private constructor(
    readonly host: JanelaHost,
    readonly page: Page,
  ) {}

  /** A new shop, set up and at Monday 09:10 local time, with the app open in `page`. */
  static async open(page: Page): Promise<ChatShop> {
    const host = await new JanelaHost({ lang: 'pt-BR', env: { TZ: SP } }).start();
    const shop = new ChatShop(host, page);
    await page.goto(host.url);
    await shop.setUp();
    const now = await shop.now();
    const local = new Date(now - SP_OFFSET_MS);
    const daysToMonday = (8 - local.getUTCDay()) % 7 || 7;
    const monday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + daysToMonday, 9, 10);
    await shop.advance(monday + SP_OFFSET_MS - now);
    shop.monday = dayKeyOf(monday + SP_OFFSET_MS, SP);
    return shop;
  }

  private async setUp(): Promise<void> {
    const page = this.page;
    await page.evaluate(
      async ({ automations, services, products, address }) => {
        const { janela } = globalThis as unknown as Window;
        await janela.updateSettings({
          sendIntervalMs: 0,
          timeZone: 'America/Sao_Paulo',
          shop: { name: 'Padaria Pão Dourado', address, hours: 'seg. a sex. 9h–18h, sáb. 9h–13h' },
        });
        await janela.updateAutomationSettings(automations);
        for (const service of services) await janela.saveService(service);
        for (const product of products) await janela.saveProduct(product);
        await janela.updateOrderSettings({
          delivery: true,
          pickup: true,
          deliveryFeeCents: 800,
          minimumOrderCents: 2000,
        });
      },
      { automations: demoAutomationSettings('pt-BR'), services, products, address: SHOP_ADDRESS },
    );
  }

  async now(): Promise<number> {
    return ((await this.host.advanceClock(0)) as { now: number }).now;
  }

  async advance(ms: number): Promise<void> {
    await this.host.advanceClock(ms);
    this.offsetMs += ms;
  }

  /** The shop's local date `days` after the Monday the tests start on. */
  dayAfterMonday(days: number): DayKey {
    return addDaysToKey(this.monday, days);
  }

  /** Restarts the host on the same data, puts its clock back where it was and reloads the app. */
  async restart(): Promise<void> {
    await this.host.restart();
    await this.host.advanceClock(this.offsetMs);
    await this.page.goto(this.host.url);
  }

  customer(name: string, phone: string): Customer {
    return new Customer(this, name, phone);
  }

  async sentTo(phone: string): Promise<string[]> {
    return (await this.host.sent()).filter((sent) => sent.phone === phone).map((sent) => sent.text);
  }

  async updateAgendaSettings(patch: Parameters<JanelaApi['updateAgendaSettings']>[0]): Promise<void> {
    await this.page.evaluate((value) => (globalThis as unknown as Window).janela.updateAgendaSettings(value), patch);
  }

  async stop(): Promise<void> {
    await closeBeforeHostStops(this.page.context(), test.info());
    await this.host.stop();
  }
}

export class Customer {
  constructor(
    private readonly shop: ChatShop,
    readonly name: string,
    readonly phone: string,
  ) {}

  /** Writes and waits for the bot's `replies` answers; returns them. */
  async says(text: string, replies = 1): Promise<string[]> {
    const before = (await this.shop.sentTo(this.phone)).length;
    await this.shop.host.inbound({ phone: this.phone, name: this.name, text });
    await expect
      .poll(async () => (await this.shop.sentTo(this.phone)).length, { message: `the bot's answer to "${text}"` })
      .toBeGreaterThanOrEqual(before + replies);
    return (await this.shop.sentTo(this.phone)).slice(before);
  }

  /** Writes and returns the bot's one answer. */
  async answer(text: string): Promise<string> {
    const [reply, ...more] = await this.says(text);
    expect(more, `one answer to "${text}"`).toEqual([]);
    return reply ?? '';
  }

  /** Writes and checks that the bot stays quiet. */
  async saysUnanswered(text: string): Promise<void> {
    const before = (await this.shop.sentTo(this.phone)).length;
    await this.shop.host.inbound({ phone: this.phone, name: this.name, text });
    // Quiet is the absence of an event: give the bot the time it takes to answer a step.
    await this.shop.page.waitForTimeout(700);
    expect(await this.shop.sentTo(this.phone)).toHaveLength(before);
  }

  /** The last message the bot sent this customer. */
  async lastReply(): Promise<string> {
    return (await this.shop.sentTo(this.phone)).at(-1) ?? '';
  }
}

/** "ter 01/12", as the chat and the agenda name a day. */
export function dayLabel(date: DayKey): string {
  return formatShopDay(date, 'pt-BR');
}

/** Opens the Agenda on the day `days` after the Monday the tests start on (day view). */
export async function showAgendaDay(page: Page, days: number): Promise<void> {
  await page.getByRole('button', { name: 'Agenda', exact: true }).click();
  await page.getByRole('button', { name: 'Dia', exact: true }).click();
  await page.getByRole('button', { name: 'Hoje', exact: true }).click();
  for (let day = 0; day < days; day += 1) await page.getByRole('button', { name: 'Próximo', exact: true }).click();
}
