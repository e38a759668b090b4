import WAWebJS from 'whatsapp-web.js';
import { startStandIn } from './index';
import { createClient, destroyClient } from '../unit/wa-standin/harness';
const t0 = Date.now();
const log = (...a: unknown[]) => console.log(((Date.now()-t0)/1000).toFixed(2), ...a);
const proto = WAWebJS.Client.prototype as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
for (const name of ['inject', 'initWebVersionCache', 'setDeviceName', 'getWWebVersion']) {
  const orig = proto[name]!;
  proto[name] = async function (this: unknown, ...args: unknown[]) { log('>', name); const r = await orig.apply(this, args); log('<', name); return r; };
}
const standIn = await startStandIn({ qrRotateMs: 0 });
const b = createClient(standIn);
b.on('qr', () => log('qr'));
const pageLog = setInterval(() => { const p = b.pupPage; if (p) { clearInterval(pageLog); log('page exists'); p.on('framenavigated', () => log('navigated')); p.on('load', () => log('load')); } }, 10);
await b.initialize(); log('init done');
await destroyClient(b); log('destroyed');
await standIn.close();
