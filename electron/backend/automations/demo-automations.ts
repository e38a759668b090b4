/**
 * The demo shop answers automatically, so anyone trying Janela sees the bot at work: switched on,
 * with opening hours (a lunch break on weekdays), the starter rules and the menu.
 */
import { defaultAutomationSettings, type AutomationSettings } from '../../../shared/automations/automation-settings';
import type { Language, Shop } from '../../../shared/domain';

export function demoAutomationSettings(language: Language): AutomationSettings {
  const weekday = [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ];
  return {
    ...defaultAutomationSettings(language),
    enabled: true,
    menuEnabled: true,
    businessHours: {
      weekly: [[], weekday, weekday, weekday, weekday, weekday, [{ start: '09:00', end: '13:00' }]],
      closedDates: [],
    },
  };
}

/** What the starter answers fill in ({{shop_hours}}, {{shop_address}}). */
export function demoShop(language: Language): Shop {
  return language === 'en'
    ? {
        name: "Ana's Bakery",
        address: '120 Flower Street, downtown',
        hours: 'Mon–Fri 9am–12pm and 1pm–6pm, Sat 9am–1pm',
        website: '',
      }
    : {
        name: 'Doceria da Ana',
        address: 'Rua das Flores, 120 – Centro',
        hours: 'seg. a sex. das 9h às 12h e das 13h às 18h, sáb. das 9h às 13h',
        website: '',
      };
}
