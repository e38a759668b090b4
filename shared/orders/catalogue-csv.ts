/**
 * The catalogue as a spreadsheet: `name,price,category,description,available`, prices written the
 * Brazilian way ("12,50"). Import is all or nothing: one bad row and nothing is imported, and every
 * bad row is reported with its line number so the owner can fix the file in one go.
 */
import { foldText } from '../bookings/fold-text';
import type { Language } from '../domain';
import { formatBrlPlain, parseBrl } from './money';
import type { Product } from './order-schemas';

export type ProductDraft = Omit<Product, 'id'>;
export interface CsvRowError {
  /** Line of the file where the row starts, counting the header as line 1. */
  line: number;
  message: string;
}
export type CatalogueImport = { ok: true; products: ProductDraft[] } | { ok: false; errors: CsvRowError[] };

const COLUMNS = ['name', 'price', 'category', 'description', 'available'] as const;
type Column = (typeof COLUMNS)[number];
const columnAliases: Record<string, Column> = {
  name: 'name',
  nome: 'name',
  produto: 'name',
  price: 'price',
  preco: 'price',
  valor: 'price',
  category: 'category',
  categoria: 'category',
  description: 'description',
  descricao: 'description',
  available: 'available',
  disponivel: 'available',
};
const yes = new Set(['', 'sim', 's', 'yes', 'y', 'true', '1', 'x', 'disponivel', 'available']);
const no = new Set(['nao', 'n', 'no', 'false', '0', 'indisponivel', 'unavailable']);

type ErrorKind =
  | 'missingColumn'
  | 'unclosedQuote'
  | 'fieldCount'
  | 'noName'
  | 'longName'
  | 'badPrice'
  | 'badAvailable'
  | 'duplicate'
  | 'empty';

const errorTexts: Record<Language, Record<ErrorKind, (detail: string) => string>> = {
  'pt-BR': {
    missingColumn: (column) => `falta a coluna "${column}" no cabeçalho`,
    unclosedQuote: () => 'aspas abertas e não fechadas',
    fieldCount: (count) => `${count} campos, mais do que as colunas do cabeçalho`,
    noName: () => 'o nome está vazio',
    longName: () => 'o nome passa de 80 caracteres',
    badPrice: (price) => `preço "${price}" não é um valor em reais (ex.: 12,50)`,
    badAvailable: (value) => `disponível "${value}" deve ser sim ou não`,
    duplicate: (line) => `o mesmo nome já aparece na linha ${line}`,
    empty: () => 'o arquivo não tem nenhum produto',
  },
  en: {
    missingColumn: (column) => `the header has no "${column}" column`,
    unclosedQuote: () => 'a quote is opened and never closed',
    fieldCount: (count) => `${count} fields, more than the header's columns`,
    noName: () => 'the name is empty',
    longName: () => 'the name is longer than 80 characters',
    badPrice: (price) => `price "${price}" is not an amount in reais (e.g. 12,50)`,
    badAvailable: (value) => `available "${value}" should be yes or no`,
    duplicate: (line) => `the same name is already on line ${line}`,
    empty: () => 'the file has no products',
  },
};

function quote(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) || field.trim() !== field
    ? `"${field.replace(/"/g, '""')}"`
    : field;
}

/**
 * CRLF and a byte-order mark, so Excel, which the owner most likely opens it with, shows accents
 * and line breaks right.
 */
export function exportCatalogueCsv(products: readonly Product[], language: Language): string {
  const rows = products.map((product) =>
    [
      product.name,
      formatBrlPlain(product.priceCents),
      product.category ?? '',
      product.description ?? '',
      product.available ? (language === 'en' ? 'yes' : 'sim') : language === 'en' ? 'no' : 'não',
    ].map((field) => quote(field, ',')),
  );
  return `\ufeff${[COLUMNS.join(','), ...rows.map((row) => row.join(','))].join('\r\n')}\r\n`;
}

interface CsvRow {
  line: number;
  fields: string[];
  unclosed: boolean;
}

/** RFC 4180 with the usual leniencies: LF or CRLF, a BOM, quoted fields holding delimiters and newlines. */
export function parseCsvRows(text: string, delimiter: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n') {
      rows.push({ line: rowLine, fields: [...fields, field], unclosed: false });
      fields = [];
      field = '';
      line += 1;
      rowLine = line;
    } else field += char;
  }
  if (quoted || field !== '' || fields.length > 0)
    rows.push({ line: rowLine, fields: [...fields, field], unclosed: quoted });
  return rows.filter((row) => row.unclosed || row.fields.some((value) => value.trim() !== ''));
}

/** Brazilian Excel saves "CSV" with semicolons; the header tells which one this file uses. */
function delimiterOf(text: string): string {
  const header = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

export function importCatalogueCsv(text: string, language: Language): CatalogueImport {
  const say = errorTexts[language];
  const [header, ...rows] = parseCsvRows(text, delimiterOf(text));
  const columns = (header?.fields ?? []).map((name) => columnAliases[foldText(name)]);
  const missing = (['name', 'price'] as const).filter((column) => !columns.includes(column));
  if (!header || missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((column) => ({ line: 1, message: say.missingColumn(column) })),
    };
  }
  const errors: CsvRowError[] = [];
  const products: ProductDraft[] = [];
  const seen = new Map<string, number>();
  const fail = (line: number, kind: ErrorKind, detail = ''): void => {
    errors.push({ line, message: say[kind](detail) });
  };
  for (const row of rows) {
    if (row.unclosed) {
      fail(row.line, 'unclosedQuote');
      continue;
    }
    if (row.fields.length > columns.length) {
      fail(row.line, 'fieldCount', String(row.fields.length));
      continue;
    }
    const value = (column: Column): string => (row.fields[columns.indexOf(column)] ?? '').trim();
    const before = errors.length;
    const name = value('name');
    const priceCents = parseBrl(value('price'));
    const availableText = foldText(value('available'));
    if (name === '') fail(row.line, 'noName');
    else if (name.length > 80) fail(row.line, 'longName');
    if (priceCents === null) fail(row.line, 'badPrice', value('price'));
    if (!yes.has(availableText) && !no.has(availableText)) fail(row.line, 'badAvailable', value('available'));
    const firstLine = seen.get(foldText(name));
    if (name !== '' && firstLine !== undefined) fail(row.line, 'duplicate', String(firstLine));
    else seen.set(foldText(name), row.line);
    if (errors.length > before || priceCents === null) continue;
    const category = value('category');
    const description = value('description');
    products.push({
      name,
      priceCents,
      ...(category ? { category } : {}),
      ...(description ? { description } : {}),
      available: yes.has(availableText),
    });
  }
  if (errors.length === 0 && products.length === 0) fail(1, 'empty');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, products };
}
