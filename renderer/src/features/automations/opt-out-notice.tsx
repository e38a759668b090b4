/** On the customer's profile: they asked for no automatic messages ("PARAR"); staff can reverse it. */
import { useEffect, useState } from 'react';
import type { ChatId } from '../../../../shared/domain';
import { useChats } from '../chats/chats-store';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useAutomations } from './automations-store';

export function OptOutNotice({ chatId }: { chatId: ChatId }) {
  const t = useT();
  const format = useFormatter();
  const optedOutAtOf = useAutomations((state) => state.optedOutAt);
  const clearOptOut = useAutomations((state) => state.clearOptOut);
  // The customer's own messages are what can change it: look again when one arrives.
  const lastInboundAt = useChats((state) => state.byId.get(chatId)?.lastInboundAt ?? null);
  const [optedOutAt, setOptedOutAt] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    void optedOutAtOf(chatId)
      .then((at) => current && setOptedOutAt(at))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [chatId, lastInboundAt, optedOutAtOf]);

  if (optedOutAt === null) return null;
  return (
    <div className="opt-out-notice" role="note">
      <span>{t('auto.optedOut', { date: format.dateTime(optedOutAt) })}</span>
      <button
        type="button"
        className="button"
        onClick={() =>
          void clearOptOut(chatId).then(
            () => setOptedOutAt(null),
            () => undefined,
          )
        }
      >
        {t('auto.clearOptOut')}
      </button>
    </div>
  );
}
