import { describe, expect, it } from 'vitest';
import { createJanelaApi, type Transport } from '../../../shared/bridge';
import { commands, events, JanelaError } from '../../../shared/contract';

/** A transport that records calls and answers each command with its own name. */
function recordingTransport() {
  const invoked: string[] = [];
  const subscribed: string[] = [];
  const transport: Transport = {
    invoke: async (name) => {
      invoked.push(name);
      return name === 'unlink'
        ? { ok: false, error: { code: 'not-connected', message: 'no account linked' } }
        : { ok: true, value: name };
    },
    subscribe: (name) => {
      subscribed.push(name);
      return () => {};
    },
  };
  return { transport, invoked, subscribed };
}

describe('window.janela, built from the contract names without the schemas', () => {
  it('has a function for every command and every event of the contract, and nothing else', () => {
    const api = createJanelaApi(recordingTransport().transport);
    const expected = [
      ...Object.keys(commands),
      ...Object.keys(events).map((event) => `on${event.charAt(0).toUpperCase()}${event.slice(1)}`),
    ];
    expect(Object.keys(api).sort()).toEqual(expected.sort());
  });

  it('passes a command through the transport and rethrows its error as a JanelaError', async () => {
    const { transport, invoked, subscribed } = recordingTransport();
    const api = createJanelaApi(transport);
    await expect(api.markRead({ chatId: '5511900000001' })).resolves.toBe('markRead');
    await expect(api.unlink({})).rejects.toMatchObject({ code: 'not-connected' });
    await expect(api.unlink({})).rejects.toBeInstanceOf(JanelaError);
    api.onChatsChanged(() => {});
    expect(invoked).toEqual(['markRead', 'unlink', 'unlink']);
    expect(subscribed).toEqual(['chatsChanged']);
  });
});
