import { useRef, useState } from 'react';
import type { OutgoingAttachment } from '../../../../shared/media/media-kind';
import { errorMessageKey } from '../../../../shared/i18n';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useMedia } from '../media/media-store';
import { formatBytes } from '../media/media-url';

/** A quick reply's optional file (a price list, a product photo), uploaded to the media folder. */
export function QuickReplyAttachmentField({
  attachment,
  onChange,
}: {
  attachment: OutgoingAttachment | undefined;
  onChange: (attachment: OutgoingAttachment | undefined) => void;
}) {
  const t = useT();
  const format = useFormatter();
  const upload = useMedia((state) => state.upload);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await upload(file));
    } catch (caught) {
      setError(t(errorMessageKey(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field" role="group" aria-label={t('quickReplies.attachment')}>
      <span className="field__label">{t('quickReplies.attachment')}</span>
      {attachment ? (
        <span className="qr-editor__attachment">
          <span>
            📎 {attachment.filename} · {formatBytes(attachment.size, format.locale)}
          </span>
          <button type="button" className="button" onClick={() => onChange(undefined)}>
            {t('quickReplies.removeAttachment')}
          </button>
        </span>
      ) : (
        <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
          {t('quickReplies.attach')}
        </button>
      )}
      <input
        ref={input}
        type="file"
        hidden
        data-testid="quick-reply-file"
        onChange={(event) => {
          void pick(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {error && (
        <span className="error-text" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
