/**
 * The attachment waiting in each chat's composer: picked, dropped, pasted, or brought by a quick
 * reply. Already in the media folder (uploaded when chosen), so the preview is the stored file.
 */
import { create } from 'zustand';
import type { ChatId } from '../../../../shared/domain';
import type { OutgoingAttachment } from '../../../../shared/media/media-kind';

interface ComposerAttachmentState {
  byChat: ReadonlyMap<ChatId, OutgoingAttachment>;
  stage(chatId: ChatId, attachment: OutgoingAttachment): void;
  clear(chatId: ChatId): void;
}

export const useComposerAttachment = create<ComposerAttachmentState>()((set, get) => ({
  byChat: new Map(),
  stage: (chatId, attachment) => set({ byChat: new Map(get().byChat).set(chatId, attachment) }),
  clear: (chatId) => {
    if (!get().byChat.has(chatId)) return;
    const byChat = new Map(get().byChat);
    byChat.delete(chatId);
    set({ byChat });
  },
}));
