/**
 * Attachments being downloaded, and the actions around them: "download" / "try again", the first
 * view of a catch-up attachment, "Open" (desktop app). Changed messages come back through the
 * conversation store like any other message change.
 */
import { create } from 'zustand';
import type { ChatId, ChatMessage } from '../../../../shared/domain';
import type { OutgoingAttachment } from '../../../../shared/media/media-kind';
import { api } from '../../bridge/api';
import { useConversation } from '../conversation/conversation-store';
import { readAsBase64 } from './media-url';

interface MediaState {
  downloading: ReadonlySet<string>;
  /** Messages already fetched once on view this session: never fetched in a loop. */
  viewed: ReadonlySet<string>;
  download(chatId: ChatId, messageId: string): Promise<void>;
  downloadOnFirstView(message: ChatMessage): void;
  open(file: { sha256: string; filename: string; mimetype: string }): Promise<void>;
  upload(file: File): Promise<OutgoingAttachment>;
  usage(): Promise<{ files: number; bytes: number }>;
}

export const useMedia = create<MediaState>()((set, get) => ({
  downloading: new Set(),
  viewed: new Set(),
  download: async (chatId, messageId) => {
    if (get().downloading.has(messageId)) return;
    set((state) => ({ downloading: new Set([...state.downloading, messageId]) }));
    try {
      const message = await api().downloadMedia({ chatId, messageId });
      useConversation.getState().upsert(message);
    } catch {
      // The message keeps its state ("try again"); the backend logged why.
    } finally {
      set((state) => ({ downloading: new Set([...state.downloading].filter((id) => id !== messageId)) }));
    }
  },
  downloadOnFirstView: (message) => {
    if (message.media?.download !== 'not-downloaded' || get().viewed.has(message.id)) return;
    set((state) => ({ viewed: new Set([...state.viewed, message.id]) }));
    void get().download(message.chatId, message.id);
  },
  open: async (file) => {
    await api().openMedia(file);
  },
  upload: async (file) =>
    api().uploadMedia({
      base64: await readAsBase64(file),
      mimetype: file.type || 'application/octet-stream',
      filename: file.name || 'arquivo',
    }),
  usage: () => api().getMediaUsage({}),
}));
