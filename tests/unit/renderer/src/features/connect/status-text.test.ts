import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../../../../shared/domain';
import { translatorFor } from '../../../../../../shared/i18n';
import { statusText, statusTone } from '../../../../../../renderer/src/features/connect/status-text';

const en = translatorFor('en');
const pt = translatorFor('pt-BR');

describe('statusText', () => {
  it('counts down to the next retry while offline', () => {
    const offline: ConnectionStatus = { state: 'offline', retryAt: 20_000, reason: 'net::ERR_NAME_NOT_RESOLVED' };
    expect(statusText(offline, 8_000, en)).toBe('Offline, retrying in 12 s');
    expect(statusText(offline, 8_001, en)).toBe('Offline, retrying in 12 s');
    expect(statusText(offline, 19_500, pt)).toBe('Sem internet, nova tentativa em 1 s');
    expect(statusText(offline, 20_000, en)).toBe('Offline, retrying now…');
  });

  it('names every state, with the loading percentage when known', () => {
    expect(statusText({ state: 'connected', since: 0 }, 0, en)).toBe('Connected');
    expect(statusText({ state: 'connected', since: 0 }, 0, pt)).toBe('Conectado');
    expect(statusText({ state: 'loading', percent: 41.6 }, 0, en)).toBe('Loading chats… 42%');
    expect(statusText({ state: 'loading', percent: null }, 0, en)).toBe('Loading chats…');
    expect(statusText({ state: 'qr', qr: 'x' }, 0, en)).toBe('Waiting for QR scan');
    expect(statusText({ state: 'no-browser' }, 0, en)).toBe('No browser found');
  });

  it('gives each state a tone for its colour', () => {
    expect(statusTone({ state: 'connected', since: 0 })).toBe('ok');
    expect(statusTone({ state: 'offline', retryAt: 0, reason: '' })).toBe('warn');
    expect(statusTone({ state: 'blocked', reason: 'TOS_BLOCK' })).toBe('error');
  });
});
