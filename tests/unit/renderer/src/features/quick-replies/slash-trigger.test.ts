import { describe, expect, it } from 'vitest';
import { findSlashTrigger } from '../../../../../../renderer/src/features/quick-replies/slash-trigger';

describe('the / trigger', () => {
  it('opens only at the start of the message, with the word typed so far', () => {
    expect(findSlashTrigger('/', 1)).toEqual({ start: 0, query: '' });
    expect(findSlashTrigger('/pix', 4)).toEqual({ start: 0, query: 'pix' });
    expect(findSlashTrigger('  /pix', 6)).toEqual({ start: 2, query: 'pix' });
  });

  it('stays shut for a slash later in the message, so Enter sends what was typed', () => {
    expect(findSlashTrigger('Valor: R$ 30 /un', 16)).toBeNull();
    expect(findSlashTrigger('Oi! /end', 8)).toBeNull();
    expect(findSlashTrigger('line\n/ola', 9)).toBeNull();
  });

  it('looks only up to the caret', () => {
    expect(findSlashTrigger('/pix and more', 4)).toEqual({ start: 0, query: 'pix' });
    expect(findSlashTrigger('/pix and more', 13)).toBeNull();
  });

  it('stays shut for slashes inside words, links, dates and after the word ended', () => {
    expect(findSlashTrigger('1/2', 3)).toBeNull();
    expect(findSlashTrigger('http://x.com', 12)).toBeNull();
    expect(findSlashTrigger('a //b', 5)).toBeNull();
    expect(findSlashTrigger('/pix ', 5)).toBeNull();
    expect(findSlashTrigger('', 0)).toBeNull();
  });
});
