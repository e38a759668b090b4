/**
 * The stand-in's server side: the phone, the customers and WhatsApp's servers. It talks to every
 * open stand-in page and implements the control API tests call.
 */
import { EventEmitter } from 'node:events';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AccountHistory, newMessageId, toSeconds } from './history';
import type { Me, SeedChat } from './history';
import { OPTIONAL_MODULES, PROVIDED_MODULES } from './module-names';
import type { PageMessage, ServerMessage, StoredMessage, WaState } from './protocol';
import type {
  DropOptions,
  InboundMessage,
  PageFilter,
  PageInfo,
  PhoneMessage,
  ReceivedMessage,
  SendFailureMode,
  StandInControl,
} from './control-types';

export interface PageLink {
  send(message: ServerMessage): void;
}

type SendPlan = { kind: 'fail'; mode: SendFailureMode; reason: string } | { kind: 'drop'; options: DropOptions };

interface PageRecord extends PageInfo {
  deviceId: string | null;
  link: PageLink;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const known = new Set<string>([...PROVIDED_MODULES, ...OPTIONAL_MODULES]);

export class StandInWorld implements StandInControl {
  private readonly history: AccountHistory;
  private readonly pagesById = new Map<string, PageRecord>();
  private readonly devices = new Set<string>();
  private readonly receivedList: ReceivedMessage[] = [];
  /** Attachments' bytes by path: uploaded by the app, or sent by customers. */
  private readonly mediaFiles = new Map<string, Buffer>();
  private readonly plans: SendPlan[] = [];
  private readonly qrs: string[] = [];
  private readonly codes: { code: string; phoneNumber: string }[] = [];
  private readonly modules = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly changes = new EventEmitter();
  private autoAck: { upTo: number; stepMs: number };

  constructor(me: Me, autoAck: { upTo: number; stepMs: number }) {
    this.history = new AccountHistory(me);
    this.autoAck = { ...autoAck };
    this.changes.setMaxListeners(100);
  }

  // ------------------------------------------------------------ pages
  attachPage(link: PageLink): (message: PageMessage) => void {
    let record: PageRecord | null = null;
    return (message) => {
      if (message.type === 'hello') {
        const linked = message.deviceId !== null && this.devices.has(message.deviceId);
        record = {
          pageId: message.pageId,
          url: message.url,
          deviceId: linked ? message.deviceId : null,
          linked,
          state: null,
          hasSynced: false,
          injected: false,
          listening: false,
          qr: null,
          link,
        };
        this.pagesById.set(message.pageId, record);
        link.send(linked ? { type: 'init', linked, snapshot: this.history.snapshot() } : { type: 'init', linked });
      } else if (record) {
        this.onPageMessage(record, message);
      } else if (message.type === 'modules') {
        message.names.forEach((name) => this.modules.add(name));
      }
      this.changed();
    };
  }

  detachPage(pageId: string | undefined): void {
    if (pageId) this.pagesById.delete(pageId);
    this.changed();
  }

  private onPageMessage(page: PageRecord, message: PageMessage): void {
    switch (message.type) {
      case 'modules':
        message.names.forEach((name) => this.modules.add(name));
        break;
      case 'state':
        page.state = message.state;
        page.hasSynced = message.hasSynced;
        if (message.state !== 'UNPAIRED' && message.state !== 'UNPAIRED_IDLE') page.qr = null;
        break;
      case 'qr':
        page.qr = message.ref;
        this.qrs.push(message.ref);
        break;
      case 'listening':
        page.listening = true;
        break;
      case 'injected':
        page.injected = true;
        break;
      case 'upload':
        this.mediaFiles.set(message.directPath, Buffer.from(message.data, 'base64'));
        return;
      case 'send':
        this.onSend(page, message);
        break;
      case 'seen':
        this.history.markRead(message.chatId);
        break;
      case 'logout':
        if (page.deviceId) this.devices.delete(page.deviceId);
        page.deviceId = null;
        page.linked = false;
        break;
      case 'pairing-code':
        this.codes.push({ code: message.code, phoneNumber: message.phoneNumber });
        break;
      case 'recovered':
        this.reackAfterRecovery();
        break;
      case 'hello':
        break;
    }
  }

  private linkedPages(): PageRecord[] {
    return [...this.pagesById.values()].filter((p) => p.linked);
  }

  private broadcast(message: ServerMessage, pages = this.linkedPages()): void {
    for (const page of pages) page.link.send(message);
  }

  private changed(): void {
    this.changes.emit('change');
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  private async waitUntil<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const first = probe();
    if (first !== undefined) return first;
    return new Promise<T>((resolve, reject) => {
      const onChange = (): void => {
        const value = probe();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`stand-in: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.changes.off('change', onChange);
      };
      this.changes.on('change', onChange);
    });
  }

  // ------------------------------------------------------------ sends
  private onSend(page: PageRecord, message: Extract<PageMessage, { type: 'send' }>): void {
    const plan = this.plans.shift();
    const reply = (outcome: 'ok' | 'reject' | 'hang', reason?: string): void =>
      page.link.send({ type: 'send-result', key: message.key, outcome, ...(reason ? { reason } : {}) });
    if (plan?.kind === 'fail' && plan.mode === 'reject') {
      reply('reject', plan.reason);
      return;
    }
    if (plan?.kind === 'fail') {
      reply('ok');
      this.later(this.autoAck.stepMs, () => this.ack(message.key, -1));
      return;
    }
    if (plan?.kind === 'drop') {
      const { received = true, then = 'timeout', recoverAfterMs } = plan.options;
      if (received) this.record(message, 1);
      reply('hang');
      if (then === 'timeout') this.setState('TIMEOUT', recoverAfterMs === undefined ? {} : { recoverAfterMs });
      if (then === 'reload') this.later(50, () => page.link.send({ type: 'reload' }));
      return;
    }
    const isNew = this.record(message, 0);
    reply('ok');
    if (!isNew) return;
    for (let level = 1; level <= this.autoAck.upTo; level++) {
      const ackLevel = level as 1 | 2 | 3;
      this.later(level * this.autoAck.stepMs, () => this.ack(message.key, ackLevel));
    }
  }

  /** Servers keep a message once per id, as WhatsApp does; returns whether it was new. */
  private record(message: Extract<PageMessage, { type: 'send' }>, ack: number): boolean {
    if (this.receivedList.some((r) => r.key === message.key)) return false;
    const media = message.media;
    const bytes = media ? this.mediaFiles.get(media.directPath) : undefined;
    const text = media ? (media.caption ?? '') : (message.body ?? '');
    this.receivedList.push({
      id: message.id,
      key: message.key,
      to: message.to,
      text,
      at: Date.now(),
      ...(media && bytes
        ? {
            media: {
              type: message.msgType,
              mimetype: media.mimetype,
              ...(media.filename ? { filename: media.filename } : {}),
              sha256: createHash('sha256').update(bytes).digest('hex'),
              size: bytes.length,
            },
          }
        : {}),
    });
    this.history.append({
      id: message.id,
      chatId: message.to,
      fromMe: true,
      body: media ? '' : text,
      t: message.t,
      ack,
      type: message.msgType,
      ...(media && bytes
        ? {
            media: {
              directPath: media.directPath,
              mimetype: media.mimetype,
              filehash: media.filehash,
              size: bytes.length,
              ...(media.filename ? { filename: media.filename } : {}),
              ...(media.caption ? { caption: media.caption } : {}),
            },
          }
        : {}),
    });
    return true;
  }

  /** After a TIMEOUT recovers, the servers confirm what they already had. */
  private reackAfterRecovery(): void {
    for (const r of this.receivedList) {
      const stored = this.history.findById(r.id, r.to);
      if (stored && stored.ack >= 1) this.broadcast({ type: 'ack', key: r.key, ack: stored.ack });
    }
  }

  // ------------------------------------------------------------ control: login
  waitForQr(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
    return this.waitUntil(
      () => [...this.pagesById.values()].find((p) => p.qr)?.qr ?? undefined,
      timeoutMs,
      'a page showing a QR',
    );
  }

  qrCodes(): string[] {
    return [...this.qrs];
  }

  rotateQr(): void {
    this.broadcast(
      { type: 'rotate-qr' },
      [...this.pagesById.values()].filter((p) => p.qr),
    );
  }

  async scan(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    const page = await this.waitUntil(
      () => [...this.pagesById.values()].find((p) => p.qr),
      timeoutMs,
      'a page showing a QR',
    );
    const deviceId = randomUUID();
    this.devices.add(deviceId);
    page.deviceId = deviceId;
    page.linked = true;
    page.qr = null;
    page.link.send({ type: 'scan', deviceId, snapshot: this.history.snapshot() });
    await this.waitUntil(
      () => (page.state === 'CONNECTED' ? page : undefined),
      timeoutMs,
      'the scanned page to connect',
    );
  }

  pairingCodes(): { code: string; phoneNumber: string }[] {
    return [...this.codes];
  }

  // ------------------------------------------------------------ control: people and history
  seedChats(chats: SeedChat[]): void {
    this.history.seed(chats);
  }

  inbound(message: InboundMessage): string {
    const id = message.id ?? newMessageId();
    const chatId = message.status ? 'status@broadcast' : (message.group?.id ?? message.from);
    const shared = Boolean(message.status || message.group);
    const contact = this.history.rememberContact({
      id: message.from,
      ...(message.name ? { pushname: message.name } : {}),
      ...(message.savedName ? { name: message.savedName } : {}),
    });
    const stored: StoredMessage = {
      id,
      chatId,
      fromMe: false,
      ...(shared ? { author: message.from } : {}),
      body: message.media || message.location ? '' : message.text,
      t: toSeconds(message.at ?? Date.now()),
      ack: 0,
      type: message.media?.type ?? (message.location ? 'location' : 'chat'),
      ...(message.name ? { notifyName: message.name } : {}),
      ...(message.media ? { media: this.keepMedia(message.media, message.text) } : {}),
      ...(message.location ? { location: message.location } : {}),
    };
    const chatName = message.group ? message.group.name : (message.savedName ?? message.name);
    const chat = this.history.append(stored, chatName, message.group ? message.from : undefined);
    this.broadcast({ type: 'inbound', stored, chat, contact });
    return id;
  }

  /** The servers keep a customer's file; the message carries its path, as WhatsApp's do. */
  private keepMedia(media: NonNullable<InboundMessage['media']>, caption: string): NonNullable<StoredMessage['media']> {
    const bytes = Buffer.from(media.data, 'base64');
    const directPath = `/v/t62.standin/${randomBytes(8).toString('hex')}`;
    this.mediaFiles.set(directPath, bytes);
    return {
      directPath,
      mimetype: media.mimetype,
      filehash: createHash('sha256').update(bytes).digest('base64'),
      size: bytes.length,
      ...(media.filename ? { filename: media.filename } : {}),
      ...(caption.trim() !== '' ? { caption } : {}),
      ...(media.duration !== undefined ? { duration: media.duration } : {}),
    };
  }

  revoke(chatId: string, id: string): void {
    const stored = this.history.findById(id, chatId);
    if (!stored) throw new Error(`no message ${id} in ${chatId}`);
    stored.type = 'revoked';
    stored.body = '';
    delete stored.media;
    delete stored.location;
    this.broadcast({ type: 'revoke', key: `${stored.fromMe}_${chatId}_${id}` });
  }

  mediaFile(directPath: string): string | null {
    return this.mediaFiles.get(directPath)?.toString('base64') ?? null;
  }

  /** For the server's download route. */
  mediaBytes(directPath: string): Buffer | undefined {
    return this.mediaFiles.get(directPath);
  }

  sendFromPhone(message: PhoneMessage): string {
    const id = message.id ?? `3A${newMessageId().slice(2)}`;
    const stored: StoredMessage = {
      id,
      chatId: message.to,
      fromMe: true,
      body: message.text,
      t: toSeconds(message.at ?? Date.now()),
      ack: 1,
      type: 'chat',
    };
    const chat = this.history.append(stored);
    this.broadcast({ type: 'inbound', stored, chat });
    return id;
  }

  readOnPhone(chatId: string): void {
    this.history.markRead(chatId);
    this.broadcast({ type: 'read-on-phone', chatId });
  }

  call(from: string, options: { isVideo?: boolean } = {}): string {
    const id = newMessageId();
    this.broadcast({
      type: 'call',
      call: {
        id,
        peerJid: from,
        offerTime: toSeconds(Date.now()),
        isVideo: options.isVideo ?? false,
        isGroup: false,
        outgoing: false,
        canHandleLocally: false,
        webClientShouldHandle: false,
        participants: [],
      },
    });
    return id;
  }

  react(from: string, messageKey: string, emoji: string): void {
    const [, chatId = from] = messageKey.split('_');
    this.broadcast({
      type: 'reaction',
      reaction: { id: newMessageId(), chatId, from, parentKey: messageKey, text: emoji, t: toSeconds(Date.now()) },
    });
  }

  chat(chatId: string) {
    return this.history.chat(chatId);
  }

  // ------------------------------------------------------------ control: sends
  received(): ReceivedMessage[] {
    return this.receivedList.map((r) => ({ ...r }));
  }

  failNextSend(options: { mode?: SendFailureMode; reason?: string } = {}): void {
    this.plans.push({
      kind: 'fail',
      mode: options.mode ?? 'reject',
      reason: options.reason ?? 'stand-in: the send failed',
    });
  }

  dropConnectionDuringNextSend(options: DropOptions = {}): void {
    this.plans.push({ kind: 'drop', options });
  }

  setAutoAck(upTo: 0 | 1 | 2 | 3, stepMs = this.autoAck.stepMs): void {
    this.autoAck = { upTo, stepMs };
  }

  ack(idOrKey: string, level: -1 | 1 | 2 | 3): void {
    const entry = this.receivedList.find((r) => r.id === idOrKey || r.key === idOrKey);
    const key = entry?.key ?? idOrKey;
    const stored = entry ? this.history.findById(entry.id, entry.to) : this.history.findByKey(key);
    if (stored) stored.ack = level;
    this.broadcast({ type: 'ack', key, ack: level });
  }

  // ------------------------------------------------------------ control: connection
  setState(state: WaState, options: { recoverAfterMs?: number } = {}): void {
    const unlink = state === 'UNPAIRED';
    // UNPAIRED_IDLE is what a page showing a QR for too long turns into; every other state
    // concerns a linked connection.
    const pages =
      state === 'UNPAIRED_IDLE' ? [...this.pagesById.values()].filter((p) => p.qr !== null) : this.linkedPages();
    if (unlink) this.unlinkAll();
    this.broadcast({ type: 'state', state, unlink, ...options }, pages);
  }

  logoutFromPhone(): void {
    const pages = this.linkedPages();
    this.unlinkAll();
    this.broadcast({ type: 'logout-from-phone' }, pages);
  }

  private unlinkAll(): void {
    this.devices.clear();
    for (const page of this.pagesById.values()) {
      page.linked = false;
      page.deviceId = null;
    }
  }

  reload(): void {
    this.broadcast({ type: 'reload' }, [...this.pagesById.values()]);
  }

  // ------------------------------------------------------------ control: observation
  pages(): PageInfo[] {
    return [...this.pagesById.values()].map(({ link: _link, deviceId: _deviceId, ...info }) => ({ ...info }));
  }

  waitForPage(filter: PageFilter, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PageInfo> {
    const matches = (p: PageInfo): boolean =>
      (filter.linked === undefined || p.linked === filter.linked) &&
      (filter.state === undefined || p.state === filter.state) &&
      (filter.hasSynced === undefined || p.hasSynced === filter.hasSynced) &&
      (filter.injected === undefined || p.injected === filter.injected) &&
      (filter.listening === undefined || p.listening === filter.listening) &&
      (filter.showingQr === undefined || (p.qr !== null) === filter.showingQr);
    return this.waitUntil(() => this.pages().find(matches), timeoutMs, `a page matching ${JSON.stringify(filter)}`);
  }

  isLinked(): boolean {
    return this.devices.size > 0;
  }

  requestedModules(): string[] {
    return [...this.modules].sort();
  }

  unknownModules(): string[] {
    return this.requestedModules().filter((name) => !known.has(name));
  }

  reset(): void {
    this.history.clear();
    this.unlinkAll();
    this.receivedList.length = 0;
    this.mediaFiles.clear();
    this.plans.length = 0;
    this.qrs.length = 0;
    this.codes.length = 0;
    this.modules.clear();
    this.stopTimers();
  }

  stopTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
