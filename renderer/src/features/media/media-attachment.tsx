import { useEffect, useState } from 'react';
import type { ChatMessage } from '../../../../shared/domain';
import type { Formatter, Translate } from '../../../../shared/i18n';
import { canDownload, mapsUrl, type MediaInfo } from '../../../../shared/media/media-kind';
import { extensionOf, mayOpenWithSystem } from '../../../../shared/media/open-rules';
import { useChats } from '../chats/chats-store';
import { useUi } from '../../app/ui-store';
import { formatPhone } from '../../../../shared/profiles/format-phone';
import { ImageViewer } from './image-viewer';
import { useMedia } from './media-store';
import { canOpenFiles, formatBytes, mediaUrl } from './media-url';
import { VoicePlayer } from './voice-player';

/** Pictures a page may show in place; anything else (SVG included) is offered as a file. */
const inlineImages = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

type Stored = MediaInfo & { sha256: string };

function isStored(media: MediaInfo): media is Stored {
  return media.download === 'ok' && media.sha256 !== undefined;
}

/** What a message's attachment looks like in the conversation, by kind and download state. */
export function MediaAttachment({ message, t, format }: { message: ChatMessage; t: Translate; format: Formatter }) {
  const media = message.media;
  const downloadOnFirstView = useMedia((state) => state.downloadOnFirstView);
  useEffect(() => {
    if (media && canDownload(media)) downloadOnFirstView(message);
  }, [media, message, downloadOnFirstView]);
  if (!media) return null;

  switch (media.kind) {
    case 'location':
      return <LocationCard media={media} t={t} />;
    case 'contact':
      return <ContactCard media={media} t={t} />;
    case 'deleted':
      return <p className="media-note">{t('mediaView.deleted')}</p>;
    case 'view-once':
      return <p className="media-note">{t('mediaView.viewOnce')}</p>;
    case 'unsupported':
      return <p className="media-note">{t('mediaView.unsupported')}</p>;
    default:
      break;
  }
  if (!isStored(media)) return <NotDownloaded message={message} media={media} t={t} />;
  switch (media.kind) {
    case 'image':
    case 'sticker':
      return inlineImages.has(media.mimetype ?? '') ? (
        <ImageThumbnail media={media} sticker={media.kind === 'sticker'} t={t} />
      ) : (
        <DocumentCard media={media} t={t} format={format} />
      );
    case 'voice':
    case 'audio':
      return <VoicePlayer src={mediaUrl(media)} durationSec={media.durationSec} voice={media.kind === 'voice'} t={t} />;
    case 'video':
      return (
        <video
          className="media-video"
          src={mediaUrl(media)}
          controls
          preload="metadata"
          aria-label={t('mediaView.video')}
          {...(media.gif ? { loop: true, muted: true, autoPlay: true } : {})}
        />
      );
    default:
      return <DocumentCard media={media} t={t} format={format} />;
  }
}

function ImageThumbnail({ media, sticker, t }: { media: Stored; sticker: boolean; t: Translate }) {
  const [open, setOpen] = useState(false);
  const filename = media.filename ?? `foto.${extensionOf(`x.${media.mimetype?.split('/')[1] ?? 'jpg'}`)}`;
  const src = mediaUrl(media);
  const ratio = media.width && media.height ? `${media.width} / ${media.height}` : undefined;
  if (sticker) return <img className="media-sticker" src={src} alt={t('mediaView.sticker')} />;
  return (
    <>
      <button type="button" className="media-thumb" aria-label={t('mediaView.openImage')} onClick={() => setOpen(true)}>
        <img src={src} alt="" style={ratio ? { aspectRatio: ratio } : undefined} />
      </button>
      {open && (
        <ImageViewer
          src={src}
          downloadHref={mediaUrl({ ...media, filename }, { download: true })}
          filename={filename}
          alt={media.caption ?? t('mediaView.viewer')}
          onClose={() => setOpen(false)}
          t={t}
        />
      )}
    </>
  );
}

function DocumentCard({ media, t, format }: { media: Stored; t: Translate; format: Formatter }) {
  const openFile = useMedia((state) => state.open);
  const [failed, setFailed] = useState(false);
  const filename = media.filename ?? 'arquivo';
  const type = (extensionOf(filename) || media.mimetype?.split('/')[1] || '').toUpperCase();
  const openable = canOpenFiles() && mayOpenWithSystem(filename);
  return (
    <div className="media-document" role="group" aria-label={filename}>
      <span className="media-document__icon" aria-hidden="true">
        {type.slice(0, 4) || 'DOC'}
      </span>
      <span className="media-document__body">
        <span className="media-document__name">{filename}</span>
        <span className="media-document__meta">
          {[type, media.size !== undefined ? formatBytes(media.size, format.locale) : null].filter(Boolean).join(' · ')}
        </span>
      </span>
      <span className="media-document__actions">
        {openable && (
          <button
            type="button"
            className="button media-action"
            title={t('mediaView.openHint', { type })}
            onClick={() =>
              void openFile({ sha256: media.sha256, filename, mimetype: media.mimetype ?? '' }).catch(() =>
                setFailed(true),
              )
            }
          >
            {t('mediaView.open')}
          </button>
        )}
        <a
          className="button media-action"
          href={mediaUrl({ ...media, filename }, { download: true })}
          download={filename}
        >
          {canOpenFiles() ? t('mediaView.saveAs') : t('mediaView.download')}
        </a>
      </span>
      {failed && (
        <span className="media-document__failure" role="alert">
          {t('error.not-supported')}
        </span>
      )}
    </div>
  );
}

function NotDownloaded({ message, media, t }: { message: ChatMessage; media: MediaInfo; t: Translate }) {
  const download = useMedia((state) => state.download);
  const busy = useMedia((state) => state.downloading.has(message.id));
  const reason =
    media.download === 'failed'
      ? t('mediaView.failed')
      : media.download === 'too-large'
        ? t('mediaView.tooLarge')
        : media.download === 'deleted-locally'
          ? t('mediaView.deletedLocally')
          : t('mediaView.notDownloaded');
  const label = media.kind === 'document' && media.filename ? media.filename : null;
  return (
    <div className={`media-missing media-missing--${media.kind}`}>
      {label && <span className="media-missing__name">{label}</span>}
      {busy ? (
        <span className="media-missing__reason" role="status">
          {t('mediaView.downloading')}
        </span>
      ) : (
        <>
          <span className="media-missing__reason">{reason}</span>
          <button
            type="button"
            className="button media-action"
            onClick={() => void download(message.chatId, message.id)}
          >
            {media.download === 'failed' ? t('mediaView.tryAgain') : t('mediaView.download')}
          </button>
        </>
      )}
    </div>
  );
}

function LocationCard({ media, t }: { media: MediaInfo; t: Translate }) {
  const location = media.location;
  const link = location ? mapsUrl(location.latitude, location.longitude) : null;
  return (
    <div className="media-location">
      <svg className="media-location__pin" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"
        />
      </svg>
      <span className="media-location__body">
        <span className="media-location__name">{location?.name ?? t('media.location')}</span>
        {location?.address && <span className="media-location__address">{location.address}</span>}
        {location && (
          <span className="media-location__coords">{`${location.latitude.toFixed(5)}, ${location.longitude.toFixed(5)}`}</span>
        )}
        {link && (
          <a className="media-location__link" href={link} target="_blank" rel="noreferrer noopener">
            {t('mediaView.openMap')}
          </a>
        )}
      </span>
    </div>
  );
}

function ContactCard({ media, t }: { media: MediaInfo; t: Translate }) {
  return (
    <ul className="media-contacts">
      {(media.contact ?? []).map((contact, index) => (
        <ContactRow key={`${contact.phone ?? ''}-${index}`} name={contact.name} phone={contact.phone} t={t} />
      ))}
    </ul>
  );
}

function ContactRow({ name, phone, t }: { name: string; phone: string | undefined; t: Translate }) {
  const chatId = phone ? (`${phone}@c.us` as const) : null;
  const wrote = useChats((state) => (chatId ? (state.byId.get(chatId)?.lastInboundAt ?? null) !== null : false));
  const selectChat = useUi((state) => state.selectChat);
  return (
    <li className="media-contact">
      <svg className="media-contact__avatar" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
        <circle cx="12" cy="12" r="12" fill="currentColor" opacity="0.25" />
        <circle cx="12" cy="9.5" r="4" fill="currentColor" />
        <path fill="currentColor" d="M4.5 19.5c1.6-3 4.3-4.5 7.5-4.5s5.9 1.5 7.5 4.5a10 10 0 0 1-15 0z" />
      </svg>
      <span className="media-contact__body">
        <span className="media-contact__name">{name || (phone ? formatPhone(phone) : '')}</span>
        {phone && <span className="media-contact__phone">{formatPhone(phone)}</span>}
      </span>
      {wrote && chatId && (
        <button type="button" className="button media-action" onClick={() => selectChat(chatId)}>
          {t('mediaView.openChat')}
        </button>
      )}
    </li>
  );
}
