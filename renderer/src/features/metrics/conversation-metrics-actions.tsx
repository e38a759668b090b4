/**
 * The conversation's two metrics actions: ask the customer for a rating (the CSAT survey, once per
 * conversation, while the window is open) and mark the conversation done ("Concluir").
 */
import { useState } from 'react';
import { isWindowOpen } from '../../../../shared/chats/window-rules';
import type { ChatSummary } from '../../../../shared/domain';
import { errorMessageKey } from '../../../../shared/i18n';
import { useT } from '../../i18n/use-i18n';
import { useClock } from '../../app/clock-store';

/** Rendered with `key={chatId}`: another chat starts with a fresh state. */
export function ConversationMetricsActions({ chat }: { chat: ChatSummary }) {
  const t = useT();
  const open = useClock((clock) => isWindowOpen(chat.lastInboundAt, clock.now));
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const done = chat.doneAt != null && (chat.lastInboundAt === null || chat.doneAt >= chat.lastInboundAt);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const text = await action();
      if (text) setMessage({ text, error: false });
    } catch (caught) {
      setMessage({ text: t(errorMessageKey(caught)), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="conversation-metrics">
      <button
        type="button"
        className="button button--small"
        disabled={busy || asked || !open}
        title={open ? undefined : t('error.window-closed')}
        onClick={() =>
          void run(async () => {
            await window.janela.sendCsatSurvey({ chatId: chat.chatId });
            setAsked(true);
            return null;
          })
        }
      >
        {asked ? t('metrics.ratingAsked') : t('metrics.askRating')}
      </button>
      {done && <span className="conversation-metrics__done">{t('metrics.done')}</span>}
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const result = await window.janela.markDone({ chatId: chat.chatId, done: !done });
            if (result.surveySent) setAsked(true);
            return result.surveySent ? t('metrics.markedDoneWithSurvey') : null;
          })
        }
      >
        {done ? t('metrics.reopen') : t('metrics.markDone')}
      </button>
      {message && (
        <p
          className={message.error ? 'conversation-metrics__error' : 'conversation-metrics__note'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
