import { describe, expect, it } from 'vitest';
import { parseCartCommand } from '../../../../shared/orders/quantity-input';

describe('what a customer types to fill the cart', () => {
  it.each([
    ['2x 3', { kind: 'add', item: 3, quantity: 2 }],
    ['2 x 3', { kind: 'add', item: 3, quantity: 2 }],
    ['2X3', { kind: 'add', item: 3, quantity: 2 }],
    ['dois x 3', { kind: 'add', item: 3, quantity: 2 }],
    ['3 2 unidades', { kind: 'add', item: 3, quantity: 2 }],
    ['3 2un', { kind: 'add', item: 3, quantity: 2 }],
    ['3 - 2 unidades', { kind: 'add', item: 3, quantity: 2 }],
    ['3 duas unidades', { kind: 'add', item: 3, quantity: 2 }],
    ['mais 1 do 4', { kind: 'add', item: 4, quantity: 1 }],
    ['mais um do 4', { kind: 'add', item: 4, quantity: 1 }],
    ['+2 da 4', { kind: 'add', item: 4, quantity: 2 }],
    ['quero 2 do 5', { kind: 'add', item: 5, quantity: 2 }],
    ['4', { kind: 'add', item: 4, quantity: 1 }],
    ['o 4', { kind: 'add', item: 4, quantity: 1 }],
    ['4.', { kind: 'add', item: 4, quantity: 1 }],
    ['2 more of 4', { kind: 'add', item: 4, quantity: 2 }],
    ['remover 2', { kind: 'remove', line: 2, quantity: null }],
    ['Remover o 2', { kind: 'remove', line: 2, quantity: null }],
    ['tirar o 3', { kind: 'remove', line: 3, quantity: null }],
    ['tira o 3', { kind: 'remove', line: 3, quantity: null }],
    ['remover 1 do 2', { kind: 'remove', line: 2, quantity: 1 }],
    ['remove 2', { kind: 'remove', line: 2, quantity: null }],
    ['0', null],
    ['0x 3', null],
    ['100x 2', null],
    ['remover', null],
    ['banana', null],
    ['', null],
  ])('%j', (text, expected) => {
    expect(parseCartCommand(text)).toEqual(expected);
  });
});
