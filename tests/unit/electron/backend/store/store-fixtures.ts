/** Shared builders for the store tests: a temp data folder, defaults, messages and contacts. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createManualClock } from '../manual-clock';
import { openStore, type OpenStoreOptions } from '../../../../../electron/backend/store/open-store';
import {
  emptyStoreData,
  type StoreData,
  type StoredContact,
  type StoredMessage,
} from '../../../../../electron/backend/store/store-types';
import { defaultSettings } from '../../../../../shared/settings/default-settings';

export const start = 1_750_000_000_000;

export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'janela-store-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function defaultData(): StoreData {
  return emptyStoreData(defaultSettings('America/Sao_Paulo'));
}

export function chatIdOf(n: number): string {
  return `55119${String(n).padStart(8, '0')}@c.us`;
}

export function message(chat: number, id: string, at: number, extra: Partial<StoredMessage> = {}): StoredMessage {
  return { id, chatId: chatIdOf(chat), direction: 'in', kind: 'text', text: `mensagem ${id}`, at, ...extra };
}

export function contact(chat: number, extra: Partial<StoredContact> = {}): StoredContact {
  const chatId = chatIdOf(chat);
  return {
    chatId,
    phone: chatId.split('@')[0] ?? '',
    waName: `Cliente ${chat}`,
    nameOverride: null,
    firstNameOverride: null,
    lastInboundAt: start,
    lastOutboundAt: null,
    lastMessage: { text: 'oi', at: start, direction: 'in' },
    unreadCount: 1,
    customFields: {},
    labels: [],
    notes: '',
    ...extra,
  };
}

export function open(dataDir: string, extra: Partial<OpenStoreOptions> = {}) {
  return openStore({ dataDir, clock: createManualClock(start), defaults: defaultData, flushDelayMs: 20, ...extra });
}
