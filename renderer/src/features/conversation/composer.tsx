import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
} from 'react';
import type { ChatId } from '../../../../shared/domain';
import { errorMessageKey } from '../../../../shared/i18n';
import { ComposerAssist, type ComposerKeyHandler, type ComposerSendGuard } from '../../app/extension-slots';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useUi } from '../../app/ui-store';
import { useMedia } from '../media/media-store';
import { ComposerAttachment } from './composer-attachment';
import { useChats } from '../chats/chats-store';
import { useConnection } from '../connect/connection-store';
import { useConversation } from './conversation-store';
import { useWindowBadge } from '../chats/window-badge';
import { ComposerNotices } from './composer-notices';
import { hasVisibleText } from '../../../../shared/chats/visible-text';

// Drafts survive switching chats (not a restart): losing a half-typed answer is worse than a leak.
const drafts = new Map<ChatId, string>();
const MAX_HEIGHT_PX = 160;

/** Text box and Send. Mounted per chat (keyed by chatId), so an error never leaks to another chat. */
export function Composer({ chatId }: { chatId: ChatId }) {
  const t = useT();
  const lastInboundAt = useChats((state) => state.byId.get(chatId)?.lastInboundAt ?? null);
  const connected = useConnection((state) => state.status.state === 'connected');
  const send = useConversation((state) => state.send);
  const sendMedia = useConversation((state) => state.sendMedia);
  const format = useFormatter();
  const attachment = useConversation((state) => state.attachments.get(chatId));
  const stageAttachment = useConversation((state) => state.stageAttachment);
  const clearAttachment = useConversation((state) => state.clearAttachment);
  const upload = useMedia((state) => state.upload);
  const [attaching, setAttaching] = useState(false);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const { state: windowState } = useWindowBadge(lastInboundAt);
  const [text, setTextState] = useState(() => drafts.get(chatId) ?? '');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const keyHandler = useRef<ComposerKeyHandler | null>(null);
  const sendGuard = useRef<ComposerSendGuard | null>(null);

  const setText = useCallback(
    (next: string) => {
      drafts.set(chatId, next);
      setTextState(next);
    },
    [chatId],
  );
  const setKeyHandler = useCallback((handler: ComposerKeyHandler | null) => {
    keyHandler.current = handler;
  }, []);
  const setSendGuard = useCallback((guard: ComposerSendGuard | null) => {
    sendGuard.current = guard;
  }, []);

  // Opening a chat from the list puts the caret here, as in WhatsApp Web.
  const composerFocus = useUi((state) => state.composerFocus);
  useEffect(() => {
    if (composerFocus > 0) textarea.current?.focus();
  }, [composerFocus]);

  // Grow with the text up to a few lines, then scroll.
  useLayoutEffect(() => {
    const element = textarea.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [text]);

  const windowClosed = windowState === 'closed';
  // Only invisible characters (zero-width spaces, direction marks…) count as empty, as the backend judges.
  const hasText = hasVisibleText(text);
  // Why a send cannot go out now, said next to the composer when Enter or Send is pressed. Offline
  // is not one: the reply waits in the outbox and goes out on reconnect.
  const refusalKey = windowClosed
    ? lastInboundAt === null
      ? 'composer.refusedNeverWrote'
      : 'composer.refusedClosed'
    : null;
  // Offline, a reply (and a file) waits in the outbox; a closed window is the only block here.
  const blocked = windowClosed;
  // A file alone (no caption) is something to send too.
  const hasContent = hasText || attachment !== undefined;

  const attach = async (file: File | undefined) => {
    if (!file || blocked) return;
    setAttaching(true);
    setError(null);
    try {
      stageAttachment(chatId, await upload(file));
    } catch (caught) {
      setError(t(errorMessageKey(caught)));
    } finally {
      setAttaching(false);
      textarea.current?.focus();
    }
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    setDragging(false);
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    void attach(event.dataTransfer.files[0]);
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const file = [...event.clipboardData.files].find((candidate) => candidate.type.startsWith('image/'));
    if (!file) return;
    event.preventDefault();
    void attach(file);
  };

  const submit = async () => {
    if (sending || attaching || !hasContent) return;
    if (refusalKey) {
      setError(t(refusalKey));
      return;
    }
    const refusal = sendGuard.current?.(text) ?? null;
    if (refusal) {
      setError(refusal);
      return;
    }
    setSending(true);
    setError(null);
    try {
      if (attachment) await sendMedia(text.trim(), attachment);
      else await send(text.trim());
      setText('');
      clearAttachment(chatId);
    } catch (caught) {
      // The backend is authoritative (the window may have closed a moment ago): keep the text.
      setError(t(errorMessageKey(caught)));
    } finally {
      setSending(false);
      textarea.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (keyHandler.current?.(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <div
      className={`composer${dragging ? ' composer--dragging' : ''}`}
      onDragOver={(event) => {
        if (blocked || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <ComposerNotices lastInboundAt={lastInboundAt} windowState={windowState} connected={connected} />
      {error && (
        <p className="composer__error" role="alert">
          {error}
        </p>
      )}
      <ComposerAssist
        chatId={chatId}
        text={text}
        setText={setText}
        textarea={textarea}
        setKeyHandler={setKeyHandler}
        setSendGuard={setSendGuard}
        windowClosed={windowClosed}
      />
      {attachment && (
        <ComposerAttachment
          attachment={attachment}
          locale={format.locale}
          onRemove={() => clearAttachment(chatId)}
          t={t}
        />
      )}
      <form
        className="composer__form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <button
          type="button"
          className="composer__attach"
          aria-label={t('composer.attach')}
          title={t('composer.attach')}
          disabled={blocked || attaching}
          onClick={() => fileInput.current?.click()}
        >
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path
              fill="currentColor"
              d="M16.5 6.5v10.6a4.5 4.5 0 0 1-9 0V5.8a3 3 0 0 1 6 0v10.4a1.5 1.5 0 0 1-3 0V6.5H9v9.7a3 3 0 0 0 6 0V5.8a4.5 4.5 0 0 0-9 0v11.3a6 6 0 0 0 12 0V6.5z"
            />
          </svg>
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          data-testid="composer-file"
          onChange={(event) => {
            void attach(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <textarea
          ref={textarea}
          className="composer__input"
          aria-label={t('composer.label')}
          placeholder={attachment ? t('composer.captionPlaceholder') : t('composer.placeholder')}
          onPaste={onPaste}
          rows={1}
          value={text}
          maxLength={4096}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button
          type="submit"
          className="composer__send"
          // Still clickable while a send is refused, so pressing it explains why (aria-disabled).
          disabled={sending || attaching || !hasContent}
          aria-disabled={refusalKey !== null}
          aria-label={t('composer.send')}
          title={t('composer.hint')}
        >
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" />
          </svg>
        </button>
      </form>
    </div>
  );
}
