/**
 * WhatsApp timestamps arrive in seconds; the store keeps milliseconds. Values that already look like
 * milliseconds (after the year 2001 in ms, i.e. above 10^12) are kept, so a double conversion cannot
 * push a message 1000× into the future.
 */
export function toEpochMs(timestamp: number): number {
  return timestamp >= 1e12 ? Math.trunc(timestamp) : Math.trunc(timestamp * 1000);
}
