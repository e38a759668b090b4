import { describe, expect, it } from 'vitest';
import { parseNumberedChoice } from '../../../../shared/text/numbered-choice';

describe('parseNumberedChoice', () => {
  it.each([
    ['2', 2],
    [' 2 ', 2],
    ['2.', 2],
    ['2)', 2],
    ['*2*', 2],
    ['2️⃣', 2],
    ['0', 0],
    ['12', 12],
    ['opção 2', 2],
    ['opcao2', 2],
    ['nº 3', 3],
    ['n. 3', 3],
    ['número 4', 4],
    ['a 3', 3],
    ['option 1', 1],
    ['dois', 2],
    ['Três!', 3],
    ['option two', 2],
    ['zero', 0],
  ])('%j → %d', (text, number) => {
    expect(parseNumberedChoice(text)).toBe(number);
  });

  it.each(['', 'oi', '123', '2 bolos', 'quero 2 bolos', 'um bolo de chocolate', 'dia 3', 'segunda', 'sexta'])(
    '%j → nothing',
    (text) => {
      expect(parseNumberedChoice(text)).toBeNull();
    },
  );

  it('reads ordinals only when asked: in a list of days "segunda" is Monday', () => {
    expect(parseNumberedChoice('segunda', { ordinals: true })).toBe(2);
    expect(parseNumberedChoice('a primeira', { ordinals: true })).toBe(1);
    expect(parseNumberedChoice('third', { ordinals: true })).toBe(3);
    expect(parseNumberedChoice('segunda')).toBeNull();
  });
});
