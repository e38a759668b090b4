/**
 * One window rule, whatever the gateway: the same customer text, call and reaction move
 * `lastInboundAt` the same way through the simulated WhatsApp and through whatsapp-web.js.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../../../electron/backend/backend';
import { renewsWindow } from '../../../../../electron/backend/chats/inbound-rule';
import type { Clock } from '../../../../../electron/backend/clock';
import { createManualClock } from '../manual-clock';
import { EventHub } from '../../../../../electron/backend/event-hub';
import type { WhatsAppGateway } from '../../../../../electron/backend/gateways/gateway';
import { SimulatedGateway } from '../../../../../electron/backend/gateways/simulated/simulated-gateway';
import { createNoticeBoard } from '../../../../../electron/backend/notices/notice-board';
import { openStore } from '../../../../../electron/backend/store/open-store';
import { emptyStoreData, type JanelaStore } from '../../../../../electron/backend/store/store-types';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import { gatewayHarness, T0 } from '../gateways/whatsapp-web/gateway-harness';
import { rawCall, rawMessage, rawReaction, structures } from '../gateways/whatsapp-web/wa-structures';
import { tempMediaStore } from '../media/temp-media-store';

const HOUR = 3_600_000;
const PHONE = '5511987654321';
const MARIA = `${PHONE}@c.us`;

describe('renewsWindow', () => {
  it('customer text, media and calls renew; reactions only when the setting says so; the shop never', () => {
    for (const reactionsRenewWindow of [false, true]) {
      const settings = { reactionsRenewWindow };
      expect(renewsWindow({ direction: 'in', kind: 'text' }, settings)).toBe(true);
      expect(renewsWindow({ direction: 'in', kind: 'media' }, settings)).toBe(true);
      expect(renewsWindow({ direction: 'in', kind: 'call' }, settings)).toBe(true);
      expect(renewsWindow({ direction: 'in', kind: 'reaction' }, settings)).toBe(reactionsRenewWindow);
      for (const kind of ['text', 'media', 'call', 'reaction'] as const)
        expect(renewsWindow({ direction: 'out', kind }, settings)).toBe(false);
    }
  });
});

/** A customer, as each gateway sees her: `at` in epoch milliseconds. */
interface Customer {
  writes(at: number): Promise<void>;
  calls(at: number): Promise<void>;
  reacts(at: number): Promise<void>;
}

interface Rig {
  customer: Customer;
  store: JanelaStore;
  backend: Backend;
  close(): Promise<void>;
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

async function backendOver(gateway: WhatsAppGateway, clock: Clock) {
  const store = await openStore({
    dataDir: mkdtempSync(join(tmpdir(), 'janela-rule-')),
    clock,
    flushDelayMs: 5,
    defaults: () => emptyStoreData(defaultSettings('America/Sao_Paulo', 'en')),
  });
  const backend = createBackend({
    media: await tempMediaStore(clock),
    store,
    gateway,
    clock,
    hub: new EventHub(),
    notices: createNoticeBoard(clock),
    log: () => undefined,
    startDemo: async () => undefined,
    exitDemo: async () => undefined,
  });
  await backend.start();
  return { store, backend };
}

const gateways: Record<string, () => Promise<Rig>> = {
  simulated: async () => {
    const clock = createManualClock(T0);
    const gateway = new SimulatedGateway({ clock, ackDelaysMs: [null, null, null] });
    const { store, backend } = await backendOver(gateway, clock);
    const receive = (kind: 'text' | 'call' | 'reaction', at: number) =>
      void gateway.receive({ phone: PHONE, name: 'Maria', text: kind === 'reaction' ? '👍' : 'Oi', kind, at });
    return {
      customer: {
        writes: async (at) => receive('text', at),
        calls: async (at) => receive('call', at),
        reacts: async (at) => receive('reaction', at),
      },
      store,
      backend,
      close: () => backend.close(),
    };
  },
  'whatsapp-web': async () => {
    const h = gatewayHarness();
    h.world.linked = true;
    const { store, backend } = await backendOver(h.gateway, h.clock);
    await flush();
    let parent = 0;
    return {
      customer: {
        writes: async (at) => {
          h.client().deliver(rawMessage({ chat: MARIA, body: 'Oi', t: at / 1000 }));
          await flush();
        },
        calls: async (at) => {
          // A live call carries no time of its own: it rings now.
          h.clock.advance(at - h.clock.now());
          const c = h.client();
          c.emit('call', new structures.Call(c, rawCall({ peer: MARIA })));
          await flush();
        },
        reacts: async (at) => {
          const c = h.client();
          c.emit(
            'message_reaction',
            new structures.Reaction(
              c,
              rawReaction({ chat: MARIA, sender: MARIA, emoji: '👍', t: at / 1000, parentId: `P${++parent}` }),
            ),
          );
          await flush();
        },
      },
      store,
      backend,
      close: () => backend.close(),
    };
  },
};

const rigs: Rig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) await rig.close();
});

for (const [name, build] of Object.entries(gateways)) {
  describe(`through the ${name} gateway`, () => {
    it('a reaction to a closed window is kept in the history but does not reopen it, by default', async () => {
      const rig = await build();
      rigs.push(rig);
      await rig.customer.writes(T0);
      expect(rig.store.data.contacts[MARIA]?.lastInboundAt).toBe(T0);
      await rig.customer.reacts(T0 + 25 * HOUR);
      expect(rig.store.data.contacts[MARIA]?.lastInboundAt).toBe(T0);
      const kinds = rig.store.readMessages(MARIA, { limit: 10 }).messages.map((message) => message.kind);
      expect(kinds).toEqual(['text', 'reaction']);
    });

    it('a reaction reopens the window when the shop says reactions count', async () => {
      const rig = await build();
      rigs.push(rig);
      await rig.customer.writes(T0);
      await rig.backend.handlers.updateSettings({ reactionsRenewWindow: true });
      await rig.customer.reacts(T0 + 25 * HOUR);
      expect(rig.store.data.contacts[MARIA]?.lastInboundAt).toBe(T0 + 25 * HOUR);
    });

    it('a call reopens the window', async () => {
      const rig = await build();
      rigs.push(rig);
      await rig.customer.writes(T0);
      await rig.customer.calls(T0 + 25 * HOUR);
      expect(rig.store.data.contacts[MARIA]?.lastInboundAt).toBe(T0 + 25 * HOUR);
    });
  });
}
