/**
 * Reads a customer's reply to the satisfaction survey as a score from 1 to 5, or null when it is not
 * one. Only a message that is nothing but a score counts: "quero 5 pães" or "chega às 5?" are normal
 * messages, and a wrong score is worse than none because the owner cannot tell it apart.
 */

const wordScores: ReadonlyMap<string, number> = new Map([
  // pt-BR, written without accents: the message is compared after removing them.
  ['otimo', 5],
  ['otima', 5],
  ['excelente', 5],
  ['perfeito', 5],
  ['perfeita', 5],
  ['maravilhoso', 5],
  ['maravilhosa', 5],
  ['sensacional', 5],
  ['muito bom', 5],
  ['muito boa', 5],
  ['bom', 4],
  ['boa', 4],
  ['regular', 3],
  ['razoavel', 3],
  ['mais ou menos', 3],
  ['ruim', 2],
  ['muito ruim', 1],
  ['pessimo', 1],
  ['pessima', 1],
  ['horrivel', 1],
  ['terrivel', 1],
  // English.
  ['excellent', 5],
  ['great', 5],
  ['perfect', 5],
  ['amazing', 5],
  ['awesome', 5],
  ['very good', 5],
  ['good', 4],
  ['ok', 3],
  ['okay', 3],
  ['average', 3],
  ['bad', 2],
  ['poor', 2],
  ['very bad', 1],
  ['terrible', 1],
  ['horrible', 1],
  ['awful', 1],
]);

const numberWords: ReadonlyMap<string, number> = new Map([
  ['um', 1],
  ['uma', 1],
  ['dois', 2],
  ['duas', 2],
  ['tres', 3],
  ['quatro', 4],
  ['cinco', 5],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
]);

// Thanks around a score ("ótimo, obrigado!") do not make it a different message.
const THANKS = String.raw`(?:muito )?(?:obrigad[oa]|obg|valeu|vlw|thanks|thank you)`;
const SCORE = String.raw`(?:nota )?(?<score>[1-5]|[a-z]+(?: [a-z]+)*?)(?: ?(?:estrelas?|stars?|\/ ?5|de 5|of 5|out of 5))?`;
const scoreMessage = new RegExp(`^(?:${THANKS} )?${SCORE}(?: ${THANKS})?$`);

const STARS = /^[⭐★🌟]{1,5}$/u;
const THUMBS_UP = /^(?:👍)+$/u;
const THUMBS_DOWN = /^(?:👎)+$/u;

function normalise(text: string): string {
  return (
    text
      .normalize('NFD')
      // Accents, emoji variation selectors (U+FE0F) and skin tones carry no score.
      .replace(/[\p{M}\u{1F3FB}-\u{1F3FF}]/gu, '')
      .toLowerCase()
      .replace(/[!?.,;:()*_~"'-]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export function parseCsatAnswer(text: string): number | null {
  // A score is a few words at most; a long message is a conversation, not an answer.
  if (text.length > 60) return null;
  const message = normalise(text);
  const compact = message.replace(/ /g, '');
  if (STARS.test(compact)) return [...compact].length;
  if (THUMBS_UP.test(compact)) return 5;
  if (THUMBS_DOWN.test(compact)) return 1;
  const starsAfterScore = /^(?<score>[1-5]) ?[⭐★🌟]$/u.exec(message);
  if (starsAfterScore?.groups?.score) return Number(starsAfterScore.groups.score);
  const match = scoreMessage.exec(message);
  const score = match?.groups?.score;
  if (score === undefined) return null;
  if (/^[1-5]$/.test(score)) return Number(score);
  return wordScores.get(score) ?? numberWords.get(score) ?? null;
}
