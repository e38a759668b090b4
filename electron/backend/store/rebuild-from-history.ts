/**
 * The last line of recovery: what the history files say about each chat. When janela.json and its
 * backup cannot give every contact back as it was, each conversation's messages rebuild its
 * contact's window times and last message, and the name WhatsApp gave the customer (kept on their
 * messages). Labels, notes, custom fields and names given in Janela live only in janela.json and
 * the journal: what those no longer hold cannot come back, and the person is told.
 */
import path from 'node:path';
import { foldMessage, newContact } from '../chats/record-message';
import type { InboundRuleSettings } from '../chats/inbound-rule';
import type { ChatId } from '../../../shared/domain';
import { parseMessageLines } from './message-lines';
import type { DocumentChanges } from './store-document-codec';
import { isMissing, readIfExists, type StoreFs } from './store-fs';
import type { StoreData, StoredContact, StoredMessage } from './store-types';

/** Journal changes applied in order: contacts replaced whole, removed ones removed, the rest replaced. */
export function applyChanges(data: StoreData, changes: readonly DocumentChanges[]): boolean {
  let restChanged = false;
  for (const change of changes) {
    Object.assign(data.contacts, change.contacts);
    for (const key of change.removed) Reflect.deleteProperty(data.contacts, key);
    if (change.rest) {
      Object.assign(data, change.rest);
      restChanged = true;
    }
  }
  return restChanged;
}

/**
 * Folds every message of every chat file (and those of the journal not in them yet) into the
 * contacts: a missing contact is created, an existing one gets the newest times and last message.
 * Folding is idempotent (times only move forward), so contacts already right are left as they are.
 * Returns how many contacts it created or changed.
 */
export async function foldHistory(
  fs: StoreFs,
  chatsDir: string,
  contacts: Record<string, StoredContact>,
  journaled: readonly StoredMessage[],
  settings: InboundRuleSettings,
): Promise<number> {
  const byChat = new Map<ChatId, StoredMessage[]>();
  const add = (message: StoredMessage) => {
    const list = byChat.get(message.chatId);
    if (list) list.push(message);
    else byChat.set(message.chatId, [message]);
  };
  let names: string[] = [];
  try {
    names = await fs.readdir(chatsDir);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  for (const name of names) {
    if (!name.endsWith('.jsonl')) continue;
    const text = await readIfExists(fs, path.join(chatsDir, name));
    if (text) parseMessageLines(text).messages.forEach(add);
  }
  journaled.forEach(add);
  let changed = 0;
  for (const [chatId, messages] of byChat) {
    messages.sort((a, b) => a.at - b.at);
    const existing = contacts[chatId];
    let contact = existing ?? newContact(chatId, null);
    for (const message of messages) {
      contact = foldMessage(contact, message, false, settings);
      if (message.direction === 'in' && message.contactName && (!existing || existing.waName === null))
        contact = { ...contact, waName: message.contactName };
    }
    if (!existing || !sameSummary(existing, contact)) {
      contacts[chatId] = contact;
      changed++;
    }
  }
  return changed;
}

function sameSummary(a: StoredContact, b: StoredContact): boolean {
  return (
    a.waName === b.waName &&
    a.lastInboundAt === b.lastInboundAt &&
    a.lastOutboundAt === b.lastOutboundAt &&
    a.lastMessage?.at === b.lastMessage?.at &&
    a.lastMessage?.text === b.lastMessage?.text &&
    a.lastMessage?.direction === b.lastMessage?.direction
  );
}
