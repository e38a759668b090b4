/**
 * What the store held when the records were last written at a clean close: a hash of every
 * contact's message times. At the next start, the same hash means the records file and the store
 * agree (no history to read); any other (the store's last write lost, a backup restored) means a
 * rebuild. Built from the contact times table the store keeps anyway: no contact, no history read.
 */
import type { JanelaStore } from '../store/store-types';

const TWO_TO_32 = 2 ** 32;

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x01000193) >>> 0;
}

function mixTime(hash: number, time: number): number {
  if (Number.isNaN(time)) return mix(hash, 0x7fc00000);
  return mix(mix(hash, (time % TWO_TO_32) >>> 0), Math.floor(time / TWO_TO_32) >>> 0);
}

export function storeFingerprint(store: JanelaStore): string {
  const { chatIds, times } = store.contactTimes();
  // Summed per chat: the order the store lists its contacts in does not matter.
  let sum = 0;
  let xor = 0;
  for (let index = 0; index < chatIds.length; index++) {
    const chatId = chatIds[index] as string;
    let hash = 0x811c9dc5;
    for (let char = 0; char < chatId.length; char++) hash = mix(hash, chatId.charCodeAt(char));
    for (let column = 0; column < 3; column++) hash = mixTime(hash, times[index * 3 + column] ?? Number.NaN);
    sum = (sum + hash) >>> 0;
    xor = (xor ^ hash) >>> 0;
  }
  return `${chatIds.length}-${sum.toString(16)}-${xor.toString(16)}`;
}
