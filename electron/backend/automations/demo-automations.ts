/**
 * The demo shop answers automatically, so anyone trying Janela sees the bot at work: switched on,
 * with opening hours (a lunch break on weekdays), the starter rules and the menu.
 */
import { defaultAutomationSettings, type AutomationSettings } from '../../../shared/automations/automation-settings';
import type { Language } from '../../../shared/domain';
import type { MenuOption } from '../../../shared/automations/menu';

export function demoAutomationSettings(language: Language): AutomationSettings {
  const weekday = [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ];
  const defaults = defaultAutomationSettings(language);
  // The demo bakery also takes tasting appointments and cake orders: both flows are in its menu,
  // before "talk to a person", which stays last.
  const person = defaults.menuOptions.filter((option) => option.action.kind === 'handoff');
  const others = defaults.menuOptions.filter((option) => option.action.kind !== 'handoff');
  const flows: MenuOption[] = [
    {
      id: 'menu-booking',
      label: { 'pt-BR': 'Agendar horário', en: 'Book an appointment' },
      action: { kind: 'flow', flow: 'booking' },
    },
    {
      id: 'menu-order',
      label: { 'pt-BR': 'Fazer pedido', en: 'Place an order' },
      action: { kind: 'flow', flow: 'order' },
    },
  ];
  return {
    ...defaults,
    enabled: true,
    menuEnabled: true,
    menuOptions: [...others, ...flows, ...person],
    businessHours: {
      weekly: [[], weekday, weekday, weekday, weekday, weekday, [{ start: '09:00', end: '13:00' }]],
      closedDates: [],
    },
  };
}
