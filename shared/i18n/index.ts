/**
 * Janela's message catalogue: pt-BR by default, English available. Each feature's messages live in
 * `messages/<feature>.ts`; add the file to `catalogues` below and its keys join `MessageKey`.
 */
import type { Language } from '../domain';
import type { Catalogue } from './define-messages';
import { automationMessages } from './messages/automations';
import { formatCount, pluralCategory } from './plural';
import { chatListMessages } from './messages/chat-list';
import { commonMessages } from './messages/common';
import { connectMessages } from './messages/connect';
import { conversationMessages } from './messages/conversation';
import { errorMessages } from './messages/errors';
import { notificationMessages } from './messages/notifications';
import { metricsMessages } from './messages/metrics';
import { profileMessages } from './messages/profile';
import { quickReplyMessages } from './messages/quick-replies';
import { bookingMessages } from './messages/bookings';
import { orderMessages } from './messages/orders';
import { mediaMessages } from '../media/media-messages';
import { mediaViewMessages } from './messages/media';
import { settingsMessages } from './messages/settings';
import { storeMessages } from './messages/store';
import { startupMessages } from './messages/startup';

export const catalogues = [
  commonMessages,
  errorMessages,
  chatListMessages,
  conversationMessages,
  connectMessages,
  settingsMessages,
  quickReplyMessages,
  profileMessages,
  storeMessages,
  startupMessages,
  notificationMessages,
  automationMessages,
  metricsMessages,
  bookingMessages,
  orderMessages,
  mediaMessages,
  mediaViewMessages,
] as const;

type KeysOf<C> = C extends Catalogue<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof catalogues)[number]>;
export type MessageParams = Readonly<Record<string, string | number>>;

export const DEFAULT_LANGUAGE: Language = 'pt-BR';
export const languages: readonly Language[] = ['pt-BR', 'en'];

function merge(language: Language): Readonly<Record<MessageKey, string>> {
  return Object.assign({}, ...catalogues.map((catalogue) => catalogue[language])) as Record<MessageKey, string>;
}

// Merged on first use, one language at a time: a window shows one language, and merging both at
// start-up was work inside the first, longest task of loading the window.
const merged = new Map<Language, Readonly<Record<MessageKey, string>>>();

/** Every message of one language. */
export function messagesFor(language: Language): Readonly<Record<MessageKey, string>> {
  let catalogue = merged.get(language);
  if (!catalogue) {
    catalogue = merge(language);
    merged.set(language, catalogue);
  }
  return catalogue;
}

const placeholderPattern = /\{(\w+)\}/g;

/** The `{name}` placeholders of a message, for checks that both languages take the same ones. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((match) => match[1] ?? '').sort();
}

/** A missing parameter stays visible as `{name}` so a forgotten argument shows up in review and tests. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = messagesFor(language)[key];
  if (!params) return template;
  return template.replace(placeholderPattern, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Keys that are counts: the part before `.other` of every `<key>.other` message. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/**
 * A count in words: picks `<key>.<category>` by Intl.PluralRules (falling back to `<key>.other`) and
 * fills `{count}` with the number as the language writes it.
 */
export function plural(language: Language, key: PluralKey, count: number, params?: MessageParams): string {
  const catalogue = messagesFor(language) as Readonly<Record<string, string>>;
  const candidate = `${key}.${pluralCategory(language, count)}`;
  const chosen = (candidate in catalogue ? candidate : `${key}.other`) as MessageKey;
  return translate(language, chosen, { ...params, count: formatCount(language, count) });
}

export type TranslatePlural = (key: PluralKey, count: number, params?: MessageParams) => string;

export function pluralFor(language: Language): TranslatePlural {
  return (key, count, params) => plural(language, key, count, params);
}

export function translatorFor(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}

export { createFormatter, formatCountdown, localeFor, type Formatter } from './format';
export { errorMessageKey } from './error-message';
export { formatCount, pluralCategory, selectPlural, type PluralCategory } from './plural';
