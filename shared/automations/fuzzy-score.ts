/**
 * How well a message says a phrase, tolerant of typos, word order and extra words. Shared by FAQ
 * matching and the menu's option words.
 */

// Three rows of the distance table, reused by every call: the matcher asks for hundreds of
// distances per message, and fresh arrays for each were most of what it allocated.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)] as const;

/**
 * Optimal-string-alignment Damerau–Levenshtein distance, stopping early once it must exceed `limit`
 * (the matcher only asks "within 1 or 2?", so long unrelated words cost little).
 */
export function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rows[0].length <= b.length) {
    const size = b.length * 2 + 1;
    rows = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  }
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length] ?? limit + 1;
}

/** Typos allowed for a word: none under 4 letters ("pix" ≠ "fix"), 1 from 4, 2 from 8. */
export function typoAllowance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

export const SIMILARITY = { exact: 1, typo: 0.85, stem: 0.7 } as const;
const MIN_STEM_LENGTH = 5;

/**
 * 1 for the same word, 0.85 within the typo allowance of the shorter word, 0.7 when the shorter
 * word (5+ letters) begins the longer one ("entrega" / "entregamos"), else 0.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return SIMILARITY.exact;
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  const allowance = typoAllowance(shorter.length);
  if (allowance > 0 && typoDistance(a, b, allowance) <= allowance) return SIMILARITY.typo;
  if (shorter.length >= MIN_STEM_LENGTH && longer.startsWith(shorter)) return SIMILARITY.stem;
  return 0;
}

export const COVERAGE_WEIGHT = 0.6;

/**
 * Score in [0, 1] of a message's content tokens against a phrase's:
 *   coverage  = mean over the phrase's tokens of their best similarity to any message token
 *               (how much of the phrase the message says),
 *   precision = mean over the message's tokens of their best similarity to any phrase token
 *               (how much of the message is about the phrase),
 *   score     = 0.6 × coverage + 0.4 × precision.
 * Coverage weighs more because customers add words ("vocês entregam bolo de chocolate?") more often
 * than they leave out a trigger's; precision still lets a one-word "horário" meet "horário de
 * funcionamento". Order is ignored. No tokens on either side scores 0.
 */
export function phraseScore(messageTokens: readonly string[], phraseTokens: readonly string[]): number {
  return vocabularyScorer(phraseTokens, messageTokens)(phraseTokens.map((_, index) => index));
}

/**
 * phraseScore for one message against many phrases written with one vocabulary (a rule set's
 * trigger words, each once): every vocabulary word's similarities to the message's words are
 * computed once, since a hundred rules' triggers share many words and the edit distance is the
 * matcher's main cost. A phrase is given as indexes into the vocabulary.
 */
export function vocabularyScorer(
  vocabulary: readonly string[],
  messageTokens: readonly string[],
): (phrase: readonly number[]) => number {
  const width = messageTokens.length;
  const similarities = new Float64Array(vocabulary.length * width);
  vocabulary.forEach((word, row) => {
    messageTokens.forEach((messageToken, column) => {
      similarities[row * width + column] = tokenSimilarity(word, messageToken);
    });
  });
  const bestForMessage = new Float64Array(width);
  return (phrase) => {
    if (width === 0 || phrase.length === 0) return 0;
    bestForMessage.fill(0);
    let covered = 0;
    for (const row of phrase) {
      let bestForPhrase = 0;
      for (let column = 0; column < width; column += 1) {
        const value = similarities[row * width + column] ?? 0;
        if (value > bestForPhrase) bestForPhrase = value;
        if (value > (bestForMessage[column] ?? 0)) bestForMessage[column] = value;
      }
      covered += bestForPhrase;
    }
    let explained = 0;
    for (const value of bestForMessage) explained += value;
    const coverage = covered / phrase.length;
    const precision = explained / width;
    return COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * precision;
  };
}
