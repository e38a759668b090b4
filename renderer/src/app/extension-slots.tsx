/**
 * Places other features plug into the conversation view without editing it (issue 4: quick
 * replies and the customer profile). Each slot renders nothing until a feature fills it here.
 */
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import type { ChatId } from '../../../shared/domain';
import { SidePanel } from '../features/profiles/side-panel';
import { QuickReplyAssist } from '../features/quick-replies/quick-reply-assist';

export interface ConversationSidePanelProps {
  chatId: ChatId;
}

/** Right-hand column beside the history (the customer profile, the quick-reply previews). */
export function ConversationSidePanel({ chatId }: ConversationSidePanelProps): ReactNode {
  return <SidePanel chatId={chatId} />;
}

/** Return true when the key was handled (the composer then neither sends nor types it). */
export type ComposerKeyHandler = (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
/** Return a message (in the person's language) to refuse the send, or null to let it go. */
export type ComposerSendGuard = (text: string) => string | null;

export interface ComposerAssistProps {
  chatId: ChatId;
  text: string;
  setText(text: string): void;
  textarea: RefObject<HTMLTextAreaElement | null>;
  /** Lets the assist see keys first (arrows, Enter and Esc in the `/` picker). */
  setKeyHandler(handler: ComposerKeyHandler | null): void;
  setSendGuard(guard: ComposerSendGuard | null): void;
  /** The customer's window is closed: a reply can be drafted but not sent. */
  windowClosed: boolean;
}

/** Rendered just above the composer's text box (the `/` quick-reply picker). */
export function ComposerAssist(props: ComposerAssistProps): ReactNode {
  return <QuickReplyAssist {...props} />;
}
