/**
 * The quick replies a new shop starts with: the texts a small shop sends every day, already
 * personalised. Ids are stable so that the starter set can be recognised later.
 */
import type { Language, QuickReply } from '../domain';

type Starter = Omit<QuickReply, 'id'>;

const ptBR: Starter[] = [
  {
    shortcut: 'ola',
    title: 'Saudação',
    text: '{{saudacao}}, {{primeiro_nome|cliente}}! Aqui é da {{loja|nossa loja}}. Como posso ajudar?',
  },
  { shortcut: 'horario', title: 'Horário de funcionamento', text: 'Nosso horário de atendimento: {{horario_loja}}.' },
  { shortcut: 'endereco', title: 'Endereço', text: 'Estamos em {{endereco_loja}}. Será um prazer receber você!' },
  {
    shortcut: 'pronto',
    title: 'Pedido pronto para retirada',
    text: 'Oi, {{primeiro_nome|cliente}}! Seu pedido está pronto para retirada em {{endereco_loja}}. Até já!',
  },
  {
    shortcut: 'pix',
    title: 'Pagamento por Pix',
    text: 'Aceitamos Pix! Assim que fizer o pagamento, é só mandar o comprovante aqui mesmo, {{primeiro_nome|cliente}}.',
  },
  {
    shortcut: 'aguarde',
    title: 'Um momento',
    text: 'Só um instante, {{primeiro_nome|cliente}}, já verifico para você.',
  },
  {
    shortcut: 'prazo',
    title: 'Atendimento até',
    text: 'Conseguimos continuar esta conversa por aqui até {{janela_fecha}}. Depois disso, é só nos mandar uma nova mensagem.',
  },
  { shortcut: 'site', title: 'Site e catálogo', text: 'Veja nossos produtos em {{site_loja}}.' },
  {
    shortcut: 'obrigado',
    title: 'Agradecimento',
    text: 'Muito obrigado pela preferência, {{primeiro_nome|cliente}}! Qualquer coisa, estamos por aqui.',
  },
];

const en: Starter[] = [
  {
    shortcut: 'hi',
    title: 'Greeting',
    text: '{{greeting}}, {{first_name|there}}! This is {{shop_name|the shop}}. How can I help?',
  },
  { shortcut: 'hours', title: 'Opening hours', text: 'Our opening hours: {{shop_hours}}.' },
  { shortcut: 'address', title: 'Address', text: 'You can find us at {{shop_address}}. See you soon!' },
  {
    shortcut: 'ready',
    title: 'Order ready for pickup',
    text: 'Hi {{first_name|there}}! Your order is ready for pickup at {{shop_address}}. See you soon!',
  },
  {
    shortcut: 'payment',
    title: 'Payment',
    text: 'You can pay by bank transfer or Pix. Once paid, just send the receipt here, {{first_name|there}}.',
  },
  { shortcut: 'wait', title: 'One moment', text: 'One moment, {{first_name|there}}, let me check that for you.' },
  {
    shortcut: 'window',
    title: 'Reply time',
    text: 'We can keep chatting here until {{window_closes_at}}. After that, just send us a new message.',
  },
  { shortcut: 'website', title: 'Website and catalogue', text: 'See our products at {{shop_website}}.' },
  {
    shortcut: 'thanks',
    title: 'Thank you',
    text: 'Thank you for shopping with us, {{first_name|there}}! We are here if you need anything.',
  },
];

export function starterQuickReplies(language: Language): QuickReply[] {
  return (language === 'en' ? en : ptBR).map((starter) => ({ id: `starter-${starter.shortcut}`, ...starter }));
}
