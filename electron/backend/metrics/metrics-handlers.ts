/**
 * The metrics commands: the dashboard's figures and CSV, the satisfaction survey, and marking a
 * conversation done. `backend.ts` spreads these into its handlers.
 */
import { JanelaError } from '../../../shared/contract';
import type { ChatId, ChatSummary } from '../../../shared/domain';
import { conversationStatus, type ConversationRecord } from '../../../shared/metrics/conversation-record';
import { surveyTemplateOf, defaultSurveyTemplate } from '../../../shared/metrics/csat-survey';
import { computeMetrics, startedInPeriod } from '../../../shared/metrics/figures';
import { metricsCsv } from '../../../shared/metrics/metrics-csv';
import { missedListLimit, previousFiguresSchema, type MetricsReport } from '../../../shared/metrics/metrics-report';
import { renderTemplate } from '../../../shared/templates/render-template';
import { buildTemplateContext } from '../../../shared/templates/template-context';
import type { Clock } from '../clock';
import { displayName, toCustomerProfile } from '../profiles/profiles';
import type { Handlers } from '../router';
import type { Outbox } from '../sending/outbox';
import { assertMayQueue, assertMaySend } from '../sending/send-guard';
import type { JanelaStore, StoredMessage } from '../store/store-types';
import type { ConversationKeeper } from './conversation-keeper';
import type { WhatsAppGateway } from '../gateways/gateway';
import { shopClockTime } from '../../../shared/time/shop-time';

export type MetricsHandlers = Pick<
  Handlers,
  'getMetrics' | 'exportMetricsCsv' | 'sendCsatSurvey' | 'markDone' | 'getCsatSettings' | 'updateCsatSettings'
>;

export interface MetricsHandlersOptions {
  store: JanelaStore;
  clock: Clock;
  keeper: ConversationKeeper;
  outbox: Outbox;
  gateway: () => WhatsAppGateway;
  /** Tells the renderer a chat's row changed (its `doneAt`). */
  pushChat: (chatId: ChatId) => void;
}

/** The chat-list row's `doneAt`: kept per chat apart from the contact row (see store-types). */
export function withDoneAt(store: JanelaStore, summary: ChatSummary): ChatSummary {
  return { ...summary, doneAt: store.data.chatsDone[summary.chatId] ?? null };
}

function withoutChat(chatsDone: Readonly<Record<string, number>>, chatId: string): Record<string, number> {
  return Object.fromEntries(Object.entries(chatsDone).filter(([id]) => id !== chatId));
}

/** A customer writing again takes the chat out of "done". */
export function clearDoneOnInbound(store: JanelaStore, message: StoredMessage): boolean {
  const doneAt = store.data.chatsDone[message.chatId];
  if (message.direction !== 'in' || doneAt === undefined || message.at <= doneAt) return false;
  store.update((data) => {
    data.chatsDone = withoutChat(data.chatsDone, message.chatId);
  });
  return true;
}

export function metricsReport(
  records: readonly ConversationRecord[],
  store: JanelaStore,
  period: { from: number; to: number; now: number },
  complete: boolean,
): MetricsReport {
  const { from, to, now } = period;
  const timeZone = store.data.settings.timeZone;
  const figures = computeMetrics(records, { from, to, now, timeZone });
  const previousFrom = from - (to - from);
  // The cards compare headline figures only: the previous period's days and heat map are not sent.
  const previous = previousFiguresSchema.parse(
    computeMetrics(
      records.filter((record) => startedInPeriod(record, previousFrom, from)),
      { from: previousFrom, to: from, now, timeZone },
    ),
  );
  const missedConversations = records
    .filter((record) => startedInPeriod(record, from, to) && conversationStatus(record, now) === 'missed')
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, missedListLimit)
    .map((record) => {
      const contact = store.data.contacts[record.chatId];
      return {
        chatId: record.chatId,
        name: contact ? displayName(contact) : (record.chatId.split('@')[0] ?? record.chatId),
        startedAt: record.startedAt,
        lastInboundAt: record.lastInboundAt,
      };
    });
  return {
    ...figures,
    from,
    to,
    now,
    timeZone,
    previous: { ...previous, from: previousFrom, to: from },
    missedConversations,
    complete,
  };
}

export function createMetricsHandlers(options: MetricsHandlersOptions): MetricsHandlers {
  const { store, clock, keeper, outbox } = options;

  function contactOrThrow(chatId: ChatId) {
    const contact = store.data.contacts[chatId];
    if (!contact) throw new JanelaError('not-found', 'no chat with that id');
    return contact;
  }

  /** Renders and queues the survey; throws what a person can act on when it may not go out. */
  function sendSurvey(chatId: ChatId): StoredMessage {
    const contact = contactOrThrow(chatId);
    const now = clock.now();
    const { settings } = store.data;
    const template = surveyTemplateOf(store.data.csat, settings.language);
    const rendered = renderTemplate(template, buildTemplateContext(toCustomerProfile(contact), settings, now));
    assertMaySend(contact, rendered.text, now);
    if (keeper.surveyAsked(chatId)) {
      throw new JanelaError('survey-already-sent', 'this conversation was already asked for a rating');
    }
    assertMayQueue(options.gateway().status());
    return outbox.send(chatId, rendered.text, { csatSurvey: true });
  }

  return {
    getMetrics: async ({ from, to }) => {
      await keeper.ready;
      return metricsReport(keeper.records(), store, { from, to, now: clock.now() }, keeper.complete);
    },
    exportMetricsCsv: async ({ from, to }) => {
      await keeper.ready;
      const { timeZone, language } = store.data.settings;
      const records = keeper
        .records()
        .filter((record) => startedInPeriod(record, from, to))
        .sort((a, b) => a.startedAt - b.startedAt || (a.chatId < b.chatId ? -1 : 1));
      const csv = metricsCsv(
        records,
        (chatId) => {
          const contact = store.data.contacts[chatId];
          return { name: contact ? displayName(contact) : '', phone: contact?.phone ?? '' };
        },
        { now: clock.now(), timeZone, language },
      );
      const first = shopClockTime(from, timeZone).day;
      const last = shopClockTime(to - 1, timeZone).day;
      const name = language === 'pt-BR' ? 'metricas' : 'metrics';
      return { fileName: `janela-${name}-${first}-${last}.csv`, csv };
    },
    sendCsatSurvey: async ({ chatId }) => {
      await keeper.ready;
      return sendSurvey(chatId);
    },
    markDone: async ({ chatId, done }) => {
      contactOrThrow(chatId);
      await keeper.ready;
      const doneAt = done ? clock.now() : null;
      store.update((data) => {
        const rest = withoutChat(data.chatsDone, chatId);
        data.chatsDone = doneAt === null ? rest : { ...rest, [chatId]: doneAt };
      });
      options.pushChat(chatId);
      let surveySent = false;
      if (done && store.data.csat.sendSurveyWhenDone) {
        // Sent only when it may be: an expired window or an earlier survey just leaves it out.
        try {
          sendSurvey(chatId);
          surveySent = true;
        } catch (error) {
          if (!(error instanceof JanelaError)) throw error;
        }
      }
      return { doneAt, surveySent };
    },
    getCsatSettings: () => ({
      ...store.data.csat,
      defaultTemplate: defaultSurveyTemplate(store.data.settings.language),
    }),
    updateCsatSettings: (patch) => {
      const next = { ...store.data.csat, ...patch };
      store.update((data) => void (data.csat = next));
      return { ...next, defaultTemplate: defaultSurveyTemplate(store.data.settings.language) };
    },
  };
}
