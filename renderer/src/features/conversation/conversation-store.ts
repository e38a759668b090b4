/**
 * The open conversation: its loaded history (oldest first) and what the composer needs.
 * History pages in 50 at a time; live changes arrive through `upsert` by message id.
 * The attachment waiting in each chat's composer (picked, dropped, pasted, or brought by a quick
 * reply) is kept per chat and outlives opening another one; it is already in the media folder
 * (uploaded when chosen), so the preview is the stored file.
 */
import { create } from 'zustand';
import type { ChatId, ChatMessage } from '../../../../shared/domain';
import type { OutgoingAttachment } from '../../../../shared/media/media-kind';
import { api } from '../../bridge/api';

const PAGE_SIZE = 50;

interface ConversationState {
  chatId: ChatId | null;
  messages: readonly ChatMessage[];
  hasMore: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadingOlder: boolean;
  open(chatId: ChatId): Promise<void>;
  close(): void;
  loadOlder(): Promise<void>;
  upsert(message: ChatMessage): void;
  /** Resolves with the stored message; rejects with the backend's error (the caller shows it). */
  send(text: string): Promise<ChatMessage>;
  /** An attachment with `caption` (may be empty); like `send`. */
  sendMedia(caption: string, attachment: OutgoingAttachment): Promise<ChatMessage>;
  attachments: ReadonlyMap<ChatId, OutgoingAttachment>;
  stageAttachment(chatId: ChatId, attachment: OutgoingAttachment): void;
  clearAttachment(chatId: ChatId): void;
}

function byTime(a: ChatMessage, b: ChatMessage): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Merges by id, keeping the newer copy of a message whose status changed. */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort(byTime);
}

export const useConversation = create<ConversationState>()((set, get) => ({
  chatId: null,
  messages: [],
  hasMore: false,
  status: 'idle',
  loadingOlder: false,
  open: async (chatId) => {
    set({ chatId, messages: [], hasMore: false, status: 'loading', loadingOlder: false });
    // Opening a chat is reading it; a failure only leaves the unread count up.
    api()
      .markRead({ chatId })
      .catch(() => undefined);
    try {
      const page = await api().getConversation({ chatId, limit: PAGE_SIZE });
      // The person may have opened another chat meanwhile.
      if (get().chatId !== chatId) return;
      set((state) => ({
        messages: mergeMessages(state.messages, page.messages),
        hasMore: page.hasMore,
        status: 'ready',
      }));
    } catch {
      if (get().chatId === chatId) set({ status: 'error' });
    }
  },
  close: () => set({ chatId: null, messages: [], hasMore: false, status: 'idle', loadingOlder: false }),
  loadOlder: async () => {
    const { chatId, messages, hasMore, loadingOlder } = get();
    const oldest = messages[0];
    if (!chatId || !hasMore || loadingOlder || !oldest) return;
    set({ loadingOlder: true });
    try {
      const page = await api().getConversation({ chatId, beforeId: oldest.id, limit: PAGE_SIZE });
      if (get().chatId !== chatId) return;
      set((state) => ({ messages: mergeMessages(state.messages, page.messages), hasMore: page.hasMore }));
    } finally {
      if (get().chatId === chatId) set({ loadingOlder: false });
    }
  },
  upsert: (message) => {
    if (message.chatId !== get().chatId) return;
    set((state) => ({ messages: mergeMessages(state.messages, [message]) }));
  },
  send: async (text) => {
    const chatId = get().chatId;
    if (!chatId) throw new Error('no chat is open');
    const message = await api().sendMessage({ chatId, text });
    get().upsert(message);
    return message;
  },
  sendMedia: async (caption, attachment) => {
    const chatId = get().chatId;
    if (!chatId) throw new Error('no chat is open');
    const message = await api().sendMedia({ chatId, caption, attachment });
    get().upsert(message);
    return message;
  },
  attachments: new Map(),
  stageAttachment: (chatId, attachment) => set({ attachments: new Map(get().attachments).set(chatId, attachment) }),
  clearAttachment: (chatId) => {
    if (!get().attachments.has(chatId)) return;
    const attachments = new Map(get().attachments);
    attachments.delete(chatId);
    set({ attachments });
  },
}));
