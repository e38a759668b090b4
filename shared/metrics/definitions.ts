/**
 * What each figure means, as the app's help shows it. The English of the definitions is kept
 * word for word (issue 13 makes them the contract); median, 90th percentile and satisfaction are
 * defined here in the same spirit, as `statistics.ts` and `csat-answer.ts` compute them.
 */
import type { Language } from '../domain';

export type MetricTerm =
  | 'conversation'
  | 'restartedAfterExpiry'
  | 'answered'
  | 'missed'
  | 'pending'
  | 'responseRate'
  | 'firstResponseTime'
  | 'replyTime'
  | 'period'
  | 'median'
  | 'percentile90'
  | 'satisfaction';

export interface MetricDefinition {
  term: string;
  definition: string;
}

export const metricDefinitions: Readonly<Record<Language, Readonly<Record<MetricTerm, MetricDefinition>>>> = {
  en: {
    conversation: {
      term: 'Conversation',
      definition:
        'Starts with a customer message when no window is open for that customer (the first message ever, or the first after the previous window expired). Every customer message inside an open window belongs to it and extends its window. It ends when its window expires.',
    },
    restartedAfterExpiry: {
      term: 'Restarted after expiry',
      definition:
        'A conversation of a customer who already had an earlier, expired one. This is the measure the shop cares about most and no other WhatsApp tool reports: how many customers came back although their window had closed.',
    },
    answered: {
      term: 'Answered',
      definition:
        'A reply from the shop (typed in Janela or on the phone) went out while the window was open. Automatic replies (greeting, away, chatbot — later issues) are counted apart and never make a conversation "answered" by a human.',
    },
    missed: { term: 'Missed', definition: 'The window expired with a customer message still unanswered.' },
    pending: { term: 'Pending', definition: 'Still open, not yet answered.' },
    responseRate: {
      term: 'Response rate',
      definition: 'Response rate = answered ÷ (answered + missed). Pending conversations are not in it.',
    },
    firstResponseTime: {
      term: 'First response time',
      definition:
        "From the conversation's first customer message to the shop's first reply. Report average, median and 90th percentile.",
    },
    replyTime: {
      term: 'Reply time',
      definition: 'Over every wait (a customer message with no reply yet → the next shop reply), average and median.',
    },
    period: {
      term: 'Period',
      definition:
        "A conversation belongs to the period in which it started. All figures use the shop's time zone (the existing setting) for days and hours.",
    },
    median: {
      term: 'Median',
      definition:
        'The middle value when the times are put in order; with an even count, the mean of the two middle ones.',
    },
    percentile90: {
      term: '90th percentile',
      definition:
        'The time within which 90% of the first responses went out: with n times in order, the one at position 0.9 × n, rounded up.',
    },
    satisfaction: {
      term: 'Satisfaction (CSAT)',
      definition:
        "After the survey, the customer's next message within the window is the answer when it is a score from 1 to 5. CSAT % is the share of answers scoring 4 or 5.",
    },
  },
  'pt-BR': {
    conversation: {
      term: 'Conversa',
      definition:
        'Começa com uma mensagem do cliente quando não há janela aberta para esse cliente (a primeira mensagem de todas, ou a primeira depois que a janela anterior expirou). Toda mensagem do cliente dentro de uma janela aberta pertence a ela e estende a sua janela. Termina quando a sua janela expira.',
    },
    restartedAfterExpiry: {
      term: 'Retomada após expirar',
      definition:
        'Uma conversa de um cliente que já teve uma anterior, já expirada. É a medida que mais importa para a loja e que nenhuma outra ferramenta de WhatsApp mostra: quantos clientes voltaram mesmo depois que a janela deles fechou.',
    },
    answered: {
      term: 'Respondida',
      definition:
        'Uma resposta da loja (digitada no Janela ou no celular) foi enviada enquanto a janela estava aberta. Respostas automáticas (saudação, ausência, chatbot — em versões futuras) são contadas à parte e nunca fazem uma conversa contar como "respondida" por uma pessoa.',
    },
    missed: { term: 'Perdida', definition: 'A janela expirou com uma mensagem do cliente ainda sem resposta.' },
    pending: { term: 'Pendente', definition: 'Ainda aberta, ainda sem resposta.' },
    responseRate: {
      term: 'Taxa de resposta',
      definition: 'Taxa de resposta = respondidas ÷ (respondidas + perdidas). Conversas pendentes não entram na conta.',
    },
    firstResponseTime: {
      term: 'Tempo da primeira resposta',
      definition:
        'Da primeira mensagem do cliente na conversa até a primeira resposta da loja. Mostramos a média, a mediana e o percentil 90.',
    },
    replyTime: {
      term: 'Tempo de resposta',
      definition:
        'Considerando cada espera (uma mensagem do cliente ainda sem resposta → a próxima resposta da loja), a média e a mediana.',
    },
    period: {
      term: 'Período',
      definition:
        'Uma conversa pertence ao período em que começou. Todos os números usam o fuso horário da loja (o das configurações) para dias e horas.',
    },
    median: {
      term: 'Mediana',
      definition:
        'O valor do meio quando os tempos são postos em ordem; com uma quantidade par, a média dos dois do meio.',
    },
    percentile90: {
      term: 'Percentil 90',
      definition:
        'O tempo dentro do qual saíram 90% das primeiras respostas: com n tempos em ordem, o que fica na posição 0,9 × n, arredondada para cima.',
    },
    satisfaction: {
      term: 'Satisfação (CSAT)',
      definition:
        'Depois da pesquisa, a próxima mensagem do cliente dentro da janela vale como resposta quando é uma nota de 1 a 5. O CSAT % é a parcela das respostas com nota 4 ou 5.',
    },
  },
};
