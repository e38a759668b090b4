/**
 * The demo shop answers automatically, so anyone trying Janela sees the bot at work: switched on,
 * with opening hours (a lunch break on weekdays), the starter rules and the menu.
 */
import { defaultAutomationSettings, type AutomationSettings } from '../../../shared/automations/automation-settings';
import type { Language } from '../../../shared/domain';

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
