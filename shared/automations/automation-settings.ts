/**
 * The shop's automation settings as stored. Every field has a default, so a store written before a
 * field existed still reads; the master switch defaults to off, because a shop must choose to let a
 * bot speak for it.
 */
import { z } from 'zod';
import type { Language } from '../domain';
import { businessHoursSchema, defaultBusinessHours } from './business-hours';
import { faqRuleSchema } from './faq-matching';
import { MAX_MENU_OPTIONS, menuOptionSchema, starterMenuOptions } from './menu';
import { starterFaqRules } from './starter-faq-rules';

export const DEFAULT_GREETING_AFTER_DAYS = 14;
export const DEFAULT_MAX_BOT_MESSAGES_PER_HOUR = 5;

interface AutomationTexts {
  greeting: string;
  away: string;
  handoffAck: string;
  optOutAck: string;
}

const texts: Record<Language, AutomationTexts> = {
  'pt-BR': {
    greeting: '{{greeting}}, {{first_name|cliente}}! Aqui é da {{shop_name|nossa loja}}. Como podemos ajudar?',
    away: 'No momento estamos fechados. Abrimos {{next_open}} e respondemos sua mensagem assim que possível.',
    handoffAck: 'Certo! Uma pessoa da nossa equipe vai responder por aqui assim que possível.',
    optOutAck:
      'Tudo bem, não enviaremos mais mensagens automáticas. Se precisar de algo, é só escrever: uma pessoa da equipe responde.',
  },
  en: {
    greeting: '{{greeting}}, {{first_name|there}}! This is {{shop_name|the shop}}. How can we help?',
    away: "We're closed right now. We open {{next_open}} and will reply to your message as soon as we can.",
    handoffAck: 'Sure! Someone from our team will reply here as soon as possible.',
    optOutAck:
      "Done, we won't send you automatic messages any more. If you need anything, just write and a person will reply.",
  },
};

const templateSchema = z.string().trim().min(1).max(4096);

export const automationSettingsSchema = z.object({
  version: z.literal(1).default(1),
  /** The master switch: nothing automatic is sent while it is off. */
  enabled: z.boolean().default(false),
  businessHours: businessHoursSchema.default(defaultBusinessHours),
  greetingEnabled: z.boolean().default(true),
  greetingTemplate: templateSchema.default(texts['pt-BR'].greeting),
  /** A customer is greeted again after this many days of silence, as in the WhatsApp Business app. */
  greetingAfterDays: z.number().int().min(1).max(365).default(DEFAULT_GREETING_AFTER_DAYS),
  awayEnabled: z.boolean().default(true),
  awayTemplate: templateSchema.default(texts['pt-BR'].away),
  menuEnabled: z.boolean().default(false),
  menuOptions: z.array(menuOptionSchema).max(MAX_MENU_OPTIONS).default(starterMenuOptions),
  faqRules: z
    .array(faqRuleSchema)
    .max(500)
    .default(() => starterFaqRules('pt-BR')),
  handoffAckTemplate: templateSchema.default(texts['pt-BR'].handoffAck),
  optOutAckTemplate: templateSchema.default(texts['pt-BR'].optOutAck),
  /** Loop guard: bot messages per chat in any hour, so two bots cannot talk to each other for long. */
  maxBotMessagesPerHour: z.number().int().min(1).max(20).default(DEFAULT_MAX_BOT_MESSAGES_PER_HOUR),
});
export type AutomationSettings = z.infer<typeof automationSettingsSchema>;

/** A new shop's settings, with texts and starter rules in the shop's language; still switched off. */
export function defaultAutomationSettings(language: Language): AutomationSettings {
  const words = texts[language];
  return automationSettingsSchema.parse({
    greetingTemplate: words.greeting,
    awayTemplate: words.away,
    handoffAckTemplate: words.handoffAck,
    optOutAckTemplate: words.optOutAck,
    faqRules: starterFaqRules(language),
  });
}
