/**
 * Chat text in one comparable form, shared by FAQ matching, the menu and the intents: lower case,
 * no accents, no punctuation or emoji, pt-BR chat shorthand spelled out ("vcs" → "voces").
 */

/** Shorthand as typed in chats, spelled out so it meets the words a shop owner writes in a trigger. */
const SHORTHAND: Readonly<Record<string, string>> = {
  vc: 'voce',
  vcs: 'voces',
  voce: 'voce',
  q: 'que',
  pq: 'porque',
  tb: 'tambem',
  tbm: 'tambem',
  hj: 'hoje',
  amnh: 'amanha',
  td: 'tudo',
  qdo: 'quando',
  qnd: 'quando',
  qto: 'quanto',
  qt: 'quanto',
  qts: 'quantos',
  msg: 'mensagem',
  cmg: 'comigo',
  obg: 'obrigado',
  obgd: 'obrigado',
  obgda: 'obrigada',
  pfv: 'por favor',
  pfvr: 'por favor',
  pf: 'por favor',
  n: 'nao',
  nd: 'nada',
  ngm: 'ninguem',
  alg: 'alguem',
  agr: 'agora',
  dps: 'depois',
  aq: 'aqui',
  pra: 'para',
  pro: 'para o',
  fds: 'fim de semana',
  sab: 'sabado',
  dom: 'domingo',
  hr: 'hora',
  hrs: 'horas',
  end: 'endereco',
  u: 'you',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
};

/** Words that carry no meaning of their own in a question to a shop, in pt-BR and en. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a o as os um uma uns umas de do da dos das no na nos nas em e ou que qual quais com por para ' +
    'se me te lhe eu voce voces vos tu ele ela eles elas nos seu sua seus suas meu minha teu tua ' +
    'esse essa este esta isso isto aqui ai la oi ola ei bom boa dia tarde noite tudo bem por favor ' +
    'gostaria queria quero saber pode podem poderia ja mais tem tambem ate so entao ne ok sim ' +
    'the an is are do does you your i me my we our to of in on at for it and or what which can could ' +
    'please hi hello hey would like want know there'
  ).split(' '),
);

// One inbound message is normalised by each of the bot's checks in turn (opt-out, person, fingerprint,
// FAQ, menu): the last answer is kept, which saves most of the bot's time per message.
let lastText: string | null = null;
let lastNormalised = '';

export function normaliseText(text: string): string {
  if (text === lastText) return lastNormalised;
  lastNormalised = normaliseUncached(text);
  lastText = text;
  return lastNormalised;
}

function normaliseUncached(text: string): string {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    // "obrigadaaaa", "oiiii": a run of three or more of one letter is one letter.
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  return words.map((word) => SHORTHAND[word] ?? word).join(' ');
}

export function tokenise(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised === '' ? [] : normalised.split(' ');
}

/** The tokens that say something: stop words removed. */
export function contentTokens(text: string): string[] {
  return tokenise(text).filter((token) => !STOP_WORDS.has(token));
}
