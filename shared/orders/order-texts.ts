/** What the order bot says, in the shop's language. Plain text with WhatsApp's *bold*, no emoji. */
import type { Language } from '../domain';

export interface OrderTexts {
  nothingToOrder: string;
  chooseCategory: string;
  otherCategory: string;
  productsIn: (category: string | null) => string;
  productsHint: string;
  added: (quantity: number, name: string, subtotal: string) => string;
  emptyCart: string;
  cartHeading: string;
  subtotal: (amount: string) => string;
  cartOptions: string;
  chooseLineToRemove: string;
  belowMinimum: (minimum: string, missing: string) => string;
  chooseFulfilment: (fee: string | null) => string;
  askAddress: string;
  useRememberedAddress: (address: string) => string;
  askNote: string;
  summaryHeading: string;
  deliveryFee: (amount: string) => string;
  total: (amount: string) => string;
  deliverTo: (address: string) => string;
  pickup: string;
  note: (note: string) => string;
  confirmOptions: string;
  noLongerAvailable: (names: string) => string;
  priceChanged: (names: string) => string;
  placed: string;
  notPlaced: string;
  didNotUnderstand: string;
  timedOut: string;
}

const texts: Record<Language, OrderTexts> = {
  'pt-BR': {
    nothingToOrder: 'No momento não há produtos disponíveis para pedir pelo WhatsApp.',
    chooseCategory: 'O que você procura? Responda com o número:',
    otherCategory: 'Outros',
    productsIn: (category) => (category === null ? 'Nossos produtos:' : `${category}:`),
    productsHint:
      'Responda o número do produto (ou *2x 3* para 2 unidades do 3). *carrinho* mostra seu pedido, *finalizar* fecha.',
    added: (quantity, name, subtotal) => `Adicionado: ${quantity}x ${name}. Carrinho: ${subtotal}.`,
    emptyCart: 'Seu carrinho está vazio.',
    cartHeading: '*Seu carrinho*',
    subtotal: (amount) => `Subtotal: ${amount}`,
    cartOptions: '1 Finalizar pedido · 2 Adicionar itens · 3 Remover item',
    chooseLineToRemove: 'Qual item você quer remover?',
    belowMinimum: (minimum, missing) => `O pedido mínimo é ${minimum}. Faltam ${missing}.`,
    chooseFulfilment: (fee) =>
      `Como prefere receber?\n1 Retirar na loja\n2 Entrega${fee === null ? '' : ` (taxa ${fee})`}`,
    askAddress: 'Qual o endereço de entrega? (rua, número, bairro e complemento)',
    useRememberedAddress: (address) => `Onde entregamos?\n1 Usar ${address}\nOu escreva outro endereço.`,
    askNote: 'Alguma observação? (ex.: sem cebola, troco para R$ 50) Responda *0* se não tiver.',
    summaryHeading: '*Seu pedido*',
    deliveryFee: (amount) => `Entrega: ${amount}`,
    total: (amount) => `*Total: ${amount}*`,
    deliverTo: (address) => `Entregar em: ${address}`,
    pickup: 'Retirada na loja',
    note: (note) => `Observação: ${note}`,
    confirmOptions: '1 Confirmar · 2 Cancelar',
    noLongerAvailable: (names) => `Não temos mais disponível: ${names}. Tirei do carrinho.`,
    priceChanged: (names) => `O preço mudou: ${names}. Confira o valor atualizado.`,
    placed: 'Pedido recebido! Obrigado.',
    notPlaced: 'Tudo bem, o pedido foi cancelado.',
    didNotUnderstand: 'Não entendi. Responda com o número de uma das opções:',
    timedOut: 'Como a conversa ficou parada, encerrei o pedido. Quando quiser, é só começar de novo.',
  },
  en: {
    nothingToOrder: 'There are no products to order over WhatsApp right now.',
    chooseCategory: 'What are you looking for? Reply with its number:',
    otherCategory: 'Other',
    productsIn: (category) => (category === null ? 'Our products:' : `${category}:`),
    productsHint:
      'Reply with a product number (or *2x 3* for 2 of number 3). *cart* shows your order, *checkout* finishes it.',
    added: (quantity, name, subtotal) => `Added: ${quantity}x ${name}. Cart: ${subtotal}.`,
    emptyCart: 'Your cart is empty.',
    cartHeading: '*Your cart*',
    subtotal: (amount) => `Subtotal: ${amount}`,
    cartOptions: '1 Check out · 2 Add items · 3 Remove an item',
    chooseLineToRemove: 'Which item do you want to remove?',
    belowMinimum: (minimum, missing) => `The minimum order is ${minimum}. ${missing} to go.`,
    chooseFulfilment: (fee) =>
      `How would you like to get it?\n1 Pick up at the shop\n2 Delivery${fee === null ? '' : ` (fee ${fee})`}`,
    askAddress: 'What is the delivery address? (street, number, neighbourhood and details)',
    useRememberedAddress: (address) => `Where should we deliver?\n1 Use ${address}\nOr type another address.`,
    askNote: 'Anything we should know? (e.g. no onions) Reply *0* if not.',
    summaryHeading: '*Your order*',
    deliveryFee: (amount) => `Delivery: ${amount}`,
    total: (amount) => `*Total: ${amount}*`,
    deliverTo: (address) => `Deliver to: ${address}`,
    pickup: 'Pickup at the shop',
    note: (note) => `Note: ${note}`,
    confirmOptions: '1 Confirm · 2 Cancel',
    noLongerAvailable: (names) => `No longer available: ${names}. I took it out of the cart.`,
    priceChanged: (names) => `The price changed: ${names}. Please check the new total.`,
    placed: 'Order received! Thank you.',
    notPlaced: 'All right, the order was cancelled.',
    didNotUnderstand: "Sorry, I didn't get that. Reply with the number of an option:",
    timedOut: 'The conversation went quiet, so I closed the order. Start again whenever you like.',
  },
};

export function orderTexts(language: Language): OrderTexts {
  return texts[language];
}
