/** The person's language and formatters, from settings; components use these, never `messages` directly. */
import { useMemo } from 'react';
import type { Language } from '../../../shared/domain';
import {
  createFormatter,
  pluralFor,
  translatorFor,
  type Formatter,
  type Translate,
  type TranslatePlural,
} from '../../../shared/i18n';
import { selectLanguage, useSettings } from '../features/settings/settings-store';

export function useT(): Translate {
  const language = useSettings(selectLanguage);
  return useMemo(() => translatorFor(language), [language]);
}

/** Counts in words: `plural('chatList.unread', 1)` → "1 não lida". */
export function usePlural(): TranslatePlural {
  const language = useSettings(selectLanguage);
  return useMemo(() => pluralFor(language), [language]);
}

// One formatter per language and zone for the whole app: building Intl formats per row is slow.
const formatters = new Map<string, Formatter>();

function formatterFor(language: Language, timeZone: string | undefined): Formatter {
  const key = `${language}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = createFormatter({ language, timeZone, preferredLocales: navigator.languages });
    formatters.set(key, formatter);
  }
  return formatter;
}

export function useFormatter(): Formatter {
  const language = useSettings(selectLanguage);
  const timeZone = useSettings((state) => state.settings?.timeZone);
  return formatterFor(language, timeZone);
}
