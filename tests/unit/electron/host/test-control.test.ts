import { describe, expect, it } from 'vitest';
import type { AppSession } from '../../../../electron/backend/app-session';
import { createManualClock } from '../backend/manual-clock';
import { SimulatedGateway } from '../../../../electron/backend/gateways/simulated/simulated-gateway';
import { handleTestControl } from '../../../../electron/host/test-control';

function sessionThatRecords(recorded: boolean): AppSession {
  const clock = createManualClock(1_760_000_000_000);
  const gateway = new SimulatedGateway({ clock });
  return {
    clock,
    simulatedGateway: () => gateway,
    hasMessage: () => recorded,
  } as unknown as AppSession;
}

describe('POST /test/inbound', () => {
  const body = JSON.stringify({ phone: '5511987654321', text: 'Oi' });

  it('answers success only for a message the store recorded', () => {
    const reply = handleTestControl(sessionThatRecords(true), 'POST', '/test/inbound', body);
    expect(reply).toMatchObject({ status: 200, body: { id: expect.stringMatching(/^sim-in-/) } });
  });

  it('never answers success for a message that was not recorded', () => {
    const reply = handleTestControl(sessionThatRecords(false), 'POST', '/test/inbound', body);
    expect(reply?.status).toBe(500);
    expect(reply?.body).toEqual({ error: expect.stringMatching(/not recorded/) });
  });
});

describe('POST /test/phone-reply', () => {
  const maria = '5511987654321';
  function session(options: { knownChat?: boolean; connected?: boolean } = {}) {
    const clock = createManualClock(1_760_000_000_000);
    const gateway = new SimulatedGateway({ clock, ackDelaysMs: [null, null, null] });
    if (options.connected ?? true) gateway.setConnection(true);
    const emitted: unknown[] = [];
    gateway.on('message', (message) => emitted.push(message));
    const app = {
      clock,
      simulatedGateway: () => gateway,
      hasChat: (chatId: string) => (options.knownChat ?? true) && chatId === `${maria}@c.us`,
      hasMessage: () => true,
    } as unknown as AppSession;
    return { app, emitted };
  }
  const post = (app: AppSession, body: unknown) =>
    handleTestControl(app, 'POST', '/test/phone-reply', JSON.stringify(body));

  it('makes WhatsApp report the shop’s message as typed on the phone: fromMe, already sent', () => {
    const { app, emitted } = session();
    const reply = post(app, { phone: maria, text: 'Oi Maria, aqui é a Ana' });
    expect(reply).toMatchObject({ status: 200, body: { id: expect.stringMatching(/^sim-phone-/) } });
    expect(emitted).toEqual([
      expect.objectContaining({
        chatId: `${maria}@c.us`,
        fromMe: true,
        text: 'Oi Maria, aqui é a Ana',
        status: 'sent',
      }),
    ]);
  });

  it('then reports its delivered and read acks, as WhatsApp does for a message sent from the phone', async () => {
    const clock = createManualClock(1_760_000_000_000);
    const gateway = new SimulatedGateway({ clock, ackDelaysMs: [null, 5, 10] });
    gateway.setConnection(true);
    const acks: string[] = [];
    gateway.on('ack', (ack) => acks.push(ack.status));
    const message = gateway.typeOnPhone(maria, 'Oi');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(message).toMatchObject({ fromMe: true, status: 'sent' });
    expect(acks).toEqual(['delivered', 'read']);
  });

  it.each([
    [{ phone: maria }, /text/],
    [{ phone: maria, text: '   ' }, /text is required/],
    [{ phone: '+55 11', text: 'Oi' }, /phone: expected a phone number/],
    [{ phone: maria, text: 'Oi', fromMe: true }, /Unrecognized key/],
  ])('refuses %j with a clear message', (body, message) => {
    const { app, emitted } = session();
    const reply = post(app, body);
    expect(reply?.status).toBe(400);
    expect((reply?.body as { error: string }).error).toMatch(message);
    expect(emitted).toEqual([]);
  });

  it('refuses a chat no customer opened (404) and an offline WhatsApp (409)', () => {
    expect(post(session({ knownChat: false }).app, { phone: maria, text: 'Oi' })?.status).toBe(404);
    expect(post(session({ connected: false }).app, { phone: maria, text: 'Oi' })?.status).toBe(409);
  });
});
