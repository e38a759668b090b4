/**
 * Issue 10's scenario through the browser host: a fresh data folder, two customers write, the host
 * stops, part of janela.json is overwritten, the host starts again. Both chats are there, and the
 * notice says so in Portuguese only: no file names, no English.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { JanelaHost } from './janela-host';

test('a damaged janela.json: both customers are back, and the person is told in their language', async ({ page }) => {
  const host = await new JanelaHost().start();
  try {
    await host.inbound({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi! Tem o vestido azul?' });
    await host.inbound({ phone: '5521998765432', name: 'João Pereira', text: 'Bom dia' });
    await host.stop();
    const file = join(host.dataDir, 'janela.json');
    const bytes = readFileSync(file);
    bytes.write('#'.repeat(40), 60);
    writeFileSync(file, bytes);

    await host.start();
    await page.goto(host.url);
    const list = page.getByRole('navigation');
    await expect(list.getByRole('button', { name: 'Maria Silva', exact: true })).toBeVisible();
    await expect(list.getByRole('button', { name: 'João Pereira', exact: true })).toBeVisible();
    const notice = page.getByRole('region', { name: 'Avisos' }).getByRole('alert');
    await expect(notice).toContainText('Parte dos seus dados salvos estava danificada.');
    await expect(notice).toContainText('Nada foi perdido.');
    await expect(notice).not.toContainText(/janela\.json|restored|could not/);
  } finally {
    await host.stop();
  }
});
