/**
 * The FAQ rules a new shop starts with: the four questions small shops answer all day. Ids are the
 * same in both languages, so the starter menu links to them whichever language the shop uses.
 * Triggers avoid lone words that also open other conversations ("pix" in "já fiz o pix"), because a
 * lone-word trigger fully covers any message that contains it.
 */
import type { Language } from '../domain';
import type { FaqRule } from './faq-matching';

export const STARTER_FAQ_RULE_IDS = {
  hours: 'starter-hours',
  address: 'starter-address',
  payment: 'starter-payment',
  delivery: 'starter-delivery',
} as const;

type StarterText = Pick<FaqRule, 'title' | 'triggers' | 'answer'>;

const ptBR: Record<keyof typeof STARTER_FAQ_RULE_IDS, StarterText> = {
  hours: {
    title: 'Horário de funcionamento',
    triggers: [
      'horário',
      'horário de funcionamento',
      'que horas abre',
      'que horas abrem',
      'que horas fecha',
      'até que horas',
      'abre sábado',
      'abre domingo',
      'abre hoje',
      'está aberto',
      'abre feriado',
    ],
    answer: 'Nosso horário de atendimento: {{shop_hours}}.',
  },
  address: {
    title: 'Endereço',
    triggers: [
      'endereço',
      'qual o endereço',
      'onde fica',
      'onde fica a loja',
      'onde vocês ficam',
      'localização',
      'como chegar',
    ],
    answer: 'Estamos em {{shop_address}}. Será um prazer receber você!',
  },
  payment: {
    title: 'Formas de pagamento',
    triggers: [
      'formas de pagamento',
      'aceita pix',
      'aceitam pix',
      'chave pix',
      'aceita cartão',
      'cartão de crédito',
      'cartão de débito',
      'como pagar',
    ],
    answer: 'Aceitamos Pix, cartão de crédito e débito e dinheiro. No Pix, é só mandar o comprovante aqui mesmo.',
  },
  delivery: {
    title: 'Entrega',
    triggers: [
      'vocês entregam',
      'faz entrega',
      'fazem entrega',
      'taxa de entrega',
      'delivery',
      'frete',
      'entregam no bairro',
    ],
    answer: 'Fazemos entregas! Mande seu endereço que informamos o prazo e a taxa.',
  },
};

const en: Record<keyof typeof STARTER_FAQ_RULE_IDS, StarterText> = {
  hours: {
    title: 'Opening hours',
    triggers: [
      'opening hours',
      'hours',
      'what time do you open',
      'what time do you close',
      'are you open',
      'open today',
      'open on saturday',
      'open on sunday',
    ],
    answer: 'Our opening hours: {{shop_hours}}.',
  },
  address: {
    title: 'Address',
    triggers: [
      'address',
      'where are you located',
      'where is the shop',
      'where is your store',
      'location',
      'directions',
    ],
    answer: 'You can find us at {{shop_address}}. See you soon!',
  },
  payment: {
    title: 'Payment methods',
    triggers: ['payment methods', 'do you accept pix', 'pay by card', 'credit card', 'debit card', 'how can I pay'],
    answer: 'We accept Pix, credit and debit cards and cash. For Pix, just send the receipt here.',
  },
  delivery: {
    title: 'Delivery',
    triggers: ['do you deliver', 'delivery', 'delivery fee', 'shipping'],
    answer: 'We deliver! Send us your address and we will tell you the time and the fee.',
  },
};

export function starterFaqRules(language: Language): FaqRule[] {
  const texts = language === 'en' ? en : ptBR;
  return (Object.keys(STARTER_FAQ_RULE_IDS) as Array<keyof typeof STARTER_FAQ_RULE_IDS>).map((key) => ({
    id: STARTER_FAQ_RULE_IDS[key],
    ...texts[key],
    triggers: [...texts[key].triggers],
    enabled: true,
  }));
}
