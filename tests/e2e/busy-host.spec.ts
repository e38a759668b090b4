/**
 * A busy host reads several of a page's frames in one go. The page applies answers and events in
 * the order they arrive, so the host must not let a later command's event overtake an earlier
 * command's answer: here the page reads the automatic replies at start-up while they are being
 * turned on (as a settings screen or another tab does), and must end up showing them on.
 */
import { demoAutomationSettings } from '../../electron/backend/automations/demo-automations';
import { expect, test } from './fixtures';

/** Id of the command the test slips in beside the page's own; its answer is not the page's. */
const TURN_ON_ID = 1_000_000;

test('automatic replies turned on while a busy host answers the page’s read of them: the page shows them on', async ({
  page,
  host,
}) => {
  const turnOn = { ...demoAutomationSettings('en'), enabled: true };
  let readId: number | null = null;
  let readAnswered = false;
  await page.routeWebSocket(/\/ws$/, (client) => {
    const server = client.connectToServer();
    client.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id?: number; name?: string };
      if (frame.name !== 'getAutomationSettings' || readId !== null) return server.send(message);
      readId = frame.id ?? null;
      // The host is held while both frames go out, so it reads them together, as under load.
      void host.busy(1_000).then(() => {
        server.send(message);
        server.send(
          JSON.stringify({ type: 'invoke', id: TURN_ON_ID, name: 'updateAutomationSettings', input: turnOn }),
        );
      });
    });
    server.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { type: string; id?: number };
      if (frame.type === 'result' && frame.id === TURN_ON_ID) return;
      client.send(message);
      if (frame.type === 'result' && frame.id === readId) readAnswered = true;
    });
  });
  await page.goto(host.url);
  // The screen takes the settings the page holds once the page has had its answer.
  await expect.poll(() => readAnswered).toBe(true);

  await page.getByRole('button', { name: 'Automations', exact: true }).click();
  await expect(page.getByRole('checkbox', { name: /Answer automatically/ })).toBeChecked();
});
