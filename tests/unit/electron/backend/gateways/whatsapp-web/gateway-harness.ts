/** A gateway on fake Clients, with everything it emits recorded. */
import { afterEach, beforeEach, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConnectionStatus, DeliveryStatus } from '../../../../../../shared/domain';
import { createManualClock } from '../../manual-clock';
import type { GatewayMessage } from '../../../../../../electron/backend/gateways/gateway';
import {
  createWhatsAppWebGateway,
  type WhatsAppWebGatewayOptions,
} from '../../../../../../electron/backend/gateways/whatsapp-web/whatsapp-web-gateway';
import { FakeClient, FakeWhatsApp } from './fake-client';

export const T0 = 1_760_000_000_000;

export function gatewayHarness(overrides: Partial<WhatsAppWebGatewayOptions> = {}) {
  const world = new FakeWhatsApp();
  const clock = createManualClock(T0);
  const clients: FakeClient[] = [];
  const statuses: ConnectionStatus[] = [];
  const messages: GatewayMessage[] = [];
  const acks: { waId: string; chatId: string; status: DeliveryStatus }[] = [];
  const synced: number[] = [];
  /** For each Client created: were all earlier ones destroyed by then? */
  const createdAfterDestroy: boolean[] = [];
  const settings = { lastSyncAt: null as number | null };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'janela-wa-'));
  const gateway = createWhatsAppWebGateway({
    dataDir,
    clock,
    browserPath: () => null,
    detectBrowser: () => '/usr/bin/chromium',
    lastSyncAt: () => settings.lastSyncAt,
    createClient: () => {
      createdAfterDestroy.push(clients.every((earlier) => earlier.destroyed));
      const client = new FakeClient(world, clients.length);
      client.nowSeconds = () => clock.now() / 1000;
      clients.push(client);
      return client;
    },
    retry: { baseMs: 1_000, maxMs: 8_000 },
    watchdogMs: 5_000,
    watchdogTimeoutMs: 2_000,
    transientGraceMs: 20_000,
    newQrDelayMs: 100,
    ...overrides,
  });
  gateway.on('status', (status) => statuses.push(status));
  gateway.on('message', (message) => messages.push(message));
  gateway.on('ack', (ack) => acks.push(ack));
  gateway.on('synced', ({ at }) => {
    synced.push(at);
    settings.lastSyncAt = at;
  });
  const client = (index = clients.length - 1): FakeClient => {
    const found = clients[index];
    if (!found) throw new Error(`no client #${index} (created: ${clients.length})`);
    return found;
  };
  const states = () => statuses.map((status) => status.state);
  return {
    gateway,
    world,
    clock,
    clients,
    createdAfterDestroy,
    client,
    statuses,
    states,
    messages,
    acks,
    synced,
    settings,
    dataDir,
  };
}

/**
 * Fake timers for each test and a clean stop after it (the gateway's timers must all run out).
 * `current` returns the harness the test used.
 */
export function useFakeGatewayTimers(current: () => ReturnType<typeof gatewayHarness>): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });
  afterEach(async () => {
    const stopping = current().gateway.stop();
    await vi.runAllTimersAsync();
    await stopping;
    vi.useRealTimers();
  });
}
