import { defaultNotificationSettings, type Language, type Settings } from '../domain';

export function defaultSettings(timeZone: string, language: Language = 'pt-BR'): Settings {
  return {
    language,
    timeZone,
    closingSoonMinutes: 240,
    reactionsRenewWindow: false,
    // Unofficial clients get banned for bursts; a few seconds between sends is invisible to staff.
    sendIntervalMs: 2000,
    browserPath: null,
    shop: { name: '', address: '', hours: '', website: '' },
    notifications: { ...defaultNotificationSettings },
  };
}
