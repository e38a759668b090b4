/**
 * Which FAQ rule answers a customer's message: the rule with the best-scoring trigger phrase, if that
 * score clears FAQ_MATCH_THRESHOLD. The score is phraseScore's (see fuzzy-score.ts, which documents the formula) of the message's
 * content tokens against each trigger's, after normalising both sides the same way.
 */
import { z } from 'zod';
import { messageScorer } from './fuzzy-score';
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

// Triggers change only when the owner edits them, but every inbound message is scored against all.
const phraseTokenCache = new Map<string, string[]>();

function phraseTokens(phrase: string): string[] {
  let tokens = phraseTokenCache.get(phrase);
  if (!tokens) {
    if (phraseTokenCache.size > 5000) phraseTokenCache.clear();
    tokens = contentTokens(phrase);
    phraseTokenCache.set(phrase, tokens);
  }
  return tokens;
}

/** Every enabled rule's best score, highest first (ties keep the rules' order): for the "Try it" box. */
export function scoreFaqRules(rules: readonly FaqRule[], message: string): FaqMatch[] {
  const messageTokens = contentTokens(message);
  const matches: FaqMatch[] = [];
  if (messageTokens.length === 0) return matches;
  const score = messageScorer(messageTokens);
  for (const rule of rules) {
    if (!rule.enabled) continue;
    let best: FaqMatch | null = null;
    for (const phrase of rule.triggers) {
      const phraseScore = score(phraseTokens(phrase));
      if (best === null || phraseScore > best.score) best = { ruleId: rule.id, score: phraseScore, phrase };
    }
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => b.score - a.score);
}

export function bestFaqMatch(rules: readonly FaqRule[], message: string): FaqMatch | null {
  const [best] = scoreFaqRules(rules, message);
  return best && best.score >= FAQ_MATCH_THRESHOLD ? best : null;
}
