import { describe, expect, it } from 'vitest';
import type { QuickReply } from '../../../../shared/domain';
import { filterQuickReplies } from '../../../../shared/quick-replies/filter-quick-replies';

const list: QuickReply[] = [
  { id: '1', shortcut: 'ola', title: 'Saudação', text: 'x' },
  { id: '2', shortcut: 'endereco', title: 'Endereço da loja', text: 'x' },
  { id: '3', shortcut: 'pronto', title: 'Pedido pronto', text: 'x' },
  { id: '4', shortcut: 'retirada', title: 'Pronto para retirada', text: 'x' },
  { id: '5', shortcut: 'pix', title: 'Pagamento por Pix', text: 'x' },
];
const ids = (query: string) => filterQuickReplies(list, query).map((reply) => reply.id);

describe('filterQuickReplies', () => {
  it('keeps the whole list in order for an empty query or a bare slash', () => {
    expect(ids('')).toEqual(['1', '2', '3', '4', '5']);
    expect(ids('/')).toEqual(['1', '2', '3', '4', '5']);
  });

  it('ranks exact shortcut, then prefix, then inside, then title', () => {
    expect(ids('pronto')).toEqual(['3', '4']);
    expect(ids('p')).toEqual(['3', '5', '4']);
    expect(ids('ret')).toEqual(['4']);
    expect(ids('para')).toEqual(['4']);
    expect(ids('/PIX')).toEqual(['5']);
  });

  it('ignores accents and case both ways', () => {
    expect(ids('endereço')).toEqual(['2']);
    expect(ids('SAUDACAO')).toEqual(['1']);
    expect(ids('loja')).toEqual(['2']);
  });

  it('finds nothing for an unrelated query', () => {
    expect(ids('zzz')).toEqual([]);
  });
});
