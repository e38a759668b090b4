import { describe, expect, it } from 'vitest';
import { errorCodes, JanelaError } from '../../../../shared/contract';
import { catalogues, errorMessageKey, messagesFor, placeholdersOf, translate } from '../../../../shared/i18n';

describe('message catalogue', () => {
  it('has the same keys in English and Portuguese', () => {
    expect(Object.keys(messagesFor('en')).sort()).toEqual(Object.keys(messagesFor('pt-BR')).sort());
  });

  it('has no empty message in either language', () => {
    for (const language of ['en', 'pt-BR'] as const) {
      for (const [key, text] of Object.entries(messagesFor(language))) {
        expect(text.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('takes the same placeholders in both languages', () => {
    for (const [key, english] of Object.entries(messagesFor('en'))) {
      const portuguese = (messagesFor('pt-BR') as Record<string, string>)[key] ?? '';
      expect(placeholdersOf(portuguese), key).toEqual(placeholdersOf(english));
    }
  });

  it('never defines one key in two feature files (a later file would silently win)', () => {
    const seen = new Map<string, number>();
    catalogues.forEach((catalogue, index) => {
      for (const key of Object.keys(catalogue.en)) {
        expect(seen.has(key), `${key} defined twice`).toBe(false);
        seen.set(key, index);
      }
    });
  });

  it('has a message for every error code', () => {
    for (const code of errorCodes) {
      expect(messagesFor('en')[`error.${code}`]).toBeTruthy();
      expect(messagesFor('pt-BR')[`error.${code}`]).toBeTruthy();
    }
  });

  it('keeps the send button and badges worded as the product specifies', () => {
    expect(translate('en', 'composer.send')).toBe('Send');
    expect(translate('pt-BR', 'composer.send')).toBe('Enviar');
    expect(translate('en', 'badge.open', { remaining: '23h 59m' })).toBe('Open · 23h 59m');
    expect(translate('en', 'badge.closing', { remaining: '1h 05m' })).toBe('Closing soon · 1h 05m');
    expect(translate('en', 'badge.closed')).toBe('Closed');
    // pt-BR names the customer's window, so the badge never reads as the shop's opening hours.
    expect(translate('pt-BR', 'badge.open', { remaining: '23h 59m' })).toBe('Janela aberta · 23h 59m');
    expect(translate('pt-BR', 'badge.closing', { remaining: '1h 05m' })).toBe('Janela fechando · 1h 05m');
    expect(translate('pt-BR', 'badge.closed')).toBe('Janela fechada');
  });
});

describe('translate', () => {
  it('fills every occurrence of a placeholder and leaves a missing one visible', () => {
    expect(translate('en', 'chatList.count', { shown: 3, total: 10 })).toBe('3 of 10');
    expect(translate('en', 'chatList.count', { shown: 3 })).toBe('3 of {total}');
  });

  it('does not interpret placeholders inside the values it inserts', () => {
    expect(translate('en', 'connect.disconnectedBody', { reason: '{reason}' })).toBe('Reason: {reason}.');
  });
});

describe('errorMessageKey', () => {
  it('maps a bridge error to its code message, and anything unknown to internal', () => {
    expect(errorMessageKey(new JanelaError('window-closed', 'closed at 1'))).toBe('error.window-closed');
    // Electron's contextBridge keeps only the message, which starts with the code.
    expect(errorMessageKey(new Error('not-connected: gateway offline'))).toBe('error.not-connected');
    expect(errorMessageKey(new Error('boom'))).toBe('error.internal');
    expect(errorMessageKey('weird')).toBe('error.internal');
  });
});
