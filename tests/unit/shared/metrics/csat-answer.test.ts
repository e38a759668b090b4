import { describe, expect, it } from 'vitest';
import { parseCsatAnswer } from '../../../../shared/metrics/csat-answer';

const scores: [string, number][] = [
  ['5', 5],
  ['1', 1],
  [' 3 ', 3],
  ['5!', 5],
  ['4.', 4],
  ['Nota 5', 5],
  ['nota: 4', 4],
  ['5 estrelas', 5],
  ['1 estrela', 1],
  ['5 stars', 5],
  ['5/5', 5],
  ['4 de 5', 4],
  ['3 out of 5', 3],
  ['5⭐', 5],
  ['⭐⭐⭐⭐', 4],
  ['⭐️⭐️⭐️⭐️⭐️', 5],
  ['⭐ ⭐ ⭐', 3],
  ['★★', 2],
  ['👍', 5],
  ['👍🏽', 5],
  ['👎', 1],
  ['Ótimo', 5],
  ['otimo!!', 5],
  ['ÓTIMA', 5],
  ['Excelente!', 5],
  ['muito bom', 5],
  ['Muito boa!', 5],
  ['bom', 4],
  ['Boa', 4],
  ['regular', 3],
  ['mais ou menos', 3],
  ['ruim', 2],
  ['muito ruim', 1],
  ['péssimo', 1],
  ['Pessima', 1],
  ['horrível', 1],
  ['great', 5],
  ['Excellent!', 5],
  ['very good', 5],
  ['good', 4],
  ['OK', 3],
  ['bad', 2],
  ['terrible', 1],
  ['Ótimo, obrigado!', 5],
  ['obrigada, 5', 5],
  ['cinco estrelas', 5],
  ['quatro', 4],
];

const notScores: string[] = [
  '',
  '   ',
  '0',
  '6',
  '10',
  '55',
  '4,5',
  'nota 10',
  'quero 5 pães',
  'obrigado pelo atendimento, chega às 5?',
  'às 5',
  'bom dia',
  'boa tarde!',
  'ok, pode mandar o pix',
  'muito obrigado',
  'obrigado',
  '⭐⭐⭐⭐⭐⭐',
  '👍👎',
  '5 pães',
  'good morning',
  'ótimo, mas o pedido veio errado e eu queria trocar por outro do mesmo tamanho',
];

describe('a customer’s answer to the satisfaction survey', () => {
  it.each(scores)('reads %j as %i', (text, score) => {
    expect(parseCsatAnswer(text)).toBe(score);
  });

  it.each(notScores)('leaves %j as a normal message', (text) => {
    expect(parseCsatAnswer(text)).toBeNull();
  });
});
