import { describe, expect, it } from 'vitest';
import { messagesFor, plural, pluralCategory, selectPlural } from '../../../../shared/i18n';

describe('plural', () => {
  it('picks the form by the language’s plural rules and writes the count in that language', () => {
    expect(plural('pt-BR', 'chatList.unread', 1)).toBe('1 mensagem não lida');
    expect(plural('pt-BR', 'chatList.unread', 2)).toBe('2 mensagens não lidas');
    expect(plural('pt-BR', 'chatList.unread', 0)).toBe('0 mensagens não lidas');
    expect(plural('pt-BR', 'chatList.unread', 1234)).toBe('1.234 mensagens não lidas');
    expect(plural('en', 'chatList.unread', 1)).toBe('1 unread message');
    expect(plural('en', 'chatList.unread', 0)).toBe('0 unread messages');
    expect(plural('en', 'chatList.unread', 1234)).toBe('1,234 unread messages');
  });

  it('fills the other parameters too', () => {
    expect(plural('pt-BR', 'qr.exported', 1, { file: 'x.json' })).toBe('1 resposta rápida salva como x.json.');
    expect(plural('en', 'qr.exported', 3, { file: 'x.json' })).toBe('Saved 3 quick replies as x.json.');
  });

  it('treats 0 as plural in pt-BR (CLDR files it under "one"; Brazilians write "0 mensagens")', () => {
    expect(pluralCategory('pt-BR', 0)).toBe('other');
    expect(pluralCategory('pt-BR', 1)).toBe('one');
    expect(pluralCategory('en', 1)).toBe('one');
    expect(pluralCategory('en', 2)).toBe('other');
  });

  it('falls back to the other form when a category has none', () => {
    expect(selectPlural('en', 5, { other: 'many things', one: 'one thing' })).toBe('many things');
    expect(selectPlural('en', 1, { other: 'many things' })).toBe('many things');
  });

  it('every counted message has an "other" form in both languages, and no bare key beside its forms', () => {
    for (const language of ['en', 'pt-BR'] as const) {
      const keys = Object.keys(messagesFor(language));
      for (const key of keys.filter((k) => /\.(zero|one|two|few|many)$/.test(k))) {
        const base = key.replace(/\.(zero|one|two|few|many)$/, '');
        expect(keys, `${language} ${base}.other`).toContain(`${base}.other`);
        expect(keys, `${language} ${base}`).not.toContain(base);
      }
    }
  });
});
