/**
 * The numbered text menu sent with the greeting (a linked device cannot send buttons or lists).
 * Options are a small typed registry: a later feature (bookings, orders) adds its action kind to
 * `menuActionSchema` and the compiler then points at every place that must handle it.
 */
import { z } from 'zod';
import { languageSchema, type Language } from '../domain';
import { neutraliseBraces } from '../templates/placeholders';
import { phraseScore } from './fuzzy-score';
import { STARTER_FAQ_RULE_IDS } from './starter-faq-rules';
import { contentTokens } from './text-normalise';
import { parseNumberedChoice } from '../text/numbered-choice';

/** The conversations the bot can lead over several messages (see electron/backend/automations/chat-flow.ts). */
export const chatFlowNameSchema = z.enum(['booking', 'order']);
export type ChatFlowName = z.infer<typeof chatFlowNameSchema>;

export const menuActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('faq'), ruleId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('handoff') }),
  z.object({ kind: z.literal('flow'), flow: chatFlowNameSchema }),
]);
export type MenuAction = z.infer<typeof menuActionSchema>;

export const menuOptionSchema = z.object({
  id: z.string().min(1).max(64),
  label: z.record(languageSchema, z.string().trim().min(1).max(60)),
  action: menuActionSchema,
});
export type MenuOption = z.infer<typeof menuOptionSchema>;

/** The most options a customer can pick by number word ("um" … "nove"); a longer menu is a wall. */
export const MAX_MENU_OPTIONS = 9;

export function starterMenuOptions(): MenuOption[] {
  return [
    { id: 'menu-hours', label: { 'pt-BR': 'Horários', en: 'Opening hours' }, action: faq(STARTER_FAQ_RULE_IDS.hours) },
    { id: 'menu-address', label: { 'pt-BR': 'Endereço', en: 'Address' }, action: faq(STARTER_FAQ_RULE_IDS.address) },
    {
      id: 'menu-payment',
      label: { 'pt-BR': 'Formas de pagamento', en: 'Payment methods' },
      action: faq(STARTER_FAQ_RULE_IDS.payment),
    },
    { id: 'menu-delivery', label: { 'pt-BR': 'Entrega', en: 'Delivery' }, action: faq(STARTER_FAQ_RULE_IDS.delivery) },
    {
      id: 'menu-person',
      label: { 'pt-BR': 'Falar com uma pessoa', en: 'Talk to a person' },
      action: { kind: 'handoff' },
    },
  ];
}

function faq(ruleId: string): MenuAction {
  return { kind: 'faq', ruleId };
}

/**
 * The options a customer can be offered: one that starts a flow nobody registered (bookings off,
 * no catalogue) is left out, so its number never leads nowhere. Numbers follow this list.
 */
export function offeredMenuOptions(options: readonly MenuOption[], flows: ReadonlySet<ChatFlowName>): MenuOption[] {
  return options.filter((option) => option.action.kind !== 'flow' || flows.has(option.action.flow));
}

const intro: Record<Language, string> = {
  'pt-BR': 'Responda com o número da opção:',
  en: 'Reply with the number of an option:',
};

/**
 * One option per line after a short instruction, "1. Horários": a line each reads well on a phone,
 * and "1." is what customers copy back. Labels are data, so braces in them cannot become placeholders.
 */
export function renderMenu(options: readonly MenuOption[], language: Language): string {
  const lines = options
    .slice(0, MAX_MENU_OPTIONS)
    .map((option, index) => `${index + 1}. ${neutraliseBraces(option.label[language])}`);
  return [intro[language], ...lines].join('\n');
}

/** Option words must say the option about as clearly as a FAQ trigger must say its rule. */
export const MENU_WORDS_THRESHOLD = 0.65;

/**
 * The option a reply picks: a number alone ("1.", "1️⃣", "um", "opção 1", and ordinals: "primeiro")
 * by position, else the option whose label the message says best in either language, if clearly enough.
 */
export function pickMenuOption(options: readonly MenuOption[], message: string): MenuOption | null {
  const shown = options.slice(0, MAX_MENU_OPTIONS);
  const number = parseNumberedChoice(message, { ordinals: true });
  if (number !== null) return shown[number - 1] ?? null;
  const messageTokens = contentTokens(message);
  let best: { option: MenuOption; score: number } | null = null;
  for (const option of shown) {
    for (const label of Object.values(option.label)) {
      const score = phraseScore(messageTokens, contentTokens(label));
      if (score >= MENU_WORDS_THRESHOLD && (best === null || score > best.score)) best = { option, score };
    }
  }
  return best?.option ?? null;
}
