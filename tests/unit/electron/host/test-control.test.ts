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
