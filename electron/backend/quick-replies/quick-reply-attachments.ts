/**
 * A quick reply's attachment travels with it in an export file: its bytes as base64 beside the
 * reply (`attachmentData`), so importing on another computer brings the price list along.
 */
import { quickReplyAttachmentSchema } from '../../../shared/media/media-kind';
import type { MediaStore } from '../media/media-store';

type FileShape = { quickReplies?: unknown };

function parsed(json: string): (FileShape & Record<string, unknown>) | null {
  try {
    const file: unknown = JSON.parse(json);
    return typeof file === 'object' && file !== null && !Array.isArray(file)
      ? (file as FileShape & Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function embedAttachments(json: string, media: Pick<MediaStore, 'read'>): Promise<string> {
  const file = parsed(json);
  if (!file || !Array.isArray(file.quickReplies)) return json;
  const quickReplies = await Promise.all(
    file.quickReplies.map(async (reply: unknown) => {
      if (!isRecord(reply) || !isRecord(reply.attachment) || typeof reply.attachment.sha256 !== 'string') return reply;
      const bytes = await media.read(reply.attachment.sha256);
      return bytes ? { ...reply, attachmentData: bytes.toString('base64') } : reply;
    }),
  );
  return `${JSON.stringify({ ...file, quickReplies }, null, 2)}\n`;
}

/**
 * Stores the attachments an import file carries and returns the file without their bytes. An
 * attachment is kept only when its bytes are here afterwards; a damaged file is returned as it
 * came, for the import to report.
 */
export async function storeImportedAttachments(json: string, media: Pick<MediaStore, 'put' | 'has'>): Promise<string> {
  const file = parsed(json);
  if (!file || !Array.isArray(file.quickReplies)) return json;
  const quickReplies: unknown[] = [];
  for (const reply of file.quickReplies as unknown[]) {
    if (!isRecord(reply)) {
      quickReplies.push(reply);
      continue;
    }
    const { attachmentData, attachment, ...rest } = reply;
    const described = quickReplyAttachmentSchema.safeParse(attachment);
    if (!described.success) {
      quickReplies.push(rest);
      continue;
    }
    if (typeof attachmentData === 'string' && attachmentData !== '') {
      const stored = await media.put(Buffer.from(attachmentData, 'base64'));
      if (stored.status === 'ok')
        quickReplies.push({ ...rest, attachment: { ...described.data, sha256: stored.sha256, size: stored.size } });
      else quickReplies.push(rest);
      continue;
    }
    quickReplies.push(media.has(described.data.sha256) ? { ...rest, attachment: described.data } : rest);
  }
  return JSON.stringify({ ...file, quickReplies });
}
