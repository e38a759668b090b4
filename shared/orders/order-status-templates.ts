/**
 * What the shop tells a customer when staff move an order along, one editable template per status.
 * Only `{{first_name}}` with a fallback is used, so a template never blocks a send for a missing
 * value. "new" has none: the chat's own confirmation already told the customer.
 */
import type { Language } from '../domain';
import type { OrderStatus } from './order-schemas';

export type OrderStatusTemplates = Record<Exclude<OrderStatus, 'new'>, string>;

export const orderStatusTemplates: Record<Language, OrderStatusTemplates> = {
  'pt-BR': {
    accepted: 'Oi, {{first_name|tudo bem}}! Seu pedido foi aceito e já estamos preparando.',
    ready: 'Seu pedido está pronto!',
    'out-for-delivery': 'Seu pedido saiu para entrega e logo chega aí.',
    'ready-for-pickup': 'Seu pedido está pronto para retirada. Estamos esperando você!',
    done: 'Pedido entregue. Obrigado pela preferência, {{first_name|até a próxima}}!',
    cancelled: 'Seu pedido foi cancelado. Se tiver alguma dúvida, é só responder esta mensagem.',
  },
  en: {
    accepted: 'Hi {{first_name|there}}! Your order was accepted and we are preparing it.',
    ready: 'Your order is ready!',
    'out-for-delivery': 'Your order is on its way.',
    'ready-for-pickup': 'Your order is ready for pickup. See you soon!',
    done: 'Order delivered. Thank you, {{first_name|see you next time}}!',
    cancelled: 'Your order was cancelled. If you have any questions, just reply to this message.',
  },
};
