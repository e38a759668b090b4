/** What the booking bot says, in the shop's language. Plain text with WhatsApp's *bold*, no emoji. */
import type { Language } from '../domain';
import { formatBrl } from '../orders/money';
import type { Service } from './booking-schemas';

export interface BookingTexts {
  chooseService: string;
  noServices: string;
  chooseDay: (service: string) => string;
  noFreeDays: (service: string) => string;
  noSlotsOnDay: (day: string) => string;
  chooseSlot: (day: string) => string;
  summary: (service: string, when: string, duration: string, price: string | null) => string;
  confirmOptions: string;
  booked: (service: string, when: string) => string;
  moved: (service: string, when: string) => string;
  confirmOnTheDayBefore: string;
  howToChange: string;
  slotTaken: string;
  notBooked: string;
  askCancel: (service: string, when: string) => string;
  cancelOptions: string;
  cancelled: (service: string, when: string) => string;
  kept: (service: string, when: string) => string;
  confirmedByCustomer: (service: string, when: string) => string;
  didNotUnderstand: string;
  timedOut: string;
  left: string;
}

const texts: Record<Language, BookingTexts> = {
  'pt-BR': {
    chooseService: 'Qual serviço você quer agendar? Responda com o número:',
    noServices: 'No momento não há serviços disponíveis para agendar pelo WhatsApp.',
    chooseDay: (service) => `${service}: escolha o dia (ou escreva, por exemplo, *amanhã*, *sexta* ou *28/11*):`,
    noFreeDays: (service) => `Não há horários livres para ${service} nos próximos dias.`,
    noSlotsOnDay: (day) => `Não há horários livres em ${day}. Escolha um dos dias abaixo:`,
    chooseSlot: (day) => `Horários livres em ${day}:`,
    summary: (service, when, duration, price) =>
      [`*${service}*`, `${when} (${duration})`, ...(price === null ? [] : [price])].join('\n'),
    confirmOptions: '1 Confirmar · 2 Cancelar',
    booked: (service, when) => `Agendado: *${service}*, ${when}.`,
    moved: (service, when) => `Horário remarcado: *${service}*, ${when}.`,
    confirmOnTheDayBefore: 'Responda *1* na véspera para confirmar.',
    howToChange: 'Para cancelar ou remarcar, escreva *cancelar* ou *remarcar*.',
    slotTaken: 'Esse horário acabou de ser reservado por outra pessoa. Os próximos horários livres são:',
    notBooked: 'Tudo bem, nada foi agendado.',
    askCancel: (service, when) => `Cancelar seu horário de *${service}*, ${when}?`,
    cancelOptions: '1 Sim, cancelar · 2 Não, manter',
    cancelled: (service, when) => `Cancelado: ${service}, ${when}.`,
    kept: (service, when) => `Seu horário continua marcado: ${service}, ${when}.`,
    confirmedByCustomer: (service, when) => `Confirmado! Esperamos você: *${service}*, ${when}.`,
    didNotUnderstand: 'Não entendi. Responda com o número de uma das opções:',
    timedOut: 'Como a conversa ficou parada, encerrei o agendamento. Quando quiser, é só começar de novo.',
    left: 'Tudo bem, saí do agendamento.',
  },
  en: {
    chooseService: 'Which service would you like to book? Reply with its number:',
    noServices: 'There are no services to book over WhatsApp right now.',
    chooseDay: (service) => `${service}: pick a day (or type, for example, *tomorrow*, *Friday* or *28/11*):`,
    noFreeDays: (service) => `There are no free times for ${service} in the coming days.`,
    noSlotsOnDay: (day) => `There are no free times on ${day}. Pick one of these days:`,
    chooseSlot: (day) => `Free times on ${day}:`,
    summary: (service, when, duration, price) =>
      [`*${service}*`, `${when} (${duration})`, ...(price === null ? [] : [price])].join('\n'),
    confirmOptions: '1 Confirm · 2 Cancel',
    booked: (service, when) => `Booked: *${service}*, ${when}.`,
    moved: (service, when) => `Moved: *${service}*, ${when}.`,
    confirmOnTheDayBefore: 'Reply *1* on the day before to confirm.',
    howToChange: 'To cancel or change it, write *cancel* or *reschedule*.',
    slotTaken: 'That time was just taken by someone else. The next free times are:',
    notBooked: 'All right, nothing was booked.',
    askCancel: (service, when) => `Cancel your *${service}*, ${when}?`,
    cancelOptions: '1 Yes, cancel · 2 No, keep it',
    cancelled: (service, when) => `Cancelled: ${service}, ${when}.`,
    kept: (service, when) => `Your booking stays as it was: ${service}, ${when}.`,
    confirmedByCustomer: (service, when) => `Confirmed! See you: *${service}*, ${when}.`,
    didNotUnderstand: "Sorry, I didn't get that. Reply with the number of an option:",
    timedOut: 'The conversation went quiet, so I closed the booking. Start again whenever you like.',
    left: 'All right, I left the booking.',
  },
};

export function bookingTexts(language: Language): BookingTexts {
  return texts[language];
}

export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "Corte — 30 min · R$ 50,00" */
export function serviceLabel(service: Service): string {
  const price = service.priceCents === null ? '' : ` · ${formatBrl(service.priceCents)}`;
  return `${service.name} — ${formatDuration(service.durationMin)}${price}`;
}
