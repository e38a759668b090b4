/**
 * Whether a message shows anything. A text of only zero-width spaces, direction marks or overrides,
 * the byte-order mark, Hangul fillers or the blank braille cell reaches the customer as an empty
 * bubble (or one that reorders the next message): it is refused like an empty one.
 */
// Blanks that combine with what precedes them stay out of the character class (lint: no-misleading-character-class).
const drawsNothing =
  /[\p{White_Space}\p{Cf}\p{Variation_Selector}\u115F\u180E\u2800\u3164\uFFA0]|\u1160|\u17B4|\u17B5|\u034F/gu;

export function hasVisibleText(text: string): boolean {
  return text.replace(drawsNothing, '').length > 0;
}
