import { describe, expect, it } from 'vitest';
import { errorCodeOf, JanelaError } from '../../../../../shared/contract';
import type { QuickReply } from '../../../../../shared/domain';
import { starterQuickReplies } from '../../../../../shared/quick-replies/starter-quick-replies';
import {
  deleteQuickReply,
  exportQuickReplies,
  importQuickReplies,
  MAX_QUICK_REPLIES,
  reorderQuickReplies,
  saveQuickReply,
} from '../../../../../electron/backend/quick-replies/quick-replies';

const reply = (id: string, shortcut: string, text = `texto ${id}`): QuickReply => ({
  id,
  shortcut,
  title: `Título ${id}`,
  text,
});
const base = (): QuickReply[] => [reply('a', 'ola'), reply('b', 'pix'), reply('c', 'pronto')];

function thrown(run: () => unknown): JanelaError {
  try {
    run();
  } catch (error) {
    if (error instanceof JanelaError) return error;
    throw error;
  }
  throw new Error('expected a JanelaError');
}

describe('saveQuickReply', () => {
  it('appends a new reply and edits an existing one in place', () => {
    const list = base();
    const added = saveQuickReply(list, reply('d', 'endereco'));
    expect(added.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    const edited = saveQuickReply(added, { ...reply('b', 'PIX2'), title: '  Pagamento  ' });
    expect(edited[1]).toEqual({ id: 'b', shortcut: 'PIX2', title: 'Pagamento', text: 'texto b' });
    expect(list).toEqual(base());
  });

  it('rejects a shortcut used by another reply, case-insensitively', () => {
    const error = thrown(() => saveQuickReply(base(), reply('d', 'OLA')));
    expect(error.code).toBe('duplicate-shortcut');
    expect(error.params).toMatchObject({ shortcut: 'OLA', usedBy: 'a' });
    expect(thrown(() => saveQuickReply(base(), reply('d', ' Pix '))).code).toBe('duplicate-shortcut');
    expect(thrown(() => saveQuickReply([reply('x', 'Ação')], reply('y', 'ac\u0327a\u0303o'.toUpperCase()))).code).toBe(
      'duplicate-shortcut',
    );
  });

  it('stores a decomposed accent composed', () => {
    expect(saveQuickReply([], reply('x', 'ac\u0327a\u0303o'))[0]?.shortcut).toBe('ação');
  });

  it('lets a reply keep its own shortcut when edited', () => {
    expect(saveQuickReply(base(), reply('a', 'Ola', 'novo'))[0]?.text).toBe('novo');
  });

  it('rejects invalid replies and too many replies', () => {
    expect(thrown(() => saveQuickReply(base(), reply('d', 'two words'))).code).toBe('invalid-input');
    const full = Array.from({ length: MAX_QUICK_REPLIES }, (_, i) => reply(`r${i}`, `s${i}`));
    expect(thrown(() => saveQuickReply(full, reply('new', 'new'))).code).toBe('invalid-input');
  });
});

describe('deleteQuickReply', () => {
  it('removes by id and reports an unknown id', () => {
    expect(deleteQuickReply(base(), 'b').map((r) => r.id)).toEqual(['a', 'c']);
    expect(thrown(() => deleteQuickReply(base(), 'zz')).code).toBe('not-found');
  });
});

describe('reorderQuickReplies', () => {
  it('follows a permutation of the ids', () => {
    expect(reorderQuickReplies(base(), ['c', 'a', 'b']).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });

  it.each([[['c', 'a']], [['c', 'a', 'b', 'a']], [['c', 'a', 'a']], [['c', 'a', 'x']], [[]]])(
    'rejects %j, which is not a permutation',
    (ids) => {
      expect(thrown(() => reorderQuickReplies(base(), ids)).code).toBe('invalid-input');
    },
  );
});

describe('export and import', () => {
  it('round-trips a list into an empty store', () => {
    const list = starterQuickReplies('pt-BR');
    const json = exportQuickReplies(list);
    expect(JSON.parse(json)).toMatchObject({ format: 'janela-quick-replies', version: 1 });
    expect(importQuickReplies([], json)).toEqual(list);
  });

  it('re-importing its own export changes nothing', () => {
    const list = base();
    expect(importQuickReplies(list, exportQuickReplies(list))).toEqual(list);
  });

  it('merges by shortcut: same shortcut replaces in place, new ones are appended', () => {
    const file = JSON.stringify({
      format: 'janela-quick-replies',
      version: 1,
      quickReplies: [
        { id: 'other-1', shortcut: 'PIX', title: 'Pix novo', text: 'Chave: loja@example.com' },
        { id: 'a', shortcut: 'horario', title: 'Horário', text: '{{shop_hours}}' },
        { shortcut: 'endereco', title: 'Endereço', text: '{{shop_address}}', extra: 'ignored' },
      ],
    });
    const merged = importQuickReplies(base(), file);
    expect(merged).toEqual([
      reply('a', 'ola'),
      { id: 'b', shortcut: 'PIX', title: 'Pix novo', text: 'Chave: loja@example.com' },
      reply('c', 'pronto'),
      { id: 'a-2', shortcut: 'horario', title: 'Horário', text: '{{shop_hours}}' },
      { id: 'qr-endereco', shortcut: 'endereco', title: 'Endereço', text: '{{shop_address}}' },
    ]);
  });

  const malformed: Array<[string, string, RegExp]> = [
    ['bad JSON', '{"format": "janela-quick-replies", ', /not valid JSON/],
    ['a bare list', '[]', /not a Janela quick replies file/],
    [
      'another format',
      JSON.stringify({ format: 'whaticket', version: 1, quickReplies: [] }),
      /"format" is "whaticket"/,
    ],
    [
      'a future version',
      JSON.stringify({ format: 'janela-quick-replies', version: 2, quickReplies: [] }),
      /version 2 is not supported/,
    ],
    ['no list', JSON.stringify({ format: 'janela-quick-replies', version: 1 }), /"quickReplies" must be a list/],
    [
      'an invalid item',
      JSON.stringify({
        format: 'janela-quick-replies',
        version: 1,
        quickReplies: [
          reply('n1', 'novo1'),
          reply('n2', 'novo2'),
          { id: 'n3', shortcut: 'two words', title: 'x', text: 'y' },
        ],
      }),
      /^item 3: shortcut: a shortcut is one word/,
    ],
    [
      'an item without text',
      JSON.stringify({ format: 'janela-quick-replies', version: 1, quickReplies: [{ shortcut: 'x', title: 'x' }] }),
      /^item 1: text: /,
    ],
    [
      'duplicate shortcuts in the file',
      JSON.stringify({
        format: 'janela-quick-replies',
        version: 1,
        quickReplies: [reply('n1', 'novo'), reply('n2', 'outro'), reply('n3', 'NOVO')],
      }),
      /^item 3: shortcut "NOVO" is already used by item 1/,
    ],
    ['null', 'null', /not a Janela quick replies file/],
    [
      'prototype pollution',
      '{"__proto__": {"format": "janela-quick-replies", "version": 1, "quickReplies": []}}',
      /"format" is missing/,
    ],
  ];

  it.each(malformed)('rejects %s with a clear message and changes nothing', (_, json, message) => {
    const list = base();
    const snapshot = structuredClone(list);
    const error = thrown(() => importQuickReplies(list, json));
    expect(error.code).toBe('invalid-import');
    expect(errorCodeOf(new Error(error.message))).toBe('invalid-import');
    expect(error.detail).toMatch(message);
    expect(list).toEqual(snapshot);
  });

  it('rejects an import that would exceed the limit', () => {
    const many = Array.from({ length: MAX_QUICK_REPLIES }, (_, i) => reply(`r${i}`, `s${i}`));
    const json = exportQuickReplies(many);
    expect(thrown(() => importQuickReplies([reply('z', 'z')], json)).detail).toMatch(/at most 500/);
  });
});
