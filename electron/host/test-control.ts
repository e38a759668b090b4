/**
 * `--test-control` endpoints that drive the simulated world: a customer writes, the shop types on
 * its phone, the clock moves, the host is busy for a moment, and what the simulated WhatsApp sent
 * can be read back. Never registered without the flag.
 */
import { z } from 'zod';
import { connectionStatusSchema, phoneSchema } from '../../shared/domain';
import { mediaInfoSchema, mediaKindSchema } from '../../shared/media/media-kind';
import type { AppSession } from '../backend/app-session';
import type { Clock } from '../backend/clock';
import { phoneChatId } from '../backend/gateways/simulated/simulated-gateway';
import { sanitizeFilename } from '../backend/media/safe-filename';

const inboundSchema = z
  .object({
    phone: phoneSchema,
    name: z.string().trim().min(1).max(120).optional(),
    text: z.string().max(4096).default(''),
    kind: z.enum(['text', 'call', 'media', 'reaction']).optional(),
    /** An attachment; without `base64` WhatsApp "no longer has it" and the download fails. */
    media: z
      .object({
        kind: mediaKindSchema,
        mimetype: z.string().max(255).optional(),
        filename: z.string().max(1000).optional(),
        base64: z.string().max(28_000_000).optional(),
        durationSec: z.number().nonnegative().optional(),
        location: mediaInfoSchema.in.shape.location,
        contact: mediaInfoSchema.in.shape.contact,
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((inbound) => inbound.text.trim() !== '' || inbound.media !== undefined, 'text or media is required');
const phoneReplySchema = z
  .object({
    phone: phoneSchema,
    text: z
      .string()
      .max(4096)
      .refine((text) => text.trim() !== '', 'the shop types something: text is required'),
  })
  .strict();
const clockSchema = z
  .object({
    advanceMs: z
      .number()
      .int()
      .min(0)
      .max(365 * 24 * 3600 * 1000),
  })
  .strict();
const connectionSchema = z.object({ connected: z.boolean(), reason: z.string().max(40).optional() }).strict();
const busySchema = z.object({ ms: z.number().int().min(1).max(10_000) }).strict();

/**
 * Holds the event loop as a starved machine does: what clients send meanwhile waits in the kernel
 * and is read in one go afterwards. Starts once the answer is written, so the caller knows it began.
 */
function holdEventLoop(clock: Clock, ms: number): void {
  setImmediate(() => {
    const until = clock.now() + ms;
    while (clock.now() < until);
  });
}

export interface TestControlResponse {
  status: number;
  body: unknown;
}

const notSimulated: TestControlResponse = {
  status: 409,
  body: { error: 'test control drives the simulated WhatsApp; start with --simulated or --demo' },
};

function badRequest(error: z.ZodError | string): TestControlResponse {
  const message =
    typeof error === 'string'
      ? error
      : error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
  return { status: 400, body: { error: message } };
}

type InboundMedia = NonNullable<z.infer<typeof inboundSchema>['media']>;

/** What WhatsApp would say about the attachment (caption, size, name) and the bytes it would hand over. */
function simulatedMedia(media: InboundMedia, text: string) {
  const size = media.base64 !== undefined ? Buffer.from(media.base64, 'base64').length : undefined;
  const info = mediaInfoSchema.parse({
    kind: media.kind,
    download: 'not-downloaded',
    ...(media.mimetype ? { mimetype: media.mimetype } : {}),
    ...(media.filename ? { filename: sanitizeFilename(media.filename) } : {}),
    ...(size !== undefined ? { size } : {}),
    ...(media.durationSec !== undefined ? { durationSec: media.durationSec } : {}),
    ...(media.location ? { location: media.location } : {}),
    ...(media.contact ? { contact: media.contact } : {}),
    ...(text.trim() !== '' ? { caption: text } : {}),
  });
  const file =
    media.base64 !== undefined
      ? { data: media.base64, mimetype: media.mimetype ?? null, filename: media.filename ?? null }
      : undefined;
  return { info, ...(file ? { file } : {}) };
}

export function handleTestControl(
  session: AppSession,
  method: string,
  path: string,
  rawBody: string,
): TestControlResponse | null {
  if (!path.startsWith('/test/')) return null;
  let body: unknown = undefined;
  if (method === 'POST') {
    try {
      body = JSON.parse(rawBody || 'null');
    } catch {
      return badRequest('body is not valid JSON');
    }
  }
  const gateway = session.simulatedGateway();
  const route = `${method} ${path}`;
  switch (route) {
    case 'POST /test/inbound': {
      const parsed = inboundSchema.safeParse(body);
      if (!parsed.success) return badRequest(parsed.error);
      if (!gateway) return notSimulated;
      const { phone, name, text, kind, media } = parsed.data;
      const message = gateway.receive({
        phone,
        name: name ?? null,
        text,
        ...(kind ? { kind } : {}),
        ...(media ? { kind: 'media' as const, media: simulatedMedia(media, text) } : {}),
      });
      // A test that is told "sent" must find the message: never answer success for one not stored.
      if (!session.hasMessage(message.chatId, message.waId))
        return { status: 500, body: { error: 'the message was not recorded; see the log' } };
      return { status: 200, body: { id: message.waId, at: message.at } };
    }
    case 'POST /test/phone-reply': {
      const parsed = phoneReplySchema.safeParse(body);
      if (!parsed.success) return badRequest(parsed.error);
      if (!gateway) return notSimulated;
      const { phone, text } = parsed.data;
      if (!session.hasChat(phoneChatId(phone)))
        return { status: 404, body: { error: `no chat with ${phone}: a customer writes first (POST /test/inbound)` } };
      if (gateway.status().state !== 'connected')
        return {
          status: 409,
          body: { error: 'the simulated WhatsApp is offline; reconnect it (POST /test/connection)' },
        };
      const message = gateway.typeOnPhone(phone, text);
      if (!session.hasMessage(message.chatId, message.waId))
        return { status: 500, body: { error: 'the message was not recorded; see the log' } };
      return { status: 200, body: { id: message.waId, at: message.at } };
    }
    case 'POST /test/clock': {
      const parsed = clockSchema.safeParse(body);
      if (!parsed.success) return badRequest(parsed.error);
      return { status: 200, body: { now: session.clock.advance(parsed.data.advanceMs) } };
    }
    case 'GET /test/sent':
      if (!gateway) return notSimulated;
      return {
        status: 200,
        body: gateway.sent.map(({ phone, text, at, media }) => ({ phone, text, at, ...(media ? { media } : {}) })),
      };
    case 'POST /test/connection': {
      const parsed = connectionSchema.safeParse(body);
      if (!parsed.success) return badRequest(parsed.error);
      if (!gateway) return notSimulated;
      gateway.setConnection(parsed.data.connected, parsed.data.reason);
      return { status: 200, body: { state: gateway.status().state } };
    }
    case 'POST /test/status': {
      const parsed = connectionStatusSchema.safeParse(body);
      if (!parsed.success) return badRequest(parsed.error);
      if (!gateway) return notSimulated;
      gateway.showStatus(parsed.data);
      return { status: 200, body: { state: parsed.data.state } };
    }
    case 'POST /test/busy': {
      const parsed = busySchema.safeParse(body);
      if (!parsed.success) return badRequest(parsed.error);
      holdEventLoop(session.clock, parsed.data.ms);
      return { status: 200, body: { busyMs: parsed.data.ms } };
    }
    default:
      return { status: 404, body: { error: `no test endpoint ${route}` } };
  }
}
