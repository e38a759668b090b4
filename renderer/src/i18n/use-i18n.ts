/** The person's language and formatters, from settings; components use these, never `messages` directly. */
import { useMemo } from 'react';
import { createFormatter, translatorFor, type Formatter, type Translate } from '../../../shared/i18n';
import { selectLanguage, useSettings } from '../stores/settings-store';

export function useT(): Translate {
  const language = useSettings(selectLanguage);
  return useMemo(() => translatorFor(language), [language]);
}

export function useFormatter(): Formatter {
  const language = useSettings(selectLanguage);
  const timeZone = useSettings((state) => state.settings?.timeZone);
  return useMemo(
    () => createFormatter({ language, timeZone, preferredLocales: navigator.languages }),
    [language, timeZone],
  );
}
