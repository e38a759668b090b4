/** A customer writes, the shop answers, things go wrong: the log says so, and names no one. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openAppSession } from '../../../../../electron/backend/app-session';
import { createLogger } from '../../../../../electron/backend/logging/logger';
import { createManualClock } from '../manual-clock';

const customer = { phone: '5511987654321', name: 'Maria Souza', text: 'Quero 3 bolos de cenoura para sábado' };
const reply = 'Seu pedido sai amanhã às 10h, Maria';
const stranger = '5521912345678';

it('a journey leaves a log with no phone number and no message text', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'janela-journey-log-'));
  const logger = createLogger(dataDir, { echo: null, level: 'debug' });
  const session = await openAppSession({
    dataDir,
    mode: 'simulated',
    clock: createManualClock(Date.UTC(2026, 10, 20, 15)),
    timeZone: 'America/Sao_Paulo',
    log: logger.info,
    createRealGateway: () => {
      throw new Error('not in this test');
    },
  });
  const trusted = { trusted: true, description: 'unit test' };
  const gateway = session.simulatedGateway();
  if (!gateway) throw new Error('expected the simulated gateway');

  gateway.receive(customer);
  expect((await session.dispatch('sendMessage', { chatId: `${customer.phone}@c.us`, text: reply }, trusted)).ok).toBe(
    true,
  );
  const refused = await session.dispatch(
    'sendMessage',
    { chatId: `${customer.phone}@c.us`, text: reply },
    { trusted: false, description: 'http://127.0.0.1:9/' },
  );
  const neverWrote = await session.dispatch('sendMessage', { chatId: `${stranger}@c.us`, text: reply }, trusted);
  // Offline, a reply waits in the outbox; with no phone linked it is refused.
  gateway.showStatus({ state: 'qr', qr: 'qr-data' });
  const offline = await session.dispatch('sendMessage', { chatId: `${customer.phone}@c.us`, text: reply }, trusted);
  expect([refused.ok, neverWrote.ok, offline.ok]).toEqual([false, false, false]);
  await session.close();
  await logger.close();

  const logs = join(dataDir, 'logs');
  const written = readdirSync(logs)
    .map((name) => readFileSync(join(logs, name), 'utf8'))
    .join('\n');
  expect(written).toMatch(/refused sendMessage/);
  expect(written).not.toMatch(/\d{8,}/);
  for (const secret of [customer.phone, stranger, '98765', customer.text, 'bolos', reply, 'pedido']) {
    expect(written).not.toContain(secret);
  }
});
