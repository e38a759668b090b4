/**
 * Automatic replies end to end in the browser host: customers write through /test/inbound, the shop
 * types on its phone through /test/phone-reply, time moves through /test/clock, and what the
 * simulated WhatsApp actually sent is read from /test/sent.
 */
import type { Page } from '@playwright/test';
import { defaultAutomationSettings, type AutomationSettings } from '../../shared/automations/automation-settings';
import type { JanelaApi } from '../../shared/bridge';
import type { Language } from '../../shared/domain';
import { expect, HOUR, test } from './fixtures';
import { JanelaHost } from './janela-host';
import { dayKeyOfDate, zonedParts } from '../../shared/time/shop-time';

const maria = { phone: '5511987654321', name: 'Maria Silva' };
const joao = { phone: '5521998765432', name: 'João Pereira' };
const allDay = [{ start: '00:00', end: '24:00' }];

type Window = { janela: JanelaApi };

const updateShop = (page: Page, patch: Parameters<JanelaApi['updateSettings']>[0]) =>
  page.evaluate((value) => (globalThis as unknown as Window).janela.updateSettings(value), patch);

/** Saves automation settings as the screen would, with the shop's hours open all day unless given. */
async function configure(page: Page, language: Language, patch: Partial<AutomationSettings> = {}) {
  const settings: AutomationSettings = {
    ...defaultAutomationSettings(language),
    enabled: true,
    businessHours: { weekly: Array.from({ length: 7 }, () => allDay), closedDates: [] },
    ...patch,
  };
  await page.evaluate((value) => (globalThis as unknown as Window).janela.updateAutomationSettings(value), settings);
  return page.evaluate(async () => {
    const snapshot = await (globalThis as unknown as Window).janela.getSnapshot({});
    return { timeZone: snapshot.settings.timeZone, now: snapshot.now };
  });
}

const sentTexts = async (host: JanelaHost) => (await host.sent()).map((sent) => sent.text);

async function openAutomationsScreen(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Automations', exact: true }).click();
  return page.getByRole('main', { name: 'Automations' });
}

function chatRow(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

/** The open conversation (its header says who answers it). */
const conversation = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function openChat(page: Page, name: string) {
  await chatRow(page, name).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
}

test('greets once, answers a FAQ, and marks the bot’s messages as automatic', async ({ page, host }) => {
  await page.goto(host.url);
  await configure(page, 'en', { greetingTemplate: 'Hi {{first_name|there}}! How can we help?' });
  await host.inbound({ ...maria, text: 'Hello' });
  await expect.poll(() => sentTexts(host)).toEqual(['Hi Maria! How can we help?']);
  await host.inbound({ ...maria, text: 'do you accept pix?' });
  await expect.poll(async () => (await sentTexts(host)).length).toBe(2);
  expect((await sentTexts(host))[1]).toMatch(/Pix/);
  await host.inbound({ ...maria, text: 'thanks' });
  await page.waitForTimeout(300);
  expect(await sentTexts(host)).toHaveLength(2);

  await openChat(page, maria.name);
  const log = page.getByRole('log');
  await expect(log.getByText('Automatic')).toHaveCount(2);
  await expect(conversation(page, maria.name).getByText('Bot answering')).toBeVisible();
});

test('outside business hours sends the away message with the right next opening, once', async ({ page, host }) => {
  await page.goto(host.url);
  const weekday = [{ start: '09:00', end: '18:00' }];
  const first = await configure(page, 'en');
  // Today is a closed date; every day opens 9:00–18:00: the next opening is tomorrow at 9:00.
  const today = dayKeyOfDate(zonedParts(first.now, first.timeZone));
  await configure(page, 'en', {
    greetingEnabled: false,
    businessHours: { weekly: Array.from({ length: 7 }, () => weekday), closedDates: [today] },
  });
  await expect(
    page.getByRole('banner').getByRole('status').getByText('Closed · opens tomorrow at 9:00 AM'),
  ).toBeVisible();
  await host.inbound({ ...maria, text: 'anyone there?' });
  await expect
    .poll(() => sentTexts(host))
    .toEqual(["We're closed right now. We open tomorrow at 9:00 AM and will reply to your message as soon as we can."]);
  await host.inbound({ ...maria, text: 'hello??' });
  await page.waitForTimeout(300);
  expect(await sentTexts(host)).toHaveLength(1);
});

test('a menu choice answers with the linked rule', async ({ page, host }) => {
  await page.goto(host.url);
  await configure(page, 'pt-BR', { menuEnabled: true, greetingTemplate: 'Olá! Como podemos ajudar?' });
  await updateShop(page, { shop: { address: 'Rua das Flores, 120' } });
  await host.inbound({ ...maria, text: 'Oi' });
  await expect.poll(async () => (await sentTexts(host)).length).toBe(2);
  expect((await sentTexts(host))[1]).toContain('2. Address');
  await host.inbound({ ...maria, text: '2.' });
  await expect.poll(async () => (await sentTexts(host))[2]).toContain('Rua das Flores, 120');
});

test('a staff reply hands the chat to a person; "Let the bot answer again" gives it back', async ({ page, host }) => {
  await page.goto(host.url);
  await configure(page, 'en', { greetingEnabled: false });
  await host.inbound({ ...maria, text: 'I want to talk to a person' });
  await expect
    .poll(() => sentTexts(host))
    .toEqual(['Sure! Someone from our team will reply here as soon as possible.']);
  // Waiting for a person: shown on the row, and sorted with the chats that need an answer.
  await host.inbound({ ...joao, text: 'Bom dia' });
  await expect(chatRow(page, maria.name)).toContainText('Waiting for a person');
  await expect(page.getByRole('navigation').locator('[data-chat-id]').first()).toHaveAccessibleName(maria.name);

  await openChat(page, maria.name);
  await page.getByRole('textbox', { name: 'Message' }).fill('Hi Maria, this is Ana. How can I help?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(async () => (await sentTexts(host)).length).toBe(2);
  await expect(conversation(page, maria.name).getByText('Person answering')).toBeVisible();
  await host.inbound({ ...maria, text: 'do you accept pix?' });
  await page.waitForTimeout(300);
  expect(await sentTexts(host)).toHaveLength(2);
  await page.screenshot({ path: 'test-results/screens/automations-conversation-en.png' });

  await page.getByRole('button', { name: 'Let the bot answer again' }).click();
  await expect(conversation(page, maria.name).getByText('Bot answering')).toBeVisible();
  await host.inbound({ ...maria, text: 'do you deliver?' });
  await expect.poll(async () => (await sentTexts(host)).length).toBe(3);
});

const handoffWords = {
  en: {
    hello: 'Hello',
    question: 'do you accept pix?',
    phone: 'Hi Maria, Ana here. Yes, Pix is fine!',
    after: 'and can I pay half now?',
    again: 'do you deliver?',
    bot: 'Bot answering',
    person: 'Person answering',
    returnToBot: 'Let the bot answer again',
    automatic: 'Automatic',
  },
  'pt-BR': {
    hello: 'Oi',
    question: 'aceita pix?',
    phone: 'Oi Maria, aqui é a Ana. Pix pode sim!',
    after: 'e posso pagar metade agora?',
    again: 'vocês entregam?',
    bot: 'Robô atendendo',
    person: 'Pessoa atendendo',
    returnToBot: 'Devolver ao robô',
    automatic: 'Automática',
  },
} as const;

for (const language of ['en', 'pt-BR'] as const) {
  test(`a reply typed on the phone hands the chat to a person until staff give it back (${language})`, async ({
    page,
  }) => {
    const words = handoffWords[language];
    const host = await new JanelaHost({ lang: language }).start();
    try {
      await page.goto(host.url);
      await configure(page, language);
      await host.inbound({ ...maria, text: words.hello });
      await host.inbound({ ...maria, text: words.question });
      await expect.poll(async () => (await sentTexts(host)).length).toBe(2);
      await expect(chatRow(page, maria.name)).toContainText(words.bot);

      // The shop answers on its phone, not in Janela: WhatsApp reports it as the shop's own message.
      await host.phoneReply({ phone: maria.phone, text: words.phone });
      await expect(chatRow(page, maria.name)).toContainText(words.person);
      await openChat(page, maria.name);
      const log = page.getByRole('log');
      await expect(log).toContainText(words.phone);
      await expect(conversation(page, maria.name).getByText(words.person)).toBeVisible();
      await expect(log.getByText(words.automatic, { exact: true })).toHaveCount(2);

      await host.inbound({ ...maria, text: words.after });
      await expect(log).toContainText(words.after);
      await page.waitForTimeout(300);
      expect(await sentTexts(host)).toHaveLength(2);
      await page.screenshot({ path: `test-results/screens/automations-phone-handoff-${language}.png` });

      // Human-answered by the phone reply; the bot's two messages counted apart, as automatic.
      const report = await page.evaluate(() => {
        const now = Date.now();
        return (globalThis as unknown as Window).janela.getMetrics({
          from: now - 86_400_000,
          to: now + 86_400_000,
        });
      });
      expect(report).toMatchObject({ conversations: 1, answered: 1, pending: 0, automaticReplies: 2 });

      await page.getByRole('button', { name: words.returnToBot }).click();
      await expect(conversation(page, maria.name).getByText(words.bot)).toBeVisible();
      await expect(chatRow(page, maria.name)).toContainText(words.bot);
      await host.inbound({ ...maria, text: words.again });
      await expect.poll(async () => (await sentTexts(host)).length).toBe(3);
      await expect(log.getByText(words.automatic, { exact: true })).toHaveCount(3);
    } finally {
      await host.stop();
    }
  });
}

test('nothing automatic goes out once the window has closed', async ({ page, host }) => {
  await page.goto(host.url);
  await configure(page, 'en', { menuEnabled: true });
  await updateShop(page, { sendIntervalMs: 5000 });
  await host.inbound({ ...maria, text: 'Hello' });
  // The greeting goes at once; the menu waits its turn, and the connection drops meanwhile.
  await expect.poll(async () => (await sentTexts(host)).length).toBe(1);
  await host.setConnected(false);
  await host.advanceClock(25 * HOUR);
  await host.setConnected(true);
  await page.waitForTimeout(6000);
  expect(await sentTexts(host)).toHaveLength(1);
  await openChat(page, maria.name);
  await expect(page.getByRole('log')).toContainText('Not sent: the 24-hour window closed');
});

test('an opt-out is respected, shown on the profile, and staff can reverse it', async ({ page, host }) => {
  await page.goto(host.url);
  await configure(page, 'en', { greetingEnabled: false });
  await host.inbound({ ...maria, text: 'STOP' });
  await expect.poll(async () => (await sentTexts(host)).length).toBe(1);
  await host.inbound({ ...maria, text: 'do you accept pix?' });
  await page.waitForTimeout(300);
  expect(await sentTexts(host)).toHaveLength(1);

  await openChat(page, maria.name);
  await page.getByRole('tab', { name: 'Customer' }).click();
  const notice = page.getByRole('note');
  await expect(notice).toContainText('Asked for no automatic messages');
  await notice.getByRole('button', { name: 'Allow automatic messages again' }).click();
  await expect(notice).toHaveCount(0);
  await host.inbound({ ...maria, text: 'do you deliver?' });
  await expect.poll(async () => (await sentTexts(host)).length).toBe(2);
});

test('a restart in the middle of a conversation neither repeats the greeting nor loses a hand-off', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await configure(page, 'en');
  await host.inbound({ ...maria, text: 'Hello' });
  await host.inbound({ ...joao, text: 'Hello' });
  await expect.poll(async () => (await sentTexts(host)).length).toBe(2);
  await openChat(page, joao.name);
  await page.getByRole('textbox', { name: 'Message' }).fill('Hi João!');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(async () => (await sentTexts(host)).length).toBe(3);
  // Let the acks arrive: the next run's simulated WhatsApp does not know these messages.
  await page.waitForTimeout(1500);

  await host.restart();
  await page.goto(host.url);
  await host.inbound({ ...maria, text: 'Hello again' });
  await host.inbound({ ...joao, text: 'do you accept pix?' });
  await page.waitForTimeout(500);
  expect(await sentTexts(host)).toEqual([]);
  await openChat(page, joao.name);
  await expect(conversation(page, joao.name).getByText('Person answering')).toBeVisible();
});

test('the screen edits hours per weekday and adds Brazil’s holidays of this year and the next in one click', async ({
  page,
  host,
}) => {
  const screen = await openAutomationsScreen(page, host.url);
  await screen.getByRole('checkbox', { name: /Answer automatically/ }).check();
  await screen.getByRole('button', { name: 'Add hours on Sunday' }).click();
  const sunday = screen.getByRole('group', { name: 'Sunday' });
  await sunday.getByRole('textbox', { name: 'Sunday: opens' }).fill('10:00');
  await sunday.getByRole('textbox', { name: 'Sunday: closes' }).fill('14:00');
  const { year } = await page.evaluate(async () => {
    const snapshot = await (globalThis as unknown as Window).janela.getSnapshot({});
    return {
      year: Number(
        new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: snapshot.settings.timeZone }).format(snapshot.now),
      ),
    };
  });
  await screen.getByRole('button', { name: `Add Brazil’s national holidays (${year}–${year + 1})` }).click();
  await expect(screen.getByText(/\d+ holidays added\./)).toBeVisible();
  await screen.getByRole('button', { name: 'Save automations' }).click();
  await expect(screen.getByText('Automations saved.')).toBeVisible();

  const saved = await page.evaluate(() => (globalThis as unknown as Window).janela.getAutomationSettings({}));
  expect(saved.enabled).toBe(true);
  expect(saved.businessHours.weekly[0]).toEqual([{ start: '10:00', end: '14:00' }]);
  expect(saved.businessHours.closedDates).toContain(`${year}-12-25`);
  expect(saved.businessHours.closedDates).toContain(`${year + 1}-01-01`);
  await expect(page.getByRole('banner').getByRole('status')).toContainText(/Open until|Closed/);
});

for (const language of ['en', 'pt-BR'] as const) {
  test(`screens: the automation settings and a conversation with bot and human messages (${language})`, async ({
    page,
  }) => {
    const host = await new JanelaHost({ mode: '--demo', lang: language }).start();
    try {
      const words =
        language === 'en'
          ? { nav: 'Automations', tryIt: 'A customer writes…', message: 'Message', send: 'Send' }
          : { nav: 'Automações', tryIt: 'Um cliente escreve…', message: 'Mensagem', send: 'Enviar' };
      await page.goto(host.url);
      await page.getByRole('button', { name: words.nav, exact: true }).click();
      const screen = page.getByRole('main', { name: words.nav });
      await expect(screen).toBeVisible();
      await expect(
        screen.getByRole('checkbox', {
          name: words.nav === 'Automations' ? /Answer automatically/ : /Responder automaticamente/,
        }),
      ).toBeChecked();
      await page.screenshot({ path: `test-results/screens/automations-settings-${language}.png` });
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.screenshot({ path: `test-results/screens/automations-settings-${language}-1024.png` });
      await page.setViewportSize({ width: 1280, height: 800 });
      const tryIt = screen.getByRole('textbox', { name: words.tryIt });
      await tryIt.fill(language === 'en' ? 'do you deliver?' : 'vcs entregam?');
      await expect(screen.locator('.try-it__answer')).toBeVisible();
      await screen
        .getByRole('region', { name: language === 'en' ? 'Try it' : 'Testar' })
        .evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: `test-results/screens/automations-try-it-${language}.png` });

      await page.getByRole('button', { name: words.nav, exact: true }).click();
      const customer = { phone: '5511912345678', name: 'Rita Gomes' };
      await host.inbound({ ...customer, text: language === 'en' ? 'Hi!' : 'Oi, boa tarde!' });
      await host.inbound({ ...customer, text: language === 'en' ? 'do you accept pix?' : 'aceita pix?' });
      await expect.poll(async () => (await host.sent()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      await openChat(page, customer.name);
      await page
        .getByRole('textbox', { name: words.message })
        .fill(
          language === 'en'
            ? 'Hi Rita! Yes, we do. Anything else?'
            : 'Oi Rita! Aceitamos sim. Posso ajudar em algo mais?',
        );
      await page.getByRole('button', { name: words.send, exact: true }).click();
      await expect(page.getByRole('log')).toContainText(language === 'en' ? 'Hi Rita!' : 'Oi Rita!');
      await page.waitForTimeout(2500);
      await page.screenshot({ path: `test-results/screens/automations-conversation-${language}.png` });
    } finally {
      await host.stop();
    }
  });
}

test('opening hours are typed in 24 hours whatever the browser’s locale, and a malformed time says so', async ({
  page,
  host,
}) => {
  const screen = await openAutomationsScreen(page, host.url);
  const add = screen.getByRole('button', { name: 'Add hours on Sunday' });
  await expect(add).toHaveText('Add hours');
  await add.click();
  const sunday = screen.getByRole('group', { name: 'Sunday' });
  const closes = sunday.getByRole('textbox', { name: 'Sunday: closes' });
  await expect(closes).toHaveValue('18:00');
  await closes.fill('6:30 PM');
  await expect(closes).toHaveAttribute('aria-invalid', 'true');
  await expect(sunday.getByRole('alert')).toHaveText('Type a 24-hour time, HH:MM (09:00, 18:30).');
  await closes.fill('18:30');
  await expect(closes).toHaveAttribute('aria-invalid', 'false');
  await expect(sunday.getByRole('alert')).toHaveCount(0);
  await screen.getByRole('button', { name: 'Save automations' }).click();
  await expect(screen.getByText('Automations saved.')).toBeVisible();
  const saved = await page.evaluate(() => (globalThis as unknown as Window).janela.getAutomationSettings({}));
  expect(saved.businessHours.weekly[0]).toEqual([{ start: '09:00', end: '18:30' }]);
});

test('a closed date is typed in the app’s language, not the browser’s: DD/MM/AAAA in Portuguese', async ({ page }) => {
  const host = await new JanelaHost({ mode: '--demo', lang: 'pt-BR' }).start();
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Automações', exact: true }).click();
    const screen = page.getByRole('main', { name: 'Automações' });
    const date = screen.getByRole('textbox', { name: 'Data fechada' });
    await expect(date).toHaveAttribute('placeholder', 'DD/MM/AAAA');
    await date.fill('31/02/2031');
    await expect(screen.getByRole('alert')).toHaveText('Digite uma data que exista, DD/MM/AAAA (24/12/2026).');
    await expect(screen.getByRole('button', { name: 'Adicionar data' })).toBeDisabled();
    await date.fill('24/12/2031');
    await screen.getByRole('button', { name: 'Adicionar data' }).click();
    await screen.getByRole('button', { name: 'Salvar automações' }).click();
    await expect(screen.getByText('Automações salvas.')).toBeVisible();
    const saved = await page.evaluate(() => (globalThis as unknown as Window).janela.getAutomationSettings({}));
    expect(saved.businessHours.closedDates).toContain('2031-12-24');
  } finally {
    await host.stop();
  }
});
