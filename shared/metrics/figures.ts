/**
 * The dashboard's figures for a period, from conversation records. A conversation belongs to the
 * period in which it started; days and hours are the shop's, in its time zone.
 */
import { z } from 'zod';
import { conversationStatus, type ConversationRecord } from './conversation-record';
import { average, median, nearestRankPercentile } from './statistics';
import { dayKeysBetween, shopClockTime } from '../time/shop-time';

export interface MetricsPeriod {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /** Whether a conversation is missed or still pending depends on when the figures are asked for. */
  now: number;
  /** The shop's IANA time zone, from the settings. */
  timeZone: string;
}

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1).nullable();
const ms = z.number().nonnegative().nullable();

export const dayFiguresSchema = z.object({
  /** `YYYY-MM-DD` on the shop's calendar. */
  day: z.string(),
  newConversations: count,
  restartedAfterExpiry: count,
  medianFirstResponseMs: ms,
});
export type DayFigures = z.infer<typeof dayFiguresSchema>;

export const metricsFiguresSchema = z.object({
  conversations: count,
  newConversations: count,
  restartedAfterExpiry: count,
  answered: count,
  missed: count,
  pending: count,
  /** answered ÷ (answered + missed); pending conversations are not in it. */
  responseRate: share,
  firstResponseMs: z.object({ average: ms, median: ms, p90: ms }),
  replyMs: z.object({ average: ms, median: ms }),
  automaticReplies: count,
  csat: z.object({
    surveysSent: count,
    answers: count,
    answerRate: share,
    average: z.number().min(1).max(5).nullable(),
    /** Share of answers scoring 4 or 5. */
    satisfiedShare: share,
  }),
  /** One entry per shop day of the period, empty days included, so a chart has no gaps. */
  days: z.array(dayFiguresSchema),
  /** Customer messages written in the period: [weekday, 0 = Sunday][hour 0–23] on the shop's clock. */
  customerMessagesByWeekdayHour: z.array(z.array(count)),
});
export type MetricsFigures = z.infer<typeof metricsFiguresSchema>;

export function startedInPeriod(record: ConversationRecord, from: number, to: number): boolean {
  return record.startedAt >= from && record.startedAt < to;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function dayFigures(started: readonly ConversationRecord[], period: MetricsPeriod): DayFigures[] {
  const byDay = new Map<string, { newConversations: number; restartedAfterExpiry: number; responses: number[] }>();
  for (const day of dayKeysBetween(period.from, period.to, period.timeZone)) {
    byDay.set(day, { newConversations: 0, restartedAfterExpiry: 0, responses: [] });
  }
  for (const record of started) {
    const day = byDay.get(shopClockTime(record.startedAt, period.timeZone).day);
    if (!day) continue;
    if (record.restarted) day.restartedAfterExpiry += 1;
    else day.newConversations += 1;
    if (record.firstResponseMs !== null) day.responses.push(record.firstResponseMs);
  }
  return [...byDay].map(([day, figures]) => ({
    day,
    newConversations: figures.newConversations,
    restartedAfterExpiry: figures.restartedAfterExpiry,
    medianFirstResponseMs: median(figures.responses),
  }));
}

/**
 * When customers write, to plan staffing: every customer message inside the period counts, also those
 * of a conversation that started before it.
 */
function customerMessagesByWeekdayHour(records: readonly ConversationRecord[], period: MetricsPeriod): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const record of records) {
    if (record.lastInboundAt < period.from || record.startedAt >= period.to) continue;
    for (const at of record.customerMessageAts) {
      if (at < period.from || at >= period.to) continue;
      const { weekday, hour } = shopClockTime(at, period.timeZone);
      const row = grid[weekday];
      if (row) row[hour] = (row[hour] ?? 0) + 1;
    }
  }
  return grid;
}

export function computeMetrics(records: readonly ConversationRecord[], period: MetricsPeriod): MetricsFigures {
  const started = records.filter((record) => startedInPeriod(record, period.from, period.to));
  let restartedAfterExpiry = 0;
  let answered = 0;
  let missed = 0;
  let automaticReplies = 0;
  const firstResponses: number[] = [];
  const replyWaits: number[] = [];
  const scores: number[] = [];
  let surveysSent = 0;
  for (const record of started) {
    if (record.restarted) restartedAfterExpiry += 1;
    const status = conversationStatus(record, period.now);
    if (status === 'answered') answered += 1;
    else if (status === 'missed') missed += 1;
    if (record.firstResponseMs !== null) firstResponses.push(record.firstResponseMs);
    replyWaits.push(...record.replyWaitsMs);
    automaticReplies += record.automaticReplies;
    if (record.surveySentAt !== null) surveysSent += 1;
    if (record.csatScore !== null) scores.push(record.csatScore);
  }
  const satisfied = scores.filter((score) => score >= 4).length;
  return {
    conversations: started.length,
    newConversations: started.length - restartedAfterExpiry,
    restartedAfterExpiry,
    answered,
    missed,
    pending: started.length - answered - missed,
    responseRate: ratio(answered, answered + missed),
    firstResponseMs: {
      average: average(firstResponses),
      median: median(firstResponses),
      p90: nearestRankPercentile(firstResponses, 90),
    },
    replyMs: { average: average(replyWaits), median: median(replyWaits) },
    automaticReplies,
    csat: {
      surveysSent,
      answers: scores.length,
      answerRate: ratio(scores.length, surveysSent),
      average: average(scores),
      satisfiedShare: ratio(satisfied, scores.length),
    },
    days: dayFigures(started, period),
    customerMessagesByWeekdayHour: customerMessagesByWeekdayHour(records, period),
  };
}
