import { describe, expect, it } from 'vitest';
import {
  bestFaqMatch,
  FAQ_MATCH_THRESHOLD,
  faqRuleSchema,
  scoreFaqRules,
  type FaqRule,
} from '../../../../shared/automations/faq-matching';
import { phraseScore, tokenSimilarity, typoDistance } from '../../../../shared/automations/fuzzy-score';
import { STARTER_FAQ_RULE_IDS, starterFaqRules } from '../../../../shared/automations/starter-faq-rules';
import { contentTokens, normaliseText } from '../../../../shared/automations/text-normalise';

const { hours, address, payment, delivery } = STARTER_FAQ_RULE_IDS;
const ptRules = starterFaqRules('pt-BR');
const enRules = starterFaqRules('en');

describe('normaliseText', () => {
  it.each([
    ['Horário de FUNCIONAMENTO?', 'horario de funcionamento'],
    ['Que horas vcs abrem???', 'que horas voces abrem'],
    ['pq vc n respondeu hj', 'porque voce nao respondeu hoje'],
    ['Obrigadaaaa!!! 😊', 'obrigada'],
    ['tb entregam no fds?', 'tambem entregam no fim de semana'],
    ['Opção 1️⃣', 'opcao 1'],
    ['  ', ''],
  ])('%j → %j', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });
});

describe('typo tolerance', () => {
  it.each([
    ['horario', 'horaro', 1],
    ['horario', 'hoarrio', 1],
    ['funcionamento', 'funcionamneto', 1],
    ['funcionamento', 'fucionamentu', 2],
    ['pix', 'fix', 1],
  ])('%s ~ %s is %i edit(s) away', (a, b, distance) => {
    expect(typoDistance(a, b, 3)).toBe(distance);
  });

  it.each([
    ['horario', 'horaro', true],
    ['abre', 'abrem', true],
    ['funcionamento', 'fucionamentu', true],
    ['pix', 'fix', false],
    ['bolo', 'boca', false],
    ['entrega', 'entregamos', true],
    ['obrigada', 'horario', false],
  ])('%s ~ %s similar: %s', (a, b, similar) => {
    expect(tokenSimilarity(a, b) > 0).toBe(similar);
  });
});

describe('phraseScore', () => {
  it('weighs how much of the phrase is said over how much of the message is about it', () => {
    expect(phraseScore(['horario'], ['horario'])).toBe(1);
    expect(phraseScore(['horario'], ['horario', 'funcionamento'])).toBeCloseTo(0.7);
    expect(phraseScore(['entregam', 'bolo', 'chocolate'], ['entregam'])).toBeCloseTo(0.6 + 0.4 / 3);
    expect(phraseScore([], ['horario'])).toBe(0);
  });
});

describe('bestFaqMatch with the pt-BR starter rules', () => {
  it.each([
    ['horario', hours],
    ['Horário?', hours],
    ['horaro', hours],
    ['que horas vcs abrem', hours],
    ['Que horas vocês abrem?', hours],
    ['que horas voces abre', hours],
    ['Horário de funcionamento?', hours],
    ['horario de funcionamneto', hours],
    ['qual o horário de vcs', hours],
    ['qual o horario de vcs', hours],
    ['vcs abrem sabado?', hours],
    ['Vocês abrem sábado?', hours],
    ['abrem no domingo?', hours],
    ['até q horas vcs ficam abertos hj?', hours],
    ['oi, bom dia! qual o horário de funcionamento de vocês?', hours],
    ['qual o endereço?', address],
    ['endereco', address],
    ['onde fica a loja de vcs?', address],
    ['vocês ficam onde?', address],
    ['aceita pix?', payment],
    ['Aceitam PIX', payment],
    ['pix?', payment],
    ['quais as formas de pagamento', payment],
    ['aceita cartao de credito?', payment],
    ['como faço pra pagar?', payment],
    ['vcs entregam?', delivery],
    ['vocês entregam no centro?', delivery],
    ['vocês entregam bolo de chocolate?', delivery],
    ['tem entrega?', delivery],
    ['qual a taxa de entrega', delivery],
    ['quanto é o frete?', delivery],
  ])('%j → %s', (message, ruleId) => {
    expect(bestFaqMatch(ptRules, message)?.ruleId).toBe(ruleId);
  });

  it.each([
    'quero um bolo de chocolate',
    'obrigada!',
    'Obrigado!!',
    'oi',
    'Oi, tudo bem?',
    'bom dia',
    'ok',
    '👍',
    '',
    'já fiz o pix',
    'a entrega do meu pedido atrasou',
    'onde está meu pedido?',
    'quanto custa o bolo de cenoura?',
    'vou querer 2 brigadeiros',
  ])('%j → no rule', (message) => {
    expect(bestFaqMatch(ptRules, message)).toBeNull();
  });
});

describe('bestFaqMatch with the en starter rules', () => {
  it.each([
    ['What are your opening hours?', hours],
    ['what time do u open', hours],
    ['are you open today?', hours],
    ["what's your address", address],
    ['where are you located?', address],
    ['do you accept pix?', payment],
    ['can I pay by card', payment],
    ['do you deliver to downtown?', delivery],
  ])('%j → %s', (message, ruleId) => {
    expect(bestFaqMatch(enRules, message)?.ruleId).toBe(ruleId);
  });

  it.each(['I want a chocolate cake', 'thanks!', 'hi', 'where is my order?'])('%j → no rule', (message) => {
    expect(bestFaqMatch(enRules, message)).toBeNull();
  });
});

describe('rules as the owner writes them', () => {
  const rule = (id: string, triggers: string[], enabled = true): FaqRule => ({
    id,
    title: id,
    triggers,
    answer: 'x',
    enabled,
  });

  it('reports the winning phrase as written and a score that cleared the threshold', () => {
    const match = bestFaqMatch(
      [rule('hours', ['Horário de funcionamento', 'que horas abrem'])],
      'horario de funcionamento',
    );
    expect(match).toEqual({ ruleId: 'hours', score: 1, phrase: 'Horário de funcionamento' });
    expect(FAQ_MATCH_THRESHOLD).toBeGreaterThan(0.5);
  });

  it('skips disabled rules and keeps the first rule on a tie', () => {
    const rules = [rule('first', ['entrega']), rule('second', ['entrega']), rule('off', ['horario'], false)];
    expect(bestFaqMatch(rules, 'entrega')?.ruleId).toBe('first');
    expect(bestFaqMatch(rules, 'horario')).toBeNull();
    expect(scoreFaqRules(rules, 'entrega').map((match) => match.ruleId)).toEqual(['first', 'second']);
  });

  it('ignores a trigger made only of stop words rather than matching everything', () => {
    expect(contentTokens('o que é')).toEqual([]);
    expect(bestFaqMatch([rule('empty', ['de que', 'o'])], 'de que')).toBeNull();
  });

  it('validates stored rules', () => {
    expect(faqRuleSchema.safeParse({ id: 'a', title: 'A', triggers: [], answer: 'x' }).success).toBe(false);
    expect(faqRuleSchema.parse({ id: 'a', title: 'A', triggers: ['a'], answer: 'x' }).enabled).toBe(true);
  });
});

describe('a rule set, compiled once', () => {
  it('answers from the rules as saved: an edited copy is matched afresh, the original unchanged', () => {
    expect(bestFaqMatch(ptRules, 'aceita pix?')?.ruleId).toBe(payment);
    const withoutPayment = ptRules.map((rule) => (rule.id === payment ? { ...rule, enabled: false } : rule));
    expect(bestFaqMatch(withoutPayment, 'aceita pix?')).toBeNull();
    const renamed = ptRules.map((rule) => (rule.id === payment ? { ...rule, triggers: ['aceita fiado'] } : rule));
    expect(bestFaqMatch(renamed, 'aceita fiado?')?.ruleId).toBe(payment);
    expect(bestFaqMatch(ptRules, 'aceita pix?')?.ruleId).toBe(payment);
  });
});
