import { describe, expect, it } from 'vitest';
import { hasVisibleText } from '../../../../shared/chats/visible-text';
import { commands } from '../../../../shared/contract';

const invisibleOnly = [
  '\u200B', // zero-width space
  '\u200C\u200D', // zero-width non-joiner and joiner
  '\u200E\u200F', // direction marks
  '\u202A\u202B\u202C\u202D\u202E', // embeddings and overrides
  '\u2066\u2067\u2068\u2069', // isolates
  '\u2060\u2061\u2062\u2063\u2064', // word joiner, invisible operators
  '\uFEFF', // byte-order mark
  '\u00AD', // soft hyphen
  '\u3164\u115F\u1160\uFFA0', // Hangul fillers
  '\u2800', // blank braille cell
  '\u034F\uFE0F', // grapheme joiner, variation selector
  ' \u200B\n\t\u202E ',
];

describe('hasVisibleText', () => {
  it('sees nothing in a text of only invisible characters', () => {
    for (const text of invisibleOnly) expect(hasVisibleText(text), JSON.stringify(text)).toBe(false);
  });

  it('sees ordinary text, emoji and text wrapped in direction marks', () => {
    for (const text of ['Oi', '👍', '\u202Eabc\u202C', '\u200BOi', 'ã', '…', '🏳️‍🌈'])
      expect(hasVisibleText(text), JSON.stringify(text)).toBe(true);
  });
});

describe('sendMessage', () => {
  const chatId = '5511987654321@c.us';
  it('refuses a message of only invisible characters like an empty one', () => {
    for (const text of ['', '   ', ...invisibleOnly])
      expect(commands.sendMessage.input.safeParse({ chatId, text }).success, JSON.stringify(text)).toBe(false);
    expect(commands.sendMessage.input.safeParse({ chatId, text: 'Oi \u200B' }).success).toBe(true);
  });
});
