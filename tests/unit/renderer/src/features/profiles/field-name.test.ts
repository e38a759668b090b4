import { describe, expect, it } from 'vitest';
import { fieldNameProblem, toFieldName } from '../../../../../../renderer/src/features/profiles/field-name';

describe('custom field names', () => {
  it('are made from what staff type', () => {
    expect(toFieldName('Data de Retirada')).toBe('data_de_retirada');
    expect(toFieldName('Order-ID')).toBe('order_id');
    expect(toFieldName('Nº pedido!')).toBe('n_pedido');
  });

  it('must be valid, not built-in and not repeated', () => {
    expect(fieldNameProblem('order_id', [])).toBeNull();
    expect(fieldNameProblem('1st', [])).toBe('invalid');
    expect(fieldNameProblem('', [])).toBe('invalid');
    expect(fieldNameProblem('first_name', [])).toBe('built-in');
    // A Portuguese alias is the built-in too.
    expect(fieldNameProblem('telefone', [])).toBe('built-in');
    expect(fieldNameProblem('primeiro_nome', [])).toBe('built-in');
    expect(fieldNameProblem('order_id', ['order_id'])).toBe('duplicate');
  });
});
