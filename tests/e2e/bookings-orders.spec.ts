/**
 * The staff side of bookings and orders in the demo bakery: the agenda (create, move, cancel a
 * booking, telling the customer while their window is open) and the order board (a status change
 * that tells the customer, and one that cannot because the window closed). The chat side is in
 * chat-bookings.spec.ts, chat-orders.spec.ts and chat-flows-restart.spec.ts.
 */
import { expect, test, HOUR } from './fixtures';
import { JanelaHost } from './janela-host';

const SHOP_ZONE = { TZ: 'America/Sao_Paulo' };

async function demoHost(lang: 'en' | 'pt-BR' = 'en'): Promise<JanelaHost> {
  return new JanelaHost({ mode: '--demo', lang, env: SHOP_ZONE }).start();
}

test('staff book, move and cancel a tasting on the agenda, and the customer is told', async ({ page }) => {
  const host = await demoHost();
  try {
    await host.inbound({ phone: '5511987654321', name: 'Maria Silva', text: 'Posso marcar uma degustação?' });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Agenda' }).click();
    await expect(page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
    for (let day = 0; day < 5; day++) await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('No bookings on this day.')).toBeVisible();

    await page.getByRole('button', { name: 'New booking' }).click();
    const dialog = page.getByRole('dialog', { name: 'New booking' });
    await dialog.getByLabel('Customer').selectOption({ label: 'Maria Silva' });
    await dialog.getByLabel('Service').selectOption({ label: 'Degustação de bolos' });
    await dialog.getByLabel('Time').fill('16:00');
    await expect(dialog.getByLabel('Send the customer a message about it')).toBeChecked();
    await dialog.getByRole('button', { name: 'Save booking' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Booking saved. The customer was told.');
    const day = page.getByRole('list', { name: /^Bookings on/ });
    await expect(day.getByRole('listitem')).toContainText(['4:00 PM']);
    await expect(day.getByRole('button', { name: 'Open the chat with Maria Silva' })).toBeVisible();
    await expect
      .poll(async () => (await host.sent()).map((sent) => sent.text))
      .toContainEqual(expect.stringMatching(/^You're booked: \*Degustação de bolos\*, .* at 4:00 PM\. See you then!$/));

    await day.getByRole('button', { name: 'Move' }).click();
    const move = page.getByRole('dialog', { name: 'Move Maria Silva’s booking' });
    await move.getByLabel('Time').fill('17:30');
    await move.getByRole('button', { name: 'Move booking' }).click();
    await expect(day.getByRole('listitem')).toContainText(['5:30 PM']);
    await expect
      .poll(async () => (await host.sent()).map((sent) => sent.text))
      .toContainEqual(expect.stringMatching(/^Your booking was moved: .* at 5:30 PM\.$/));

    await day.getByRole('button', { name: 'Cancel booking' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel Maria Silva’s booking?' });
    await cancel.getByRole('button', { name: 'Cancel booking' }).click();
    await expect(day.getByLabel('Status of Maria Silva’s booking')).toHaveValue('cancelled');
    await expect
      .poll(async () => (await host.sent()).map((sent) => sent.text))
      .toContainEqual(expect.stringMatching(/^Your \*Degustação de bolos\* on .* was cancelled\./));

    // Opening a booking opens the chat.
    await day.getByRole('button', { name: 'Open the chat with Maria Silva' }).click();
    await expect(page.getByRole('heading', { name: 'Maria Silva' })).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('the agenda says who cannot be reminded because their window closed', async ({ page }) => {
  const host = await demoHost();
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Agenda' }).click();
    await page.getByRole('button', { name: 'Week' }).click();
    // Beatriz wrote 30 hours ago; her tasting tomorrow cannot be reminded.
    const beatriz = page.getByRole('listitem').filter({ hasText: 'Beatriz Lima' });
    await expect(beatriz).toContainText('Cannot be reminded: window closed');
  } finally {
    await host.stop();
  }
});

test('moving an order along tells the customer with the status template while the window is open', async ({ page }) => {
  const host = await demoHost();
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Orders' }).click();
    const card = page.getByRole('listitem', { name: 'Order #1045 from Maria Silva' });
    await expect(card).toContainText('Total R$ 60,00');
    await expect(card.getByLabel('Tell Maria Silva about order #1045')).toBeChecked();
    await card.getByRole('button', { name: 'Accept (order #1045)' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(
      'Order #1045: Accepted. The customer was told.',
    );
    await expect(page.getByRole('region', { name: 'Accepted' })).toContainText('#1045');
    await expect
      .poll(async () => (await host.sent()).map((sent) => sent.text))
      .toContain('Order #1045: Hi Maria! Your order was accepted and we are preparing it.');
    await expect(page.getByRole('definition').filter({ hasText: 'in orders' })).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('an order moved after the customer’s window closed goes along without telling them', async ({ page }) => {
  const host = await demoHost();
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Orders' }).click();
    const card = page.getByRole('listitem', { name: 'Order #1044 from João Pereira' });
    await expect(card.getByLabel('Tell João Pereira about order #1044')).toBeVisible();
    await host.advanceClock(3 * HOUR); // João wrote 21 h 40 min ago: his window closes.
    await expect(card).toContainText('The customer cannot be told now: window closed.');
    await expect(card.getByLabel('Tell João Pereira about order #1044')).toHaveCount(0);
    const before = (await host.sent()).length;
    await card.getByRole('button', { name: 'Accept (order #1044)' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Order #1044: Accepted.');
    await expect(page.getByRole('region', { name: 'Accepted' })).toContainText('#1044');
    expect((await host.sent()).length).toBe(before);
  } finally {
    await host.stop();
  }
});

for (const lang of ['pt-BR', 'en'] as const) {
  test(`screenshots of the agenda and the order board (${lang})`, async ({ page }) => {
    const host = await demoHost(lang);
    const names =
      lang === 'en'
        ? {
            agenda: 'Agenda',
            orders: 'Orders',
            week: 'Week',
            next: 'Next',
            products: 'Products and settings',
            services: 'Services and settings',
            newBooking: 'New booking',
          }
        : {
            agenda: 'Agenda',
            orders: 'Pedidos',
            week: 'Semana',
            next: 'Próximo',
            products: 'Produtos e ajustes',
            services: 'Serviços e ajustes',
            newBooking: 'Novo agendamento',
          };
    try {
      for (const size of [
        { width: 1280, height: 800, tag: '' },
        { width: 1024, height: 640, tag: '-1024' },
        { width: 1920, height: 1080, tag: '-1920' },
      ]) {
        await page.setViewportSize(size);
        await page.goto(host.url);
        await page.getByRole('button', { name: names.agenda }).click();
        await page.getByRole('button', { name: names.next }).click();
        await expect(page.getByRole('list', { name: /./ }).getByRole('listitem').first()).toBeVisible();
        await page.screenshot({ path: `test-results/screens/agenda-day-${lang}${size.tag}.png` });
        await page.getByRole('button', { name: names.week }).click();
        await page.screenshot({ path: `test-results/screens/agenda-week-${lang}${size.tag}.png` });
        await page.getByRole('button', { name: names.orders }).click();
        await expect(page.getByRole('listitem', { name: /#1045/ })).toBeVisible();
        await page.screenshot({ path: `test-results/screens/order-board-${lang}${size.tag}.png` });
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('button', { name: names.products }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.screenshot({ path: `test-results/screens/catalogue-${lang}.png` });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: names.agenda }).click();
      await page.getByRole('button', { name: names.services }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.screenshot({ path: `test-results/screens/services-${lang}.png` });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: names.newBooking }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.getByRole('dialog').getByRole('combobox').first().selectOption({ label: 'Beatriz Lima' });
      await page.screenshot({ path: `test-results/screens/new-booking-${lang}.png` });
    } finally {
      await host.stop();
    }
  });
}
