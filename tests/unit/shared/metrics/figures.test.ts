import { describe, expect, it } from 'vitest';
import type { MetricsMessage } from '../../../../shared/metrics/conversation-record';
import { rebuild } from '../../../../shared/metrics/conversations';
import { computeMetrics, metricsFiguresSchema } from '../../../../shared/metrics/figures';
import { ANA, automatic, BRUNO, customer, DAY, HOUR, MINUTE, reply, survey, T0 } from './metrics-fixtures';

const SAO_PAULO = 'America/Sao_Paulo';
const CARLA = '5531912345678@c.us';
const DORA = '5541923456789@c.us';

function of(chatId: string, message: MetricsMessage): MetricsMessage {
  return { ...message, chatId };
}

/** 2026-11-25 00:00 in São Paulo, a Wednesday; T0 is 09:00 that day. */
const FROM = Date.parse('2026-11-25T03:00:00Z');
const TO = FROM + 3 * DAY;
const NOW = T0 + 2 * DAY + 2 * HOUR;

/*
 * Wed 09:00  Ana writes; a person replies at 09:10; survey; "5"            → answered, first 10 min
 * Wed 10:00  Bruno writes; an automatic reply; a person replies the next day at 10:00, too late → missed
 * Fri 09:00  Ana again (restarted): reply 09:30, she writes 09:40, reply 10:00; survey; "ruim" → answered
 * Fri 10:00  Carla writes, unanswered at NOW (Fri 11:00)                   → pending
 * Tue 23:00  Dora writes before the period and again Wed 01:00             → not in the period's figures
 */
const messages: MetricsMessage[] = [
  customer(T0),
  reply(T0 + 10 * MINUTE),
  survey(T0 + 11 * MINUTE),
  customer(T0 + 20 * MINUTE, '5'),
  of(BRUNO, customer(T0 + HOUR)),
  of(BRUNO, automatic(T0 + HOUR + 1000)),
  of(BRUNO, reply(T0 + HOUR + DAY)),
  customer(T0 + 2 * DAY),
  reply(T0 + 2 * DAY + 30 * MINUTE),
  customer(T0 + 2 * DAY + 40 * MINUTE),
  reply(T0 + 2 * DAY + HOUR),
  survey(T0 + 2 * DAY + HOUR + 1),
  customer(T0 + 2 * DAY + HOUR + 5 * MINUTE, 'ruim'),
  of(CARLA, customer(T0 + 2 * DAY + HOUR)),
  of(DORA, customer(FROM - HOUR)),
  of(DORA, customer(FROM + HOUR)),
];
const { records } = rebuild(messages);

describe('the figures of a period', () => {
  const figures = computeMetrics(records, { from: FROM, to: TO, now: NOW, timeZone: SAO_PAULO });

  it('count conversations by where they started, new and restarted, answered, missed and pending', () => {
    expect(figures).toMatchObject({
      conversations: 4,
      newConversations: 3,
      restartedAfterExpiry: 1,
      answered: 2,
      missed: 1,
      pending: 1,
      responseRate: 2 / 3,
      automaticReplies: 1,
    });
  });

  it('first response: average and median of 10 and 30 min are 20 min; nearest-rank p90 of two is the second', () => {
    expect(figures.firstResponseMs).toEqual({ average: 20 * MINUTE, median: 20 * MINUTE, p90: 30 * MINUTE });
  });

  it('reply time over every wait: 10, 30 and 20 min', () => {
    expect(figures.replyMs).toEqual({ average: 20 * MINUTE, median: 20 * MINUTE });
  });

  it('satisfaction: two surveys, two answers (5 and 2)', () => {
    expect(figures.csat).toEqual({ surveysSent: 2, answers: 2, answerRate: 1, average: 3.5, satisfiedShare: 0.5 });
  });

  it('per shop day, empty days included', () => {
    expect(figures.days).toEqual([
      { day: '2026-11-25', newConversations: 2, restartedAfterExpiry: 0, medianFirstResponseMs: 10 * MINUTE },
      { day: '2026-11-26', newConversations: 0, restartedAfterExpiry: 0, medianFirstResponseMs: null },
      { day: '2026-11-27', newConversations: 1, restartedAfterExpiry: 1, medianFirstResponseMs: 30 * MINUTE },
    ]);
  });

  it('customer messages by weekday and hour, on the shop’s clock, only those written in the period', () => {
    const cells: string[] = [];
    figures.customerMessagesByWeekdayHour.forEach((hours, weekday) =>
      hours.forEach((count, hour) => {
        if (count > 0) cells.push(`${weekday}@${hour}=${count}`);
      }),
    );
    // Wed 01:00 Dora; Wed 09:00 Ana ×2 (09:00, 09:20); Wed 10:00 Bruno; Fri 09:00 Ana ×2; Fri 10:00 Ana, Carla
    expect(cells).toEqual(['3@1=1', '3@9=2', '3@10=1', '5@9=2', '5@10=2']);
    expect(figures.customerMessagesByWeekdayHour).toHaveLength(7);
    expect(figures.customerMessagesByWeekdayHour.every((hours) => hours.length === 24)).toBe(true);
  });

  it('match the contract’s schema', () => {
    expect(metricsFiguresSchema.parse(figures)).toEqual(figures);
  });

  it('a conversation starting exactly at `from` is in, one starting exactly at `to` is out', () => {
    const edges = rebuild([of(ANA, customer(FROM)), of(BRUNO, customer(FROM + DAY))]).records;
    expect(computeMetrics(edges, { from: FROM, to: FROM + DAY, now: NOW, timeZone: SAO_PAULO }).conversations).toBe(1);
  });

  it('missed or pending depends on `now`: the same conversation is pending 1 ms before its window closes', () => {
    const carla = records.filter((record) => record.chatId === CARLA);
    const expiresAt = T0 + 3 * DAY + HOUR;
    const before = computeMetrics(carla, { from: FROM, to: TO, now: expiresAt - 1, timeZone: SAO_PAULO });
    const after = computeMetrics(carla, { from: FROM, to: TO, now: expiresAt, timeZone: SAO_PAULO });
    expect([before.pending, before.missed, before.responseRate]).toEqual([1, 0, null]);
    expect([after.pending, after.missed, after.responseRate]).toEqual([0, 1, 0]);
  });
});

describe('an empty period', () => {
  it('says so with zeros and nulls, never NaN', () => {
    const from = Date.parse('2026-01-05T03:00:00Z');
    const figures = computeMetrics(records, { from, to: from + DAY, now: NOW, timeZone: SAO_PAULO });
    expect(figures).toEqual({
      conversations: 0,
      newConversations: 0,
      restartedAfterExpiry: 0,
      answered: 0,
      missed: 0,
      pending: 0,
      responseRate: null,
      firstResponseMs: { average: null, median: null, p90: null },
      replyMs: { average: null, median: null },
      automaticReplies: 0,
      csat: { surveysSent: 0, answers: 0, answerRate: null, average: null, satisfiedShare: null },
      days: [{ day: '2026-01-05', newConversations: 0, restartedAfterExpiry: 0, medianFirstResponseMs: null }],
      customerMessagesByWeekdayHour: Array.from({ length: 7 }, () => new Array(24).fill(0)),
    });
    expect(computeMetrics([], { from, to: from, now: NOW, timeZone: SAO_PAULO }).days).toEqual([]);
  });
});

describe('across DST changes', () => {
  it('São Paulo 2018-11-04: noon to noon was 23 h, so it is still one conversation; 24 h later is a new one', () => {
    const saturdayNoon = Date.parse('2018-11-03T15:00:00Z');
    const sundayNoon = Date.parse('2018-11-04T14:00:00Z');
    const tuesdayNoon = Date.parse('2018-11-06T14:00:00Z');
    const dst = rebuild([customer(saturdayNoon), customer(sundayNoon), customer(tuesdayNoon)]);
    expect(dst.records.map((record) => [record.startedAt, record.expiresAt])).toEqual([
      [saturdayNoon, sundayNoon + DAY],
      [tuesdayNoon, tuesdayNoon + DAY],
    ]);
    const from = Date.parse('2018-11-03T03:00:00Z'); // Saturday 00:00, −03:00
    const to = Date.parse('2018-11-07T02:00:00Z'); // Wednesday 00:00, −02:00: these 4 days last 95 h
    const figures = computeMetrics(dst.records, { from, to, now: to + DAY, timeZone: SAO_PAULO });
    expect(figures.days.map((day) => [day.day, day.newConversations + day.restartedAfterExpiry])).toEqual([
      ['2018-11-03', 1],
      ['2018-11-04', 0],
      ['2018-11-05', 0],
      ['2018-11-06', 1],
    ]);
    // Saturday 12:00, Sunday 12:00 (−02:00 by then), Tuesday 12:00
    expect(figures.customerMessagesByWeekdayHour[6]?.[12]).toBe(1);
    expect(figures.customerMessagesByWeekdayHour[0]?.[12]).toBe(1);
    expect(figures.customerMessagesByWeekdayHour[2]?.[12]).toBe(1);
  });

  it('New York 2026-03-08: a 23-hour day, and a message at 23:30 EDT is Sunday 23:00', () => {
    const from = Date.parse('2026-03-08T05:00:00Z'); // 00:00 EST
    const to = Date.parse('2026-03-09T04:00:00Z'); // 00:00 EDT, 23 h later
    const lateSunday = rebuild([customer(Date.parse('2026-03-09T03:30:00Z'))]).records;
    const figures = computeMetrics(lateSunday, { from, to, now: to + 2 * DAY, timeZone: 'America/New_York' });
    expect(figures.days).toEqual([
      { day: '2026-03-08', newConversations: 1, restartedAfterExpiry: 0, medianFirstResponseMs: null },
    ]);
    expect(figures.customerMessagesByWeekdayHour[0]?.[23]).toBe(1);
    expect(figures.missed).toBe(1);
  });
});
