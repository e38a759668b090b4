/**
 * Two things a customer can ask for in any words, which override every automatic answer: a person,
 * and no more automatic messages.
 */
import { SIMILARITY, tokenSimilarity } from './fuzzy-score';
import { tokenise } from './text-normalise';

/** Each phrase matches as a run of consecutive words, typos allowed per word. */
const HUMAN_PHRASES: readonly string[] = [
  'atendente',
  'humano',
  'humana',
  'atendimento humano',
  'falar com alguem',
  'falar com pessoa',
  'falar com uma pessoa',
  'falar com gente',
  'falar com o dono',
  'falar com a dona',
  'pessoa de verdade',
  'pessoa real',
  'human',
  'agent',
  'talk to a person',
  'talk to someone',
  'speak to a person',
  'speak to someone',
  'real person',
  'representative',
];

function containsRun(tokens: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((word, offset) => tokenSimilarity(word, tokens[start + offset] ?? '') >= SIMILARITY.typo))
      return true;
  }
  return false;
}

const humanPhraseTokens = HUMAN_PHRASES.map((phrase) => phrase.split(' '));

export function wantsHuman(message: string): boolean {
  const tokens = tokenise(message);
  return humanPhraseTokens.some((phrase) => containsRun(tokens, phrase));
}

/**
 * The whole message must be the request, give or take politeness: "PARAR", "sair!", "Stop please",
 * "parar de receber mensagens". A sentence that merely contains "sair" ("não quero sair de casa") is
 * a conversation, not an opt-out. "cancelar" is not here: a customer who writes it means their
 * booking or order, and opting them out of every automatic message would be a costly misreading.
 */
const OPT_OUT_MESSAGES: ReadonlySet<string> = new Set([
  'parar',
  'pare',
  'sair',
  'stop',
  'descadastrar',
  'unsubscribe',
  'sair da lista',
  'parar mensagens',
  'parar de receber',
  'parar de receber mensagens',
  'quero parar de receber',
  'quero parar de receber mensagens',
  'nao quero receber mensagens',
  'nao quero mais receber',
  'nao quero mais receber mensagens',
  'nao me mande mais mensagens',
  'nao mande mais mensagens',
  'stop messages',
  'stop sending messages',
]);

const POLITENESS: ReadonlySet<string> = new Set(['por', 'favor', 'please', 'obrigado', 'obrigada', 'thanks', 'ok']);

export function isOptOut(message: string): boolean {
  const tokens = tokenise(message);
  const trimmed = [...tokens];
  while (trimmed.length > 0 && POLITENESS.has(trimmed[trimmed.length - 1] ?? '')) trimmed.pop();
  while (trimmed.length > 0 && POLITENESS.has(trimmed[0] ?? '')) trimmed.shift();
  return OPT_OUT_MESSAGES.has(trimmed.join(' '));
}
