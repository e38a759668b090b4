import { describe, expect, it } from 'vitest';
import { deriveFirstName } from '../../../../shared/profiles/customer-name';

describe('deriveFirstName', () => {
  it.each([
    ['Maria da Silva', 'Maria'],
    ['  joão   pedro ', 'João'],
    ['MARIA APARECIDA', 'Maria'],
    ['ANA-LÚCIA Souza', 'Ana-Lúcia'],
    ['McKenzie Brown', 'McKenzie'],
    ["D'Ávila Ramos", "D'Ávila"],
    ['Zoë', 'Zoë'],
    ['\u00a0Maria\u00a0\u00a0Clara', 'Maria'],
    ['\tÉrica\nSantos', 'Érica'],
  ])('%j → %j (spaces, accents, case)', (name, first) => {
    expect(deriveFirstName(name)).toBe(first);
  });

  it('keeps composed and decomposed accents the same', () => {
    expect(deriveFirstName('Jose\u0301 Silva')).toBe('José');
    expect(deriveFirstName('Jose\u0301 Silva')).toBe(deriveFirstName('José Silva'));
  });

  it.each([
    ['🌸 Maria', 'Maria'],
    ['Maria🌸', 'Maria'],
    ['Maria 🌸🌸 Souza', 'Maria'],
    ['(Maria), Souza', 'Maria'],
    ['👩‍👧 Família Souza', 'Família'],
  ])('%j → %j (emoji and punctuation)', (name, first) => {
    expect(deriveFirstName(name)).toBe(first);
  });

  it.each([
    ['Sra. Ana Souza', 'Ana'],
    ['Dr. Paulo', 'Paulo'],
    ['dra carla', 'Carla'],
    ['Dona Maria', 'Maria'],
    ['Dona', 'Dona'],
  ])('%j → %j (honorifics)', (name, first) => {
    expect(deriveFirstName(name)).toBe(first);
  });

  it.each(['', '   ', '+55 11 98765-4321', '5511987654321', '😀😀', '-', '.'])('%j has no first name', (name) => {
    expect(deriveFirstName(name)).toBe('');
  });
});
