import type { OutgoingAttachment } from '../../../../shared/media/media-kind';
import type { Translate } from '../../../../shared/i18n';
import { formatBytes, mediaUrl } from '../media/media-url';

const inlineImages = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/** The file about to be sent, above the text box that becomes its caption. */
export function ComposerAttachment({
  attachment,
  locale,
  onRemove,
  t,
}: {
  attachment: OutgoingAttachment;
  locale: string;
  onRemove: () => void;
  t: Translate;
}) {
  return (
    <div className="composer-attachment" role="group" aria-label={t('composer.attachmentPreview')}>
      {inlineImages.has(attachment.mimetype) ? (
        <img src={mediaUrl(attachment)} alt="" />
      ) : (
        <span className="media-document__icon" aria-hidden="true">
          {(attachment.filename.split('.').pop() ?? '').slice(0, 4).toUpperCase() || 'DOC'}
        </span>
      )}
      <span className="composer-attachment__name">
        {attachment.filename} · {formatBytes(attachment.size, locale)}
      </span>
      <button type="button" className="button media-action" onClick={onRemove}>
        {t('composer.removeAttachment')}
      </button>
    </div>
  );
}
