/**
 * Which FAQ rule answers a customer's message: the rule with the best-scoring trigger phrase, if that
 * score clears FAQ_MATCH_THRESHOLD. The score is phraseScore's (see fuzzy-score.ts, which documents the formula) of the message's
 * content tokens against each trigger's, after normalising both sides the same way.
 */
import { z } from 'zod';
import { vocabularyScorer } from './fuzzy-score';
import { contentTokens } from './text-normalise';

export const faqRuleSchema = z.object({
  id: z.string().min(1).max(64),
  /** What the owner calls the rule in the settings list. */
  title: z.string().trim().min(1).max(80),
  triggers: z.array(z.string().trim().min(1).max(120)).min(1).max(50),
  /** A template: the existing placeholders plus {{next_open}}. */
  answer: z.string().min(1).max(4096),
  enabled: z.boolean().default(true),
});
export type FaqRule = z.infer<typeof faqRuleSchema>;

/**
 * The score a rule needs to answer. Chosen on the starter rules' test table: one-word questions
 * ("horário") score 0.70 against a two-word trigger, a question in other words with one shared
 * typo'd word ("a entrega do meu pedido atrasou") about 0.62, unrelated chat 0.
 */
export const FAQ_MATCH_THRESHOLD = 0.65;

export interface FaqMatch {
  ruleId: string;
  score: number;
  /** The trigger phrase that scored best, as the owner wrote it. */
  phrase: string;
}

/** A rule set ready for scoring: each enabled rule's triggers as indexes into one vocabulary. */
interface CompiledRules {
  vocabulary: string[];
  rules: { ruleId: string; phrases: { phrase: string; tokens: number[] }[] }[];
}

// Triggers change only when the owner saves the rules (a new array), but every customer message is
// scored against all of them: their folded tokens are worked out once per rule set, not per message.
const compiledRules = new WeakMap<readonly FaqRule[], CompiledRules>();

function compile(rules: readonly FaqRule[]): CompiledRules {
  const vocabulary: string[] = [];
  const indexOf = new Map<string, number>();
  const indexFor = (token: string) => {
    let index = indexOf.get(token);
    if (index === undefined) {
      index = vocabulary.push(token) - 1;
      indexOf.set(token, index);
    }
    return index;
  };
  const compiled = rules
    .filter((rule) => rule.enabled)
    .map((rule) => ({
      ruleId: rule.id,
      phrases: rule.triggers.map((phrase) => ({ phrase, tokens: contentTokens(phrase).map(indexFor) })),
    }));
  return { vocabulary, rules: compiled };
}

function compiledFor(rules: readonly FaqRule[]): CompiledRules {
  let compiled = compiledRules.get(rules);
  if (!compiled) {
    compiled = compile(rules);
    compiledRules.set(rules, compiled);
  }
  return compiled;
}

/** Every enabled rule's best score, in the rules' order. */
function scoreEach(rules: readonly FaqRule[], message: string): FaqMatch[] {
  const messageTokens = contentTokens(message);
  if (messageTokens.length === 0) return [];
  const { vocabulary, rules: compiled } = compiledFor(rules);
  const score = vocabularyScorer(vocabulary, messageTokens);
  return compiled.map(({ ruleId, phrases }) => {
    let best: FaqMatch = { ruleId, score: -1, phrase: '' };
    for (const { phrase, tokens } of phrases) {
      const phraseScore = score(tokens);
      if (phraseScore > best.score) best = { ruleId, score: phraseScore, phrase };
    }
    return best;
  });
}

/** Every enabled rule's best score, highest first (ties keep the rules' order): for the "Try it" box. */
export function scoreFaqRules(rules: readonly FaqRule[], message: string): FaqMatch[] {
  return scoreEach(rules, message).sort((a, b) => b.score - a.score);
}

export function bestFaqMatch(rules: readonly FaqRule[], message: string): FaqMatch | null {
  let best: FaqMatch | null = null;
  for (const match of scoreEach(rules, message)) if (best === null || match.score > best.score) best = match;
  return best && best.score >= FAQ_MATCH_THRESHOLD ? best : null;
}
