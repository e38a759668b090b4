/**
 * The backend keeps conversation records as messages are recorded, stores them in metrics.jsonl,
 * rebuilds them from history when that file is missing, damaged or behind, and answers getMetrics,
 * the CSV, the survey and "Concluir" from them.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../../../electron/backend/backend';
import type { AdjustableClock } from '../../../../../electron/backend/clock';
import { createManualClock } from '../manual-clock';
import { EventHub } from '../../../../../electron/backend/event-hub';
import type { GatewayMessage } from '../../../../../electron/backend/gateways/gateway';
import { SimulatedGateway } from '../../../../../electron/backend/gateways/simulated/simulated-gateway';
import { metricsFileName } from '../../../../../electron/backend/metrics/metrics-file';
import { createNoticeBoard } from '../../../../../electron/backend/notices/notice-board';
import { openStore } from '../../../../../electron/backend/store/open-store';
import { emptyStoreData, type JanelaStore } from '../../../../../electron/backend/store/store-types';
import { errorCodeOf } from '../../../../../shared/contract';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import type { ChatSummary } from '../../../../../shared/domain';
import { rebuild } from '../../../../../shared/metrics/conversations';
import type { MetricsReport } from '../../../../../shared/metrics/metrics-report';
import { tempMediaStore } from '../media/temp-media-store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Wednesday 25 Nov 2026, 10:00 in São Paulo.
const start = Date.UTC(2026, 10, 25, 13, 0, 0);
const maria = { phone: '5511987654321', name: 'Maria Silva' };
const joao = { phone: '5521998765432', name: 'João Pereira' };
const chatOf = (customer: { phone: string }) => `${customer.phone}@c.us`;

interface World {
  backend: Backend;
  store: JanelaStore;
  gateway: SimulatedGateway;
  clock: AdjustableClock;
  dataDir: string;
  chats: Map<string, ChatSummary>;
}

const open: World[] = [];
const dirs: string[] = [];

async function world(dataDir = newDir(), clock = createManualClock(start)): Promise<World> {
  const store = await openStore({
    dataDir,
    clock,
    flushDelayMs: 5,
    defaults: () => emptyStoreData({ ...defaultSettings('America/Sao_Paulo', 'en'), sendIntervalMs: 0 }),
  });
  const gateway = new SimulatedGateway({ clock, ackDelaysMs: [1, null, null] });
  const hub = new EventHub();
  const chats = new Map<string, ChatSummary>();
  hub.subscribe((name, payload) => {
    if (name === 'chatsChanged')
      for (const chat of (payload as { chats: ChatSummary[] }).chats) chats.set(chat.chatId, chat);
  });
  const backend = createBackend({
    media: await tempMediaStore(clock),
    store,
    gateway,
    clock,
    hub,
    notices: createNoticeBoard(clock),
    log: () => undefined,
    startDemo: async () => undefined,
    exitDemo: async () => undefined,
    dataDir,
  });
  await backend.start();
  const created = { backend, store, gateway, clock, dataDir, chats };
  open.push(created);
  return created;
}

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'janela-metrics-'));
  dirs.push(dir);
  return dir;
}

async function closeWorld(w: World): Promise<void> {
  open.splice(open.indexOf(w), 1);
  await w.backend.close();
}

afterEach(async () => {
  for (const w of open.splice(0)) await w.backend.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await tick(5);
  expect(check()).toBe(true);
}

/** A reply typed in Janela, once WhatsApp took it. */
async function reply(w: World, customer: { phone: string }, text = 'Olá!'): Promise<void> {
  const sent = await w.backend.handlers.sendMessage({ chatId: chatOf(customer) as never, text });
  await waitFor(() => w.store.getMessage(sent.chatId, sent.id)?.status === 'sent');
}

function phoneReply(w: World, customer: { phone: string }, at: number, id: string): void {
  const message: GatewayMessage = {
    waId: id,
    chatId: chatOf(customer) as never,
    fromMe: true,
    kind: 'text',
    text: 'Respondido pelo celular',
    at,
    contactName: null,
    status: 'sent',
  };
  w.gateway.emit('message', message);
}

function metrics(w: World, from = start - DAY, to = start + 10 * DAY): Promise<MetricsReport> {
  return w.backend.handlers.getMetrics({ from, to }) as Promise<MetricsReport>;
}

/** Two days of a small shop: new, answered (in Janela and on the phone), missed, restarted. */
async function playTwoDays(w: World): Promise<void> {
  w.gateway.receive({ ...maria, text: 'Oi! Tem bolo de cenoura?' });
  w.clock.advance(10 * MINUTE);
  await reply(w, maria, 'Tem sim!');
  w.clock.advance(HOUR);
  w.gateway.receive({ ...joao, text: 'Vocês entregam?' });
  w.clock.advance(30 * MINUTE);
  phoneReply(w, joao, w.clock.now(), 'phone-1');
  w.clock.advance(DAY + HOUR);
  // Maria's window expired: she is back, and nobody answers her this time.
  w.gateway.receive({ ...maria, text: 'Oi de novo' });
  w.clock.advance(DAY + MINUTE);
  await tick();
}

describe('conversation records kept by the backend', () => {
  it('counts new, restarted, answered (also on the phone) and missed conversations, with response times', async () => {
    const w = await world();
    await playTwoDays(w);
    const report = await metrics(w);
    expect(report).toMatchObject({
      conversations: 3,
      newConversations: 2,
      restartedAfterExpiry: 1,
      answered: 2,
      missed: 1,
      pending: 0,
      responseRate: 2 / 3,
      firstResponseMs: { average: 20 * MINUTE, median: 20 * MINUTE, p90: 30 * MINUTE },
      complete: true,
    });
    expect(report.missedConversations).toEqual([
      expect.objectContaining({
        chatId: chatOf(maria),
        name: 'Maria Silva',
        startedAt: start + DAY + 2 * HOUR + 40 * MINUTE,
      }),
    ]);
    expect(report.previous).toMatchObject({ conversations: 0, from: start - DAY - 11 * DAY, to: start - DAY });
  });

  it('a reply that failed to go out answers nobody', async () => {
    const w = await world();
    w.gateway.receive({ ...maria, text: 'Oi' });
    w.gateway.sendText = async () => {
      throw new Error('refused');
    };
    const sent = await w.backend.handlers.sendMessage({ chatId: chatOf(maria) as never, text: 'Olá' });
    await waitFor(() => w.store.getMessage(sent.chatId, sent.id)?.status === 'failed');
    expect((await metrics(w)).pending).toBe(1);
  });

  it('stored records survive a restart, and a rebuild from history gives the same figures', async () => {
    const dataDir = newDir();
    const clock = createManualClock(start);
    const first = await world(dataDir, clock);
    await playTwoDays(first);
    const kept = await metrics(first);
    await closeWorld(first);
    expect(existsSync(join(dataDir, metricsFileName))).toBe(true);

    const reopened = await world(dataDir, clock);
    expect(await metrics(reopened)).toEqual(kept);
    await closeWorld(reopened);

    // The first start after this change: no records yet, built from the stored history.
    rmSync(join(dataDir, metricsFileName));
    const rebuilt = await world(dataDir, clock);
    expect(await metrics(rebuilt)).toEqual(kept);
  });

  it('a damaged records file is kept aside and the records rebuilt', async () => {
    const dataDir = newDir();
    const clock = createManualClock(start);
    const first = await world(dataDir, clock);
    await playTwoDays(first);
    const kept = await metrics(first);
    await closeWorld(first);
    writeFileSync(join(dataDir, metricsFileName), '{"janelaMetrics":1}\n{"chatId": 12}\n{"also":"bad"}\n');
    const reopened = await world(dataDir, clock);
    expect(await metrics(reopened)).toEqual(kept);
    expect(readdirSync(dataDir).some((name) => name.startsWith(`${metricsFileName}.corrupt-`))).toBe(true);
  });

  it('a file that lost its last writes (a crash) is caught up from history', async () => {
    const dataDir = newDir();
    const clock = createManualClock(start);
    const first = await world(dataDir, clock);
    await playTwoDays(first);
    const kept = await metrics(first);
    await closeWorld(first);
    const file = join(dataDir, metricsFileName);
    const lines = readFileSync(file, 'utf8').split('\n');
    // Drop the last chat line and tear the one before it.
    writeFileSync(file, `${lines.slice(0, -3).join('\n')}\n${(lines.at(-3) ?? '').slice(0, 20)}`);
    const reopened = await world(dataDir, clock);
    expect(await metrics(reopened)).toEqual(kept);
  });

  it('records kept message by message equal a rebuild from the stored history, also with late and repeated messages', async () => {
    const w = await world();
    const customers = Array.from({ length: 12 }, (_, n) => ({
      phone: `55119000000${String(n).padStart(2, '0')}`,
      name: `C${n}`,
    }));
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let step = 0; step < 300; step += 1) {
      const customer = customers[Math.floor(random() * customers.length)] ?? maria;
      const roll = random();
      if (roll < 0.5) {
        // Some arrive late, as after a reconnect.
        const late = random() < 0.2 ? Math.floor(random() * 3 * HOUR) : 0;
        w.gateway.receive({ ...customer, text: random() < 0.1 ? '5' : 'Oi', at: w.clock.now() - late });
      } else if (roll < 0.7) {
        phoneReply(w, customer, w.clock.now() - Math.floor(random() * 10 * MINUTE), `phone-${step}`);
      } else if (roll < 0.8) {
        await Promise.resolve()
          .then(() => w.backend.handlers.sendCsatSurvey({ chatId: chatOf(customer) as never }))
          .catch(() => undefined);
      } else {
        try {
          await w.backend.handlers.sendMessage({ chatId: chatOf(customer) as never, text: 'Olá' });
        } catch {
          // Window closed or a customer who never wrote: refused, as it should be.
        }
      }
      w.clock.advance(Math.floor(random() * (random() < 0.9 ? HOUR : 30 * HOUR)));
      if (step % 25 === 0) await tick(5);
    }
    // Every reply and survey has left (or failed): none goes out later, at the restart below.
    await waitFor(() => w.store.data.outbox.length === 0);
    const history = customers.flatMap(
      (customer) => w.store.readMessages(chatOf(customer) as never, { limit: 100_000 }).messages,
    );
    const foldable = history.filter(
      (message) =>
        message.direction === 'in' ||
        message.status === 'sent' ||
        message.status === 'read' ||
        message.status === 'delivered',
    );
    const reference = rebuild(foldable).records;
    expect(reference.length).toBeGreaterThan(30);
    const report = await metrics(w, 0, start + 400 * DAY);
    expect(report.conversations).toBe(reference.length);
    expect(report.csat.surveysSent).toBe(reference.filter((record) => record.surveySentAt !== null).length);
    expect(report.csat.surveysSent).toBeGreaterThan(0);
    // And the whole report equals the one from records rebuilt at a restart.
    const before = await metrics(w, 0, start + 400 * DAY);
    const dataDir = w.dataDir;
    await closeWorld(w);
    rmSync(join(dataDir, metricsFileName));
    const rebuilt = await world(dataDir, w.clock);
    expect(await metrics(rebuilt, 0, start + 400 * DAY)).toEqual(before);
  });
});

describe('satisfaction survey', () => {
  it('goes out once per conversation while the window is open; the next "5" is the score', async () => {
    const w = await world();
    const chatId = chatOf(maria) as never;
    w.gateway.receive({ ...maria, text: 'Oi' });
    await reply(w, maria);
    const survey = await w.backend.handlers.sendCsatSurvey({ chatId });
    expect(survey).toMatchObject({
      csatSurvey: true,
      text: 'Hi Maria! From 1 to 5, how was our service? Just reply with the number.',
    });
    await expect(w.backend.handlers.sendCsatSurvey({ chatId })).rejects.toSatisfy(
      (error: unknown) => errorCodeOf(error) === 'survey-already-sent',
    );
    await waitFor(() => w.store.getMessage(chatId, survey.id)?.status === 'sent');
    await expect(w.backend.handlers.sendCsatSurvey({ chatId })).rejects.toSatisfy(
      (error: unknown) => errorCodeOf(error) === 'survey-already-sent',
    );
    w.clock.advance(MINUTE);
    w.gateway.receive({ ...maria, text: '5' });
    expect((await metrics(w)).csat).toEqual({
      surveysSent: 1,
      answers: 1,
      answerRate: 1,
      average: 5,
      satisfiedShare: 1,
    });
  });

  it('is refused once the window closed', async () => {
    const w = await world();
    w.gateway.receive({ ...maria, text: 'Oi' });
    w.clock.advance(DAY);
    await expect(w.backend.handlers.sendCsatSurvey({ chatId: chatOf(maria) as never })).rejects.toSatisfy(
      (error: unknown) => errorCodeOf(error) === 'window-closed',
    );
  });

  it('uses the edited template, and its settings survive a restart', async () => {
    const dataDir = newDir();
    const clock = createManualClock(start);
    const w = await world(dataDir, clock);
    expect(await w.backend.handlers.getCsatSettings({})).toMatchObject({
      surveyTemplate: null,
      sendSurveyWhenDone: false,
    });
    await w.backend.handlers.updateCsatSettings({
      surveyTemplate: 'Nota de 1 a 5, {{first_name}}?',
      sendSurveyWhenDone: true,
    });
    await closeWorld(w);
    const again = await world(dataDir, clock);
    expect(await again.backend.handlers.getCsatSettings({})).toMatchObject({
      surveyTemplate: 'Nota de 1 a 5, {{first_name}}?',
      sendSurveyWhenDone: true,
    });
    again.gateway.receive({ ...maria, text: 'Oi' });
    expect(await again.backend.handlers.markDone({ chatId: chatOf(maria) as never, done: true })).toMatchObject({
      surveySent: true,
    });
    expect(again.store.readMessages(chatOf(maria) as never, { limit: 10 }).messages.at(-1)).toMatchObject({
      text: 'Nota de 1 a 5, Maria?',
      csatSurvey: true,
    });
  });
});

describe('marking a conversation done', () => {
  it('sets doneAt on the chat row, survives a restart, and is cleared when the customer writes again', async () => {
    const dataDir = newDir();
    const clock = createManualClock(start);
    const w = await world(dataDir, clock);
    const chatId = chatOf(maria) as never;
    w.gateway.receive({ ...maria, text: 'Obrigada!' });
    clock.advance(MINUTE);
    expect(await w.backend.handlers.markDone({ chatId, done: true })).toEqual({
      doneAt: start + MINUTE,
      surveySent: false,
    });
    await waitFor(() => w.chats.get(chatId)?.doneAt === start + MINUTE);
    await closeWorld(w);

    const again = await world(dataDir, clock);
    const snapshot = await again.backend.handlers.getSnapshot({});
    expect(snapshot.chats.find((chat) => chat.chatId === chatId)?.doneAt).toBe(start + MINUTE);
    clock.advance(MINUTE);
    // A new simulated gateway counts its ids from 1 again: this message needs its own.
    again.gateway.emit('message', {
      waId: 'after-restart-1',
      chatId,
      fromMe: false,
      kind: 'text',
      text: 'Mais uma pergunta',
      at: clock.now(),
      contactName: maria.name,
    } satisfies GatewayMessage);
    await waitFor(() => again.chats.get(chatId)?.doneAt === null);
    expect(again.store.data.chatsDone).toEqual({});
  });
});
