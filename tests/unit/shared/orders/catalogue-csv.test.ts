import { describe, expect, it } from 'vitest';
import { exportCatalogueCsv, importCatalogueCsv, parseCsvRows } from '../../../../shared/orders/catalogue-csv';
import type { Product } from '../../../../shared/orders/order-schemas';

const products: Product[] = [
  { id: '1', name: 'Pão de queijo', priceCents: 550, category: 'Salgados', available: true },
  {
    id: '2',
    name: 'Bolo "da vó", de cenoura',
    priceCents: 123450,
    category: 'Bolos',
    description: 'Com cobertura de chocolate.\nEncomenda com 2 dias.',
    available: false,
  },
  { id: '3', name: 'Café', priceCents: 400, available: true },
];

const drafts = products.map(({ id: _id, ...draft }) => draft);

describe('the catalogue as CSV', () => {
  it('round-trips names with quotes and commas, descriptions with newlines, and prices in reais', () => {
    const csv = exportCatalogueCsv(products, 'pt-BR');
    expect(csv.startsWith('\ufeffname,price,category,description,available\r\n')).toBe(true);
    expect(csv).toContain('"Bolo ""da vó"", de cenoura","1234,50",Bolos,"Com cobertura');
    expect(importCatalogueCsv(csv, 'pt-BR')).toEqual({ ok: true, products: drafts });
    expect(importCatalogueCsv(exportCatalogueCsv(products, 'en'), 'en')).toEqual({ ok: true, products: drafts });
  });

  it('reads what people type: Portuguese headers, R$, semicolons from Excel, missing columns, blank lines', () => {
    const csv = 'Nome;Preço;Disponível\n\nBrigadeiro;R$ 3,00;sim\nBeijinho;2.5;não\n';
    expect(importCatalogueCsv(csv, 'pt-BR')).toEqual({
      ok: true,
      products: [
        { name: 'Brigadeiro', priceCents: 300, available: true },
        { name: 'Beijinho', priceCents: 250, available: false },
      ],
    });
  });

  it('imports nothing when any row is bad, and says which lines and why', () => {
    const csv = [
      'name,price,category,description,available',
      'Pão,5,Salgados,,sim',
      ',5,,,',
      'Bolo,cinco reais,,,',
      '"Torta\nde limão",abc,,,talvez',
      'pão,6,,,',
      'Café,4,,,,,',
      '"Sem fim,4',
    ].join('\n');
    expect(importCatalogueCsv(csv, 'pt-BR')).toEqual({
      ok: false,
      errors: [
        { line: 3, message: 'o nome está vazio' },
        { line: 4, message: 'preço "cinco reais" não é um valor em reais (ex.: 12,50)' },
        { line: 5, message: 'preço "abc" não é um valor em reais (ex.: 12,50)' },
        { line: 5, message: 'disponível "talvez" deve ser sim ou não' },
        { line: 7, message: 'o mesmo nome já aparece na linha 2' },
        { line: 8, message: '7 campos, mais do que as colunas do cabeçalho' },
        { line: 9, message: 'aspas abertas e não fechadas' },
      ],
    });
  });

  it('refuses a file without a name or price column, or without products', () => {
    expect(importCatalogueCsv('produto,categoria\nPão,Salgados', 'en')).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'the header has no "price" column' }],
    });
    expect(importCatalogueCsv('name,price\n', 'en')).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'the file has no products' }],
    });
  });

  it('splits rows per RFC 4180, CRLF or LF', () => {
    expect(parseCsvRows('a,"b,c"\r\n"d\r\ne",f', ',').map((row) => [row.line, row.fields])).toEqual([
      [1, ['a', 'b,c']],
      [2, ['d\ne', 'f']],
    ]);
  });
});
