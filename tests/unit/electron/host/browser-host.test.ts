import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SESSION_COOKIE } from '../../../../electron/host/request-guard';
import { httpCall, startHost } from './host-fixture';

function socketOutcome(port: number, headers: Record<string, string>): Promise<'open' | 'refused'> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('error', () => resolve('refused'));
  });
}

describe('browser host without test control', () => {
  it('listens on loopback only and prints a URL carrying the secret', async () => {
    const { host } = await startHost(false);
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?secret=[\w-]{20,}$/);
  });

  it('turns the secret into a cookie, then serves the app', async () => {
    const { host, port } = await startHost(false);
    const secret = new URL(host.url).searchParams.get('secret') ?? '';
    const first = await httpCall(port, `/?secret=${secret}`, { host: `127.0.0.1:${port}` });
    expect(first.status).toBe(302);
    expect(String(first.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=${secret}`);
    expect(String(first.headers['set-cookie'])).toContain('HttpOnly');
    const page = await httpCall(port, '/', { host: `127.0.0.1:${port}`, cookie: `${SESSION_COOKIE}=${secret}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Janela</title>');
  });

  it('refuses requests without the secret', async () => {
    const { port } = await startHost(false);
    const page = await httpCall(port, '/', { host: `127.0.0.1:${port}` });
    expect(page.status).toBe(401);
    expect(page.body).toContain('npm run serve');
    expect(await socketOutcome(port, { origin: `http://127.0.0.1:${port}` })).toBe('refused');
    const wrong = await httpCall(port, '/?secret=guess', { host: `127.0.0.1:${port}` });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) even with the secret', async () => {
    const { host, port } = await startHost(false);
    const secret = new URL(host.url).searchParams.get('secret') ?? '';
    const cookie = `${SESSION_COOKIE}=${secret}`;
    expect((await httpCall(port, '/', { host: `rebind.evil.example:${port}`, cookie })).status).toBe(403);
    expect((await httpCall(port, `/?secret=${secret}`, { host: `rebind.evil.example:${port}` })).status).toBe(403);
    expect(
      await socketOutcome(port, {
        host: `rebind.evil.example:${port}`,
        origin: `http://rebind.evil.example:${port}`,
        cookie,
      }),
    ).toBe('refused');
  });

  it('refuses WebSocket calls from another page, and accepts its own', async () => {
    const { host, port } = await startHost(false);
    const cookie = `${SESSION_COOKIE}=${new URL(host.url).searchParams.get('secret') ?? ''}`;
    expect(await socketOutcome(port, { origin: 'http://evil.example', cookie })).toBe('refused');
    expect(await socketOutcome(port, { cookie })).toBe('refused');
    expect(await socketOutcome(port, { origin: `http://127.0.0.1:${port}`, cookie })).toBe('open');
  });

  it('has no test endpoints', async () => {
    const { host, port } = await startHost(false);
    const cookie = `${SESSION_COOKIE}=${new URL(host.url).searchParams.get('secret') ?? ''}`;
    const reply = await httpCall(
      port,
      '/test/inbound',
      { host: `127.0.0.1:${port}`, cookie, 'content-type': 'application/json' },
      'POST',
      '{"phone":"5511987654321","text":"Oi"}',
    );
    expect(reply.status).toBe(405);
  });
});

describe('browser host with test control', () => {
  it('needs no secret but still refuses foreign hosts and origins', async () => {
    const { host, port } = await startHost(true);
    expect(host.url).toBe(`http://127.0.0.1:${port}/`);
    expect((await httpCall(port, '/', { host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await httpCall(port, '/', { host: `evil.example:${port}` })).status).toBe(403);
    const foreign = await httpCall(
      port,
      '/test/clock',
      { host: `127.0.0.1:${port}`, origin: 'http://evil.example' },
      'POST',
      '{"advanceMs":1}',
    );
    expect(foreign.status).toBe(403);
  });

  it('answers bad bodies with 400 and a message, and changes nothing', async () => {
    const { port, session } = await startHost(true);
    const headers = { host: `127.0.0.1:${port}`, 'content-type': 'application/json' };
    const cases: [string, string, RegExp][] = [
      ['/test/inbound', 'not json', /not valid JSON/],
      ['/test/inbound', '{"phone":"12","text":"Oi"}', /phone/],
      ['/test/inbound', '{"phone":"5511987654321"}', /text/],
      ['/test/inbound', '{"phone":"5511987654321","text":"Oi","extra":1}', /extra/],
      ['/test/clock', '{"advanceMs":-5}', /advanceMs/],
      ['/test/clock', '{"advanceMs":"soon"}', /advanceMs/],
      ['/test/busy', '{"ms":0}', /ms/],
      ['/test/busy', '{"ms":60000}', /ms/],
    ];
    for (const [path, body, message] of cases) {
      const reply = await httpCall(port, path, headers, 'POST', body);
      expect(reply.status, body).toBe(400);
      expect(JSON.parse(reply.body).error, body).toMatch(message);
    }
    const snapshot = await session.dispatch('getSnapshot', {}, { trusted: true, description: 'test' });
    expect(snapshot.ok && snapshot.value).toMatchObject({ chats: [] });
  });

  it('drives the simulated world: inbound, clock and sent', async () => {
    const { port, session } = await startHost(true);
    const headers = { host: `127.0.0.1:${port}`, 'content-type': 'application/json' };
    const inbound = await httpCall(
      port,
      '/test/inbound',
      headers,
      'POST',
      JSON.stringify({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' }),
    );
    expect(inbound.status).toBe(200);
    const before = session.clock.now();
    const clock = await httpCall(port, '/test/clock', headers, 'POST', '{"advanceMs":3600000}');
    expect(JSON.parse(clock.body).now).toBeGreaterThanOrEqual(before + 3_600_000);
    const sent = await session.dispatch(
      'sendMessage',
      { chatId: '5511987654321@c.us', text: 'Olá Maria!' },
      { trusted: true, description: 'test' },
    );
    expect(sent.ok).toBe(true);
    await expect
      .poll(async () => JSON.parse((await httpCall(port, '/test/sent', headers)).body))
      .toEqual([expect.objectContaining({ phone: '5511987654321', text: 'Olá Maria!' })]);
  });
});
