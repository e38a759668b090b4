/**
 * Bookings taken in the chat, end to end: customers write through /test/inbound, the clock moves
 * through /test/clock, the bot's answers are read from /test/sent, and staff see the result on the
 * Agenda screen. The shop's clock starts on a Monday at 09:10 (see chat-shop.ts); hours are
 * Mon–Fri 9–12 and 13–18, Sat 9–13, with 2 h notice and a 30-minute grid.
 */
import { expect, test } from '@playwright/test';
import { ChatShop, dayLabel, MENU, MINUTE, showAgendaDay } from './chat-shop';
import { HOUR } from './fixtures';

let shop: ChatShop;
test.beforeEach(async ({ page }) => {
  shop = await ChatShop.open(page);
});
test.afterEach(async () => {
  await shop.stop();
});

/** "02/12" for the day `days` after Monday: a date typed the way customers type it. */
function typedDate(days: number): string {
  const [, month, day] = shop.dayAfterMonday(days).split('-');
  return `${day}/${month}`;
}

test('a full booking: menu, service, days page by page, a typed day, a time, the summary, confirmed and on the agenda', async ({
  page,
}) => {
  const maria = shop.customer('Maria Silva', '5511987654321');
  const [, menu] = await maria.says('Oi', 2);
  expect(menu).toContain(`${MENU.booking}. Agendar horário`);
  expect(await maria.says(MENU.booking)).toEqual([
    'Qual serviço você quer agendar? Responda com o número:\n' +
      '1 Degustação de bolos — 1 h · R$ 30,00\n2 Conversa sobre bolo de festa — 30 min',
  ]);

  const days = await maria.answer('1');
  const monday = shop.dayAfterMonday(0);
  expect(days).toMatch(
    /^Degustação de bolos: escolha o dia \(ou escreva, por exemplo, \*amanhã\*, \*sexta\* ou \*28\/11\*\):\n/,
  );
  expect(days).toContain(`1 ${dayLabel(monday)}\n`);
  expect(days.split('\n')).toHaveLength(11); // the question, 9 days, "0 ver mais"
  expect(days).toMatch(/\n0 ver mais$/);
  // Monday to Saturday, then Monday again: the 10th open day is Thursday of the next week.
  const moreDays = await maria.answer('0');
  expect(moreDays).toContain(`1 ${dayLabel(shop.dayAfterMonday(10))}\n`);

  const tuesday = await maria.answer('amanhã');
  expect(tuesday).toMatch(new RegExp(`^Horários livres em ${dayLabel(shop.dayAfterMonday(1))}:\n1 09:00\n2 09:30\n`));
  const friday = await maria.answer('sexta');
  expect(friday).toMatch(new RegExp(`^Horários livres em ${dayLabel(shop.dayAfterMonday(4))}:\n1 09:00\n`));
  const wednesday = dayLabel(shop.dayAfterMonday(2));
  const typed = await maria.answer(typedDate(2));
  expect(typed).toMatch(new RegExp(`^Horários livres em ${wednesday}:\n1 09:00\n2 09:30\n3 10:00\n`));

  expect(await maria.says('3')).toEqual([
    `*Degustação de bolos*\n${wednesday} às 10:00 (1 h)\nR$ 30,00\n\n1 Confirmar · 2 Cancelar`,
  ]);
  // Wednesday is past Maria's 24-hour window: she is asked to write on the day before.
  expect(await maria.says('1')).toEqual([
    `Agendado: *Degustação de bolos*, ${wednesday} às 10:00.\n` +
      'Responda *1* na véspera para confirmar.\n' +
      'Para cancelar ou remarcar, escreva *cancelar* ou *remarcar*.',
  ]);

  await showAgendaDay(page, 2);
  const day = page.getByRole('list', { name: `Agendamentos de ${wednesday}` });
  await expect(day.getByRole('listitem')).toHaveCount(1);
  await expect(day.getByRole('listitem')).toContainText('10:00');
  await expect(day.getByRole('listitem')).toContainText('Degustação de bolos');
  await expect(day.getByLabel('Situação do agendamento de Maria Silva')).toHaveValue('booked');

  // The bot's *bold* reads bold in the conversation, and the chat list's preview has no asterisks.
  await day.getByRole('button', { name: 'Abrir a conversa com Maria Silva' }).click();
  const conversation = page.getByRole('region', { name: 'Maria Silva', exact: true });
  await expect(conversation.locator('strong', { hasText: 'Degustação de bolos' }).last()).toBeVisible();
  await expect(conversation.getByText('*Degustação', { exact: false })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/chat-booking-conversation-pt-BR.png' });
  await expect(
    page.getByRole('navigation').getByText('Você: Agendado: Degustação de bolos', { exact: false }),
  ).toBeVisible();
});

test('today’s times start on the grid; two customers confirm the same last time at once: one gets it, the other the next times', async ({
  page,
}) => {
  const ana = shop.customer('Ana Souza', '5531976543210');
  const bruno = shop.customer('Bruno Lima', '5541965432109');
  for (const customer of [ana, bruno]) {
    await customer.says('Oi', 2);
    await customer.says(MENU.booking);
    await customer.says('2'); // the 30-minute talk about a party cake
    // 09:10 plus 2 h notice is 11:10: the first time is 11:30, on the grid, then the afternoon.
    const today = await customer.answer('hoje');
    expect(today).toBe(
      `Horários livres em ${dayLabel(shop.dayAfterMonday(0))}:\n` +
        '1 11:30\n2 13:00\n3 13:30\n4 14:00\n5 14:30\n6 15:00\n7 15:30\n8 16:00\n9 16:30\n0 ver mais',
    );
    expect(await customer.says('0')).toEqual([
      `Horários livres em ${dayLabel(shop.dayAfterMonday(0))}:\n1 17:00\n2 17:30`,
    ]);
    const summary = await customer.answer('2');
    expect(summary).toContain('às 17:30 (30 min)');
  }

  await Promise.all([
    shop.host.inbound({ phone: ana.phone, text: '1' }),
    shop.host.inbound({ phone: bruno.phone, text: '1' }),
  ]);
  await expect
    .poll(async () => [await ana.lastReply(), await bruno.lastReply()].some((reply) => reply.startsWith('Agendado')))
    .toBe(true);
  await expect
    .poll(async () =>
      [await ana.lastReply(), await bruno.lastReply()].some((reply) => reply.startsWith('Esse horário')),
    )
    .toBe(true);
  const replies = [await ana.lastReply(), await bruno.lastReply()];
  const winner = replies[0]?.startsWith('Agendado') ? ana : bruno;
  const other = winner === ana ? bruno : ana;
  expect(await winner.lastReply()).toContain('Agendado: *Conversa sobre bolo de festa*');
  const tuesday = dayLabel(shop.dayAfterMonday(1));
  expect(await other.lastReply()).toMatch(
    new RegExp(
      `^Esse horário acabou de ser reservado por outra pessoa\\. Os próximos horários livres são:\\n1 ${tuesday} às 09:00\\n2 ${tuesday} às 09:30\\n`,
    ),
  );
  const summary = await other.answer('1');
  expect(summary).toContain(`${tuesday} às 09:00 (30 min)`);
  expect(await other.answer('1')).toContain(`Agendado: *Conversa sobre bolo de festa*, ${tuesday} às 09:00.`);

  await showAgendaDay(page, 0);
  const today = page.getByRole('list', { name: `Agendamentos de ${dayLabel(shop.dayAfterMonday(0))}` });
  await expect(today.getByRole('listitem')).toHaveCount(1);
  await expect(today.getByRole('listitem')).toContainText(['17:30']);
  await expect(today.getByRole('button', { name: `Abrir a conversa com ${winner.name}` })).toBeVisible();
});

test('a customer moves ("remarcar") and cancels ("cancelar") their own next booking, and stays opted in', async ({
  page,
}) => {
  const joao = shop.customer('João Pereira', '5521998765432');
  await joao.says('Oi', 2);
  await joao.says(MENU.booking);
  await joao.says('1');
  await joao.says('amanhã');
  await joao.says('5'); // 11:00
  const tuesday = dayLabel(shop.dayAfterMonday(1));
  expect(await joao.answer('1')).toContain(`Agendado: *Degustação de bolos*, ${tuesday} às 11:00.`);

  const days = await joao.answer('remarcar');
  expect(days).toMatch(/^Degustação de bolos: escolha o dia/);
  const thursday = dayLabel(shop.dayAfterMonday(3));
  const slots = await joao.answer(typedDate(3));
  expect(slots).toMatch(new RegExp(`^Horários livres em ${thursday}:\\n1 09:00\\n`));
  expect(await joao.says('1')).toEqual([
    `*Degustação de bolos*\n${thursday} às 09:00 (1 h)\nR$ 30,00\n\n1 Confirmar · 2 Cancelar`,
  ]);
  expect(await joao.answer('1')).toMatch(
    new RegExp(`^Horário remarcado: \\*Degustação de bolos\\*, ${thursday} às 09:00\\.`),
  );

  await showAgendaDay(page, 1);
  await expect(page.getByText('Nenhum agendamento neste dia.')).toBeVisible();
  await page.getByRole('button', { name: 'Próximo', exact: true }).click();
  await page.getByRole('button', { name: 'Próximo', exact: true }).click();
  const thursdayList = page.getByRole('list', { name: `Agendamentos de ${thursday}` });
  await expect(thursdayList.getByLabel('Situação do agendamento de João Pereira')).toHaveValue('booked');

  // "cancelar" is about the booking, not an opt-out of automatic messages.
  expect(await joao.says('cancelar')).toEqual([
    `Cancelar seu horário de *Degustação de bolos*, ${thursday} às 09:00?\n1 Sim, cancelar · 2 Não, manter`,
  ]);
  expect(await joao.says('1')).toEqual([`Cancelado: Degustação de bolos, ${thursday} às 09:00.`]);
  await expect(thursdayList.getByLabel('Situação do agendamento de João Pereira')).toHaveValue('cancelled');
  const address = await joao.answer('qual o endereço?');
  expect(address).toContain('Rua das Laranjeiras, 245');
});

test('beyond the window: "Responda 1 na véspera"; the reminder goes only while the window is open; the agenda says who can be reminded until when', async ({
  page,
}) => {
  await shop.updateAgendaSettings({ reminderBeforeMin: 120 });
  const carla = shop.customer('Carla Dias', '5561943210987');
  const davi = shop.customer('Davi Rocha', '5571932109876');
  const tuesday = dayLabel(shop.dayAfterMonday(1));
  const thursday = dayLabel(shop.dayAfterMonday(3));

  await carla.says('Oi', 2);
  await carla.says(MENU.booking);
  await carla.says('1');
  await carla.says(typedDate(3));
  await carla.says('1'); // Thursday 09:00
  expect(await carla.answer('1')).toContain('Responda *1* na véspera para confirmar.');

  await davi.says('Oi', 2);
  await davi.says(MENU.booking);
  await davi.says('1');
  await davi.says('amanhã');
  await davi.says('5'); // Tuesday 11:00: after his window closes (Tuesday ~09:10), its 2-hour reminder before
  expect(await davi.answer('1')).toContain('Responda *1* na véspera para confirmar.');

  await showAgendaDay(page, 1);
  const tuesdayList = page.getByRole('list', { name: `Agendamentos de ${tuesday}` });
  await expect(tuesdayList.getByRole('listitem')).toContainText(`Lembrete automático às ${tuesday} às 09:00`);
  await page.getByRole('button', { name: 'Próximo', exact: true }).click();
  await page.getByRole('button', { name: 'Próximo', exact: true }).click();
  const thursdayList = page.getByRole('list', { name: `Agendamentos de ${thursday}` });
  // Carla's reminder would fall on Thursday, long after her window closes: staff may write until then.
  await expect(thursdayList.getByRole('listitem')).toContainText(/Dá para lembrar até ter \d\d\/\d\d às 09:1\d/);

  // Tuesday 09:05: Davi's window is still open, his reminder goes out.
  await shop.advance(23 * HOUR + 55 * MINUTE);
  await expect
    .poll(() => davi.lastReply())
    .toBe(
      `Lembrete: seu horário de *Degustação de bolos* é ${tuesday} às 11:00. Responda *1* para confirmar ou escreva *remarcar* ou *cancelar*.`,
    );
  // Tuesday 09:30: Carla's window closed; the agenda on screen says so without being reloaded.
  await shop.advance(25 * MINUTE);
  await expect(thursdayList.getByRole('listitem')).toContainText(
    'Não dá para lembrar: janela fechada — ligue para o cliente',
  );
  await page.getByRole('button', { name: 'Anterior', exact: true }).click();
  await page.getByRole('button', { name: 'Anterior', exact: true }).click();
  await expect(tuesdayList.getByRole('listitem')).toContainText('Lembrete enviado');

  // Wednesday afternoon, the day before: Carla's "1" reopens her window and confirms.
  await shop.advance(29 * HOUR);
  expect(await carla.says('1', 2)).toEqual([
    `Confirmado! Esperamos você: *Degustação de bolos*, ${thursday} às 09:00.`,
    'Endereço: Rua das Laranjeiras, 245 – Centro, São Paulo',
  ]);
  expect((await shop.sentTo(carla.phone)).filter((text) => text.startsWith('Lembrete'))).toEqual([]);
  await page.getByRole('button', { name: 'Próximo', exact: true }).click();
  await page.getByRole('button', { name: 'Próximo', exact: true }).click();
  await expect(thursdayList.getByRole('listitem')).toContainText('Confirmado pelo cliente');
});
