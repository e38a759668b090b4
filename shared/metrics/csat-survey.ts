/**
 * The satisfaction survey a shop sends from a conversation: its editable text (a quick-reply-style
 * template, so it may greet the customer by name) and whether marking a conversation done sends it.
 */
import { z } from 'zod';
import type { Language } from '../domain';

export const csatSettingsSchema = z.object({
  /** Null: the default text in the UI's language, so a shop that never edits it follows a language change. */
  surveyTemplate: z.string().trim().min(1).max(1000).nullable().default(null),
  sendSurveyWhenDone: z.boolean().default(false),
});
export type CsatSettings = z.infer<typeof csatSettingsSchema>;

export const defaultCsatSettings: CsatSettings = { surveyTemplate: null, sendSurveyWhenDone: false };

const defaultTemplates: Record<Language, string> = {
  'pt-BR': 'Oi, {{first_name}}! De 1 a 5, como foi seu atendimento? Responda só com o número.',
  en: 'Hi {{first_name}}! From 1 to 5, how was our service? Just reply with the number.',
};

export function defaultSurveyTemplate(language: Language): string {
  return defaultTemplates[language];
}

export function surveyTemplateOf(settings: CsatSettings, language: Language): string {
  return settings.surveyTemplate ?? defaultSurveyTemplate(language);
}
