/** The size limits agree end to end: what the UI lets through, the contract and the host accept. */
import { describe, expect, it } from 'vitest';
import { commands } from '../../../shared/contract';
import { MAX_IMPORT_FILE_BYTES, MAX_WS_FRAME_BYTES } from '../../../shared/limits';

const frameBytes = (json: string) =>
  Buffer.byteLength(JSON.stringify({ type: 'invoke', id: 2 ** 40, name: 'importQuickReplies', input: { json } }));

describe('the quick-reply import limits', () => {
  it('a file of the largest size passes the contract, whatever its characters', () => {
    for (const char of ['a', '€', '😀']) {
      const json = char.repeat(Math.floor(MAX_IMPORT_FILE_BYTES / Buffer.byteLength(char)));
      expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_IMPORT_FILE_BYTES);
      expect(commands.importQuickReplies.input.safeParse({ json }).success, char).toBe(true);
    }
  });

  it('travels in one WebSocket frame even when it is all quotes and backslashes', () => {
    for (const char of ['"', '\\', '€']) {
      const json = char.repeat(Math.floor(MAX_IMPORT_FILE_BYTES / Buffer.byteLength(char)));
      expect(frameBytes(json), char).toBeLessThanOrEqual(MAX_WS_FRAME_BYTES);
    }
  });

  it('the contract refuses more characters than the file may hold bytes', () => {
    const json = 'a'.repeat(MAX_IMPORT_FILE_BYTES + 1);
    expect(commands.importQuickReplies.input.safeParse({ json }).success).toBe(false);
  });
});
