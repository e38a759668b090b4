import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../../electron/backend/logging/logger';

const dataDir = () => mkdtempSync(join(tmpdir(), 'janela-log-'));
const mode = (path: string) => statSync(path).mode & 0o777;
const lines = (dir: string) =>
  readdirSync(join(dir, 'logs'))
    .filter((name) => name.endsWith('.log'))
    .flatMap((name) => readFileSync(join(dir, 'logs', name), 'utf8').split('\n'))
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the logger', () => {
  it('writes JSON lines with their level into a private logs folder', async () => {
    const dir = dataDir();
    const echoed: string[] = [];
    const logger = createLogger(dir, { level: 'info', echo: (line) => echoed.push(line) });
    logger.debug('not at this level');
    logger.info('store opened', { contacts: 3 });
    logger.error('send failed', { reason: 'TIMEOUT' });
    await logger.close();

    expect(mode(join(dir, 'logs'))).toBe(0o700);
    expect(mode(join(dir, 'logs', 'janela.log'))).toBe(0o600);
    expect(lines(dir)).toMatchObject([
      { level: 'info', msg: 'store opened', contacts: 3 },
      { level: 'error', msg: 'send failed', reason: 'TIMEOUT' },
    ]);
    expect(echoed).toHaveLength(2);
    expect(echoed[1]).toMatch(/ERROR send failed$/);
  });

  it('masks phone numbers and drops message text before anything is written', async () => {
    const dir = dataDir();
    const echoed: string[] = [];
    const logger = createLogger(dir, { echo: (line) => echoed.push(line) });
    logger.warn('[whatsapp] client error at 5511987654321@c.us (+55 11 98765-4321)', {
      text: 'Quero 3 bolos de cenoura',
      chatId: '5511987654321@c.us',
    });
    await logger.close();

    const written = readFileSync(join(dir, 'logs', 'janela.log'), 'utf8') + echoed.join('\n');
    expect(written).not.toMatch(/98765|bolos/);
    expect(lines(dir)).toMatchObject([{ msg: '[whatsapp] client error at [chat] ([phone])', chatId: '[chat]' }]);
  });

  it('rotates by size and keeps only the newest files, each private', async () => {
    const dir = dataDir();
    const logger = createLogger(dir, { echo: null, maxFileSize: '1K', keepFiles: 2 });
    for (let index = 0; index < 100; index += 1) logger.info(`line ${index} of a long enough log`);
    await logger.close();

    const files = readdirSync(join(dir, 'logs')).filter((name) => name.endsWith('.log'));
    expect(files).toContain('janela.log');
    expect(files.length).toBeLessThanOrEqual(3);
    for (const name of readdirSync(join(dir, 'logs'))) expect(mode(join(dir, 'logs', name)), name).toBe(0o600);
    expect(lines(dir).some((line) => line.msg === 'line 99 of a long enough log')).toBe(true);
    expect(lines(dir).some((line) => line.msg === 'line 0 of a long enough log')).toBe(false);
  });
});
