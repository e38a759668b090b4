import { memo } from 'react';
import type { ChatMessage } from '../../../../shared/domain';
import type { Formatter, Translate } from '../../../../shared/i18n';
import { AutomaticMark } from '../automations/automatic-mark';
import { MediaAttachment } from '../media/media-attachment';
import { DeliveryTicks, failureText } from './delivery-ticks';
import { FormattedText } from './formatted-text';

function bodyOf(message: ChatMessage, t: Translate): string {
  switch (message.kind) {
    case 'text':
      return message.text;
    case 'media':
      return message.text || t('conversation.kind.media');
    case 'call':
      return message.text || t('conversation.kind.call');
    case 'reaction':
      return t('conversation.kind.reaction', { text: message.text });
  }
}

export const MessageBubble = memo(function MessageBubble({
  message,
  format,
  t,
}: {
  message: ChatMessage;
  format: Formatter;
  t: Translate;
}) {
  const time = format.time(message.at);
  const failed = message.direction === 'out' && message.status === 'failed';
  return (
    <li className={`bubble-row bubble-row--${message.direction}`} data-message-id={message.id}>
      <div className={`bubble bubble--${message.direction}${failed ? ' bubble--failed' : ''}`}>
        {message.media && <MediaAttachment message={message} t={t} format={format} />}
        {(!message.media || message.media.caption) && (
          <p className="bubble__text">
            <FormattedText text={(message.media ? message.media.caption : bodyOf(message, t)) ?? ''} />
          </p>
        )}
        <span className="bubble__meta">
          {message.automatic && <AutomaticMark t={t} />}
          <time dateTime={new Date(message.at).toISOString()} title={format.dateTime(message.at)}>
            {time}
          </time>
          {message.direction === 'out' && <DeliveryTicks message={message} />}
        </span>
      </div>
      {failed && <p className="bubble__failure">{failureText(t, message.failureReason)}</p>}
    </li>
  );
});
