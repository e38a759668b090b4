import { describe, expect, it } from 'vitest';
import { matchSnippet as maybeSnippet, type Snippet } from '../../../../shared/chats/message-snippet';

function matchSnippet(text: string, query: string, radius?: number): Snippet {
  const snippet = maybeSnippet(text, query, radius);
  if (!snippet) throw new Error(`no match for ${query}`);
  return snippet;
}

describe('matchSnippet', () => {
  it('finds text regardless of case and accents, and marks where the match is', () => {
    const snippet = matchSnippet('Quero o VESTIDO azul, tamanho M', 'vestido');
    expect(snippet.text).toBe('Quero o VESTIDO azul, tamanho M');
    expect(snippet.text.slice(snippet.start, snippet.end)).toBe('VESTIDO');
    const accented = matchSnippet('A entrega é amanhã às 14h', 'amanha as');
    expect(accented.text.slice(accented.start, accented.end)).toBe('amanhã às');
  });

  it('cuts a long text around the match at word boundaries, one line', () => {
    const long = `${'palavra '.repeat(30)}o bolo de cenoura\ncom cobertura ${'fim '.repeat(30)}`;
    const snippet = matchSnippet(long, 'cenoura', 20);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text).not.toContain('\n');
    expect(snippet.text.slice(snippet.start, snippet.end)).toBe('cenoura');
    expect(snippet.text).toContain('bolo de cenoura com');
  });

  it('does not match what is not there, nor an empty query', () => {
    expect(maybeSnippet('Oi, tudo bem?', 'pix')).toBeNull();
    expect(maybeSnippet('Oi', '   ')).toBeNull();
  });
});
