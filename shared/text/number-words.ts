/**
 * The words for 1–9 a customer types instead of the digit, in pt-BR (accents folded: "tres") and
 * English. Each reader adds its own: a numbered choice also takes "zero" (and, in the menu, ordinals), a
 * quantity "a" and "dez".
 */
export const DIGIT_WORDS: Readonly<Record<string, number>> = {
  um: 1,
  uma: 1,
  one: 1,
  dois: 2,
  duas: 2,
  two: 2,
  tres: 3,
  three: 3,
  quatro: 4,
  four: 4,
  cinco: 5,
  five: 5,
  seis: 6,
  six: 6,
  sete: 7,
  seven: 7,
  oito: 8,
  eight: 8,
  nove: 9,
  nine: 9,
};
