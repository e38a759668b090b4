/**
 * What the shop sends about a booking outside the booking chat: the automatic reminder, and the
 * messages staff are offered when they create, move or cancel a booking by hand. Plain text with
 * WhatsApp's *bold*, like the booking chat.
 */
import type { Language } from '../../../shared/domain';

interface StaffBookingTexts {
  reminder: (service: string, when: string) => string;
  created: (service: string, when: string) => string;
  moved: (service: string, when: string) => string;
  cancelled: (service: string, when: string) => string;
  confirmed: (service: string, when: string) => string;
  /** Sent with the customer's own confirmation the day before. */
  whereToFind: (address: string) => string;
}

const texts: Record<Language, StaffBookingTexts> = {
  'pt-BR': {
    reminder: (service, when) =>
      `Lembrete: seu horário de *${service}* é ${when}. Responda *1* para confirmar ou escreva *remarcar* ou *cancelar*.`,
    created: (service, when) => `Seu horário está marcado: *${service}*, ${when}. Até lá!`,
    moved: (service, when) => `Seu horário foi remarcado: *${service}*, ${when}.`,
    cancelled: (service, when) =>
      `Seu horário de *${service}*, ${when}, foi cancelado. Se quiser marcar outro, é só responder.`,
    confirmed: (service, when) => `Horário confirmado: *${service}*, ${when}. Esperamos você!`,
    whereToFind: (address) => `Endereço: ${address}`,
  },
  en: {
    reminder: (service, when) =>
      `Reminder: your *${service}* is ${when}. Reply *1* to confirm, or write *reschedule* or *cancel*.`,
    created: (service, when) => `You're booked: *${service}*, ${when}. See you then!`,
    moved: (service, when) => `Your booking was moved: *${service}*, ${when}.`,
    cancelled: (service, when) => `Your *${service}* on ${when} was cancelled. If you'd like another time, just reply.`,
    confirmed: (service, when) => `Booking confirmed: *${service}*, ${when}. See you!`,
    whereToFind: (address) => `Address: ${address}`,
  },
};

export function staffBookingTexts(language: Language): StaffBookingTexts {
  return texts[language];
}
