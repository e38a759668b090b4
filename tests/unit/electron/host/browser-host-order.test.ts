/**
 * The page applies what the host sends in the order it arrives: an answer read before a change must
 * not arrive after the event of that change, or the page keeps the old state for good. A busy host
 * reads several of a page's frames in one go; they are written here in one TCP packet on purpose.
 */
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { demoAutomationSettings } from '../../../../electron/backend/automations/demo-automations';
import type { AutomationSettings } from '../../../../shared/automations/automation-settings';
import type { ServerFrame } from '../../../../shared/wire';
import { startHost } from './host-fixture';
import { clientTextFrame, rawWebSocket } from './hostile-frames';

/** Collects the host's (unmasked, unfragmented) text frames in the order they arrive. */
function serverFrames(socket: Socket): ServerFrame[] {
  const frames: ServerFrame[] = [];
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (buffered.length < 2) return;
      const short = (buffered[1] ?? 0) & 0x7f;
      const headerBytes = short === 126 ? 4 : short === 127 ? 10 : 2;
      if (buffered.length < headerBytes) return;
      const length =
        short === 126 ? buffered.readUInt16BE(2) : short === 127 ? Number(buffered.readBigUInt64BE(2)) : short;
      if (buffered.length < headerBytes + length) return;
      frames.push(JSON.parse(buffered.subarray(headerBytes, headerBytes + length).toString('utf8')) as ServerFrame);
      buffered = buffered.subarray(headerBytes + length);
    }
  });
  return frames;
}

describe('browser host: order of answers and events', () => {
  it('a page that reads the automatic replies while turning them on ends with them on', async () => {
    const { port } = await startHost(true);
    const socket = await rawWebSocket(port);
    const frames = serverFrames(socket);
    const turnedOn: AutomationSettings = { ...demoAutomationSettings('pt-BR'), enabled: true };
    // What connect-stores and a settings screen send at start-up, close together.
    socket.write(
      Buffer.concat([
        clientTextFrame({ type: 'invoke', id: 1, name: 'getAutomationSettings', input: {} }),
        clientTextFrame({ type: 'invoke', id: 2, name: 'updateAutomationSettings', input: turnedOn }),
      ]),
    );
    await expect.poll(() => frames.filter((frame) => frame.type === 'result').length).toBe(2);

    // The page's store, fed as connect-stores feeds it: the answer to the read, then each event.
    let enabled: boolean | null = null;
    for (const frame of frames) {
      if (frame.type === 'result' && frame.id === 1 && frame.result.ok)
        enabled = (frame.result.value as AutomationSettings).enabled;
      if (frame.type === 'event' && frame.name === 'automationSettingsChanged')
        enabled = (frame.payload as { settings: AutomationSettings }).settings.enabled;
    }
    expect(enabled).toBe(true);
    socket.destroy();
  });
});
