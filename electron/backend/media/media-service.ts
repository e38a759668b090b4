/**
 * The backend's media work: downloading a message's attachment (on arrival, on first view of a
 * catch-up message, on "try again"), taking in files the shop sends, the per-file cap, the quota and
 * "delete media older than N days", and handing a document to the system after a click.
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { JanelaError } from '../../../shared/contract';
import type { ChatId, ChatMessage, Settings } from '../../../shared/domain';
import {
  canDownload,
  downloadableKinds,
  sendKindOf,
  type MediaInfo,
  type OutgoingAttachment,
} from '../../../shared/media/media-kind';
import type { WhatsAppGateway } from '../gateways/gateway';
import type { JanelaStore, StoredMessage } from '../store/store-types';
import { mayOpenWithSystem } from '../../../shared/media/open-rules';
import { downloadMedia } from './media-download';
import { DEFAULT_MAX_FILE_BYTES, type MediaStore } from './media-store';
import { normalizeMimetype, sanitizeFilename } from './safe-filename';

const MB = 1024 * 1024;

export function maxFileBytesOf(settings: Settings): number {
  return settings.mediaMaxFileMb !== undefined ? settings.mediaMaxFileMb * MB : DEFAULT_MAX_FILE_BYTES;
}

function quotaBytesOf(settings: Settings): number | null {
  return settings.mediaQuotaMb === undefined || settings.mediaQuotaMb === null ? null : settings.mediaQuotaMb * MB;
}

export interface MediaServiceOptions {
  store: JanelaStore;
  media: MediaStore;
  gateway: () => WhatsAppGateway;
  /** A changed message, to be pushed to the renderer. */
  onMessage: (message: StoredMessage) => void;
  /** Files that must outlive "delete media older than N days": quick-reply attachments, queued sends. */
  keptFiles: () => ReadonlySet<string>;
  /** The desktop shell's "open with the default application"; absent in the browser host. */
  openWithSystem?: (file: string) => Promise<void>;
  log: (line: string) => void;
}

export interface MediaService {
  /** A message was just recorded: a live attachment is downloaded at once. */
  afterArrival(message: StoredMessage, live: boolean): void;
  download(chatId: ChatId, messageId: string): Promise<StoredMessage>;
  upload(file: { base64: string; mimetype: string; filename: string }): Promise<OutgoingAttachment>;
  /** Whether a file the renderer names is really in the media folder. */
  assertStored(attachment: OutgoingAttachment): void;
  /** What the renderer sees: an attachment whose file was deleted shows as "not downloaded". */
  present(message: ChatMessage): ChatMessage;
  applySettings(settings: Settings): void;
  prune(settings: Settings): Promise<void>;
  open(file: { sha256: string; filename: string; mimetype: string }): Promise<void>;
  usage(): { files: number; bytes: number };
}

export function createMediaService(options: MediaServiceOptions): MediaService {
  const { store, media, log } = options;
  const running = new Map<string, Promise<StoredMessage>>();

  async function runDownload(chatId: ChatId, message: StoredMessage & { media: MediaInfo }): Promise<StoredMessage> {
    const waId = message.waId ?? message.id;
    const result = await downloadMedia({
      media: message.media,
      fetch: () => options.gateway().downloadMedia(chatId, waId),
      store: media,
      maxBytes: maxFileBytesOf(store.data.settings),
      log,
    });
    const updated = store.updateMessage(chatId, message.id, { media: result });
    if (!updated) return message;
    options.onMessage(updated);
    return updated;
  }

  function download(chatId: ChatId, messageId: string): Promise<StoredMessage> {
    const message = store.getMessage(chatId, messageId);
    if (!message?.media) return Promise.reject(new JanelaError('not-found', 'no attachment on that message'));
    const stored = message.media;
    const present = stored.download === 'ok' && stored.sha256 !== undefined && media.has(stored.sha256);
    if (present || !downloadableKinds.has(stored.kind)) return Promise.resolve(message);
    const key = `${chatId} ${messageId}`;
    const existing = running.get(key);
    if (existing) return existing;
    const task = runDownload(chatId, { ...message, media: stored }).finally(() => running.delete(key));
    running.set(key, task);
    return task;
  }

  return {
    afterArrival(message, live) {
      if (!live || !message.media || !canDownload(message.media)) return;
      void download(message.chatId, message.id).catch((error: unknown) =>
        log(`media download stopped: ${error instanceof Error ? error.name : 'unknown'}`),
      );
    },
    download,
    async upload({ base64, mimetype, filename }) {
      const maxBytes = maxFileBytesOf(store.data.settings);
      if (Math.floor((base64.length * 3) / 4) - 2 > maxBytes)
        throw new JanelaError('too-large', 'the file is over the per-file cap');
      const type = normalizeMimetype(mimetype) ?? 'application/octet-stream';
      const result = await media.put(Buffer.from(base64, 'base64'), { maxBytes });
      if (result.status === 'too-large') throw new JanelaError('too-large', 'the file is over the per-file cap');
      if (result.status === 'over-quota')
        throw new JanelaError('too-large', 'the media folder is full: raise the quota or delete old media');
      return {
        kind: sendKindOf(type),
        sha256: result.sha256,
        mimetype: type,
        filename: sanitizeFilename(filename),
        size: result.size,
      };
    },
    assertStored(attachment) {
      if (!media.has(attachment.sha256))
        throw new JanelaError('media-unavailable', 'the attachment is not in the media folder');
    },
    present(message) {
      const info = message.media;
      if (!info || info.download !== 'ok' || info.sha256 === undefined || media.has(info.sha256)) return message;
      const withoutAddress = { ...info, download: 'deleted-locally' as const };
      delete withoutAddress.sha256;
      return { ...message, media: withoutAddress };
    },
    applySettings(settings) {
      media.setLimits({ maxFileBytes: maxFileBytesOf(settings), quotaBytes: quotaBytesOf(settings) });
    },
    async prune(settings) {
      const days = settings.mediaDeleteAfterDays;
      if (days === undefined || days === null) return;
      const kept = options.keptFiles();
      const report = await media.pruneOlderThan(days, (sha256) => kept.has(sha256));
      if (report.removed > 0) log(`media: deleted ${report.removed} file(s) older than ${days} day(s)`);
    },
    async open({ sha256, filename, mimetype }) {
      if (!options.openWithSystem) throw new JanelaError('not-supported', 'only the desktop app opens files');
      if (!media.has(sha256)) throw new JanelaError('media-unavailable', 'the file is not in the media folder');
      if (!mayOpenWithSystem(withExtension(sanitizeFilename(filename), mimetype)))
        throw new JanelaError('not-supported', 'that type of file is only saved, never opened from Janela');
      // A copy under a sanitised name with an extension the system understands; never the stored file.
      const folder = path.join(path.dirname(media.root), 'media-open', sha256.slice(0, 16));
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const target = path.join(folder, withExtension(sanitizeFilename(filename), mimetype));
      await copyFile(media.path(sha256), target);
      await options.openWithSystem(target);
    },
    usage() {
      const { files, bytes } = media.usage();
      return { files, bytes };
    },
  };
}

const extensions: Readonly<Record<string, string>> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'audio/ogg': '.ogg',
  'audio/mpeg': '.mp3',
  'video/mp4': '.mp4',
  'text/plain': '.txt',
};

/** `orcamento` with type application/pdf → `orcamento.pdf`; a name that has an extension keeps it. */
function withExtension(name: string, mimetype: string): string {
  if (/\.[A-Za-z0-9]{1,8}$/.test(name)) return name;
  return name + (extensions[normalizeMimetype(mimetype) ?? ''] ?? '');
}
