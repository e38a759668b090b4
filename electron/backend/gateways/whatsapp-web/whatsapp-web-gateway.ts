/**
 * The shop's real WhatsApp, through whatsapp-web.js driving an installed Chrome/Edge/Chromium.
 * It translates the library's events into the gateway interface and owns the connection's life:
 * one fresh Client per attempt, backoff on network trouble, a fresh QR after a logout, a stop on a
 * ban, a watchdog for a client that died silently, and catch-up on every `ready`.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import type { ChatId, ConnectionStatus } from '../../../../shared/domain';
import { phoneSchema } from '../../../../shared/domain';
import { toEpochMs } from '../../../../shared/chats/window-rules';
import type { Clock } from '../../clock';
import {
  GatewayDisconnectedError,
  type GatewayEvents,
  type OutgoingMedia,
  type SentMessageProbe,
  type WhatsAppGateway,
} from '../gateway';
import type { DownloadedMedia } from '../../media/media-download';
import { DEFAULT_CATCH_UP, type CatchUpOptions } from './catch-up';
import type { CallLike, ClientLike, MessageLike, MessageMediaLike, ReactionLike } from './client-like';
import {
  backoffDelay,
  classifyInitializeFailure,
  isLostLinkState,
  isTransientState,
  recoveryForDisconnect,
  shortReason,
  type Recovery,
} from './connection-policy';
import { findBrowser } from './find-browser';
import { installLibraryErrorGuard } from './library-error-guard';
import { deliveryStatusFromAck } from './message-adapter';
import { MessageIntake } from './message-intake';
import { preparePrivateFolders, removeSession, whatsAppFolders, type WhatsAppFolders } from './session-folders';
import { createMessageMedia, createWebClient, type WebClientOptions } from './web-client';
import { withTimeout } from './with-timeout';

export interface WhatsAppWebGatewayOptions {
  /** The app's data folder (absolute); the session and web cache go under `<dataDir>/whatsapp`. */
  dataDir: string;
  clock: Clock;
  /** The browser-path setting (null = detect). Read at every (re)start, so reconnect() applies a change. */
  browserPath: () => string | null;
  /** When the backend last took a `synced` event; null before the first. */
  lastSyncAt: () => number | null;
  /** The reactions setting, read per reaction. */
  reactionsRenewWindow: () => boolean;
  /** Test hook only (see testHookOptions). */
  extraBrowserArgs?: readonly string[];
  /** 'none' only for the test hook; 'local' keeps the WhatsApp Web page under `<dataDir>/whatsapp/web-cache`. */
  webVersionCache?: 'local' | 'none';
  /** Builds the library's MessageMedia for a send; the real one by default, plain objects in tests. */
  createMedia?: (media: OutgoingMedia) => MessageMediaLike;
  /** Builds a Client; the real whatsapp-web.js one by default, fakes in tests. */
  createClient?: (options: WebClientOptions) => ClientLike;
  /** Finds the browser to launch; defaults to findBrowser on this machine. */
  detectBrowser?: (settingPath: string | null) => string | null;
  retry?: { baseMs: number; maxMs: number };
  /** How often the watchdog asks the page for its state. */
  watchdogMs?: number;
  /** How long one getState() may take before the client counts as dead. */
  watchdogTimeoutMs?: number;
  /** initialize() may wait forever on a hung page load. */
  initializeTimeoutMs?: number;
  /** How long WhatsApp Web may sit in TIMEOUT/OPENING reconnecting by itself before a fresh Client. */
  transientGraceMs?: number;
  /** A send with no answer for this long is uncertain. */
  sendTimeoutMs?: number;
  /** Pause before a fresh QR after a logout, so the library's own logout handler finishes first. */
  newQrDelayMs?: number;
  catchUp?: Partial<CatchUpOptions>;
  /** Technical log lines: never phone numbers or message text. */
  log?: (line: string) => void;
}

interface Attempt {
  client: ClientLike;
  initialized: boolean;
  ready: boolean;
  retired: boolean;
  /** Settles when initialize() does; never rejects. */
  initializing: Promise<void>;
  /** Clock time WhatsApp Web entered TIMEOUT/OPENING; null while fine. */
  transientSince: number | null;
  timers: Set<NodeJS.Timeout>;
  watchdogBusy: boolean;
  /** Rejected when this attempt ends, so sends in flight become uncertain. */
  lostWaiters: Set<(error: Error) => void>;
  onBrowserClosed?: () => void;
}

const INJECT_FAILURES_BEFORE_UPDATE = 3;
const NEW_QR_LOOP_LIMIT = 3;
const NEW_QR_LOOP_WINDOW_MS = 60_000;
const SEND_MATCH_SLACK_MS = 2_000;
/** Recent messages with an attachment, kept so a download needs no lookup in the page. */
const RECENT_MEDIA_LIMIT = 500;

export class WhatsAppWebGateway extends EventEmitter implements WhatsAppGateway {
  readonly kind = 'whatsapp-web' as const;
  readonly folders: WhatsAppFolders;
  private current: Attempt | null = null;
  private currentStatus: ConnectionStatus = { state: 'starting' };
  private running = false;
  /** Bumped by every start/stop/retry so a stale scheduled launch does nothing. */
  private generation = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryCount = 0;
  private injectFailures = 0;
  private newQrTimes: number[] = [];
  private readonly retiring = new Set<Promise<void>>();
  /** Ids sendText handed back: findSent never mistakes one of those for a lost send with the same text. */
  private readonly sentWaIds = new Set<string>();
  /** Live events are handled one after another, so a message is never overtaken by its own ack. */
  private liveQueue: Promise<void> = Promise.resolve();
  private uninstallGuard: (() => void) | null = null;
  private readonly intake: MessageIntake;
  private readonly recentMedia = new Map<string, MessageLike>();

  constructor(private readonly options: WhatsAppWebGatewayOptions) {
    super();
    this.folders = whatsAppFolders(options.dataDir);
    const catchUp: CatchUpOptions = { ...DEFAULT_CATCH_UP, ...options.catchUp };
    this.intake = new MessageIntake({
      clock: options.clock,
      reactionsRenewWindow: options.reactionsRenewWindow,
      lastSyncAt: options.lastSyncAt,
      catchUp,
      emitMessage: (message) => this.emit('message', message),
      emitAck: (ack) => this.emit('ack', ack),
      emitSynced: (synced) => this.emit('synced', synced),
      emitRevoked: (revoked) => this.emit('revoked', revoked),
      log: (line) => this.log(line),
    });
  }

  override on<E extends keyof GatewayEvents>(event: E, listener: (...args: GatewayEvents[E]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  override off<E extends keyof GatewayEvents>(event: E, listener: (...args: GatewayEvents[E]) => void): this {
    return super.off(event, listener as (...args: unknown[]) => void);
  }

  override emit<E extends keyof GatewayEvents>(event: E, ...args: GatewayEvents[E]): boolean {
    return super.emit(event, ...args);
  }

  status(): ConnectionStatus {
    return this.currentStatus;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.uninstallGuard ??= installLibraryErrorGuard((reason) => {
      this.log(`ignored a late whatsapp-web.js error: ${shortReason(reason)}`);
      this.checkSoon();
    });
    await this.launch();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.generation++;
    this.cancelRetry();
    if (this.current) void this.retire(this.current);
    await this.settleRetiring();
    this.uninstallGuard?.();
    this.uninstallGuard = null;
    this.setStatus({ state: 'disconnected', reason: 'STOPPED' });
  }

  async reconnect(): Promise<void> {
    this.retryCount = 0;
    this.injectFailures = 0;
    this.newQrTimes = [];
    if (!this.running) return this.start();
    if (this.current) void this.retire(this.current);
    await this.launch();
  }

  async unlink(): Promise<void> {
    this.generation++;
    this.cancelRetry();
    const attempt = this.current;
    if (attempt) {
      await this.retire(attempt, async () => {
        if (attempt.initialized) await withTimeout(attempt.client.logout(), 15_000, 'logout');
      });
    }
    await this.settleRetiring();
    await removeSession(this.folders);
    this.intake.forgetNames();
    this.log('unlinked: session removed');
    if (this.running) await this.launch();
  }

  async sendText(chatId: ChatId, text: string): Promise<{ waId: string }> {
    const attempt = this.connectedAttempt();
    let removeWaiter = (): void => undefined;
    const lost = new Promise<never>((_, reject) => {
      attempt.lostWaiters.add(reject);
      removeWaiter = () => attempt.lostWaiters.delete(reject);
    });
    try {
      const sent = await withTimeout(
        Promise.race([attempt.client.sendMessage(chatId, text), lost]),
        this.options.sendTimeoutMs ?? 60_000,
        'sendMessage',
      );
      if (!sent) throw new Error('WhatsApp did not find this chat');
      this.sentWaIds.add(sent.id._serialized);
      return { waId: sent.id._serialized };
    } catch (error) {
      if (error instanceof GatewayDisconnectedError) throw error;
      const kind = classifyInitializeFailure(error);
      if (attempt.retired || (error instanceof Error && error.name === 'TimeoutError') || kind === 'crash') {
        throw new GatewayDisconnectedError();
      }
      throw error;
    } finally {
      removeWaiter();
    }
  }

  async sendMedia(chatId: ChatId, media: OutgoingMedia, caption: string): Promise<{ waId: string }> {
    const content = (this.options.createMedia ?? createMessageMedia)(media);
    // Pictures go as photos; anything else as a document, with its name, like WhatsApp Web's clip.
    const asDocument = !/^image\/(jpeg|png|webp|gif)$/.test(media.mimetype);
    return this.handOver((client) =>
      client.sendMessage(chatId, content, {
        ...(caption !== '' ? { caption } : {}),
        ...(asDocument ? { sendMediaAsDocument: true } : {}),
      }),
    );
  }

  async downloadMedia(_chatId: ChatId, waId: string): Promise<DownloadedMedia | null> {
    const attempt = this.connectedAttempt();
    const message = this.recentMedia.get(waId) ?? (await attempt.client.getMessageById?.(waId)) ?? null;
    if (!message?.downloadMedia) return null;
    const media = await message.downloadMedia();
    return media ?? null;
  }

  /** sendText's handing over, for other content: an id, or uncertain when the connection went. */
  private async handOver(
    send: (client: ClientLike) => Promise<MessageLike | undefined | null>,
  ): Promise<{ waId: string }> {
    const attempt = this.connectedAttempt();
    let removeWaiter = (): void => undefined;
    const lost = new Promise<never>((_, reject) => {
      attempt.lostWaiters.add(reject);
      removeWaiter = () => attempt.lostWaiters.delete(reject);
    });
    try {
      const sent = await withTimeout(
        Promise.race([send(attempt.client), lost]),
        this.options.sendTimeoutMs ?? 60_000,
        'sendMessage',
      );
      if (!sent) throw new Error('WhatsApp did not find this chat');
      this.sentWaIds.add(sent.id._serialized);
      return { waId: sent.id._serialized };
    } catch (error) {
      if (error instanceof GatewayDisconnectedError) throw error;
      const kind = classifyInitializeFailure(error);
      if (attempt.retired || (error instanceof Error && error.name === 'TimeoutError') || kind === 'crash') {
        throw new GatewayDisconnectedError();
      }
      throw error;
    } finally {
      removeWaiter();
    }
  }

  private rememberMedia(message: MessageLike): void {
    if (!message.hasMedia || typeof message.downloadMedia !== 'function') return;
    this.recentMedia.set(message.id._serialized, message);
    if (this.recentMedia.size > RECENT_MEDIA_LIMIT) {
      const oldest = this.recentMedia.keys().next();
      if (!oldest.done) this.recentMedia.delete(oldest.value);
    }
  }

  async findSent(chatId: ChatId, text: string, since: number): Promise<SentMessageProbe | null> {
    const attempt = this.connectedAttempt();
    const chat = await attempt.client.getChatById(chatId);
    if (!chat) return null;
    const messages = await chat.fetchMessages({ limit: 20, fromMe: true });
    // Whole seconds on WhatsApp's side: a message sent at since+300 ms is stamped up to 1 s earlier.
    const earliest = since - SEND_MATCH_SLACK_MS;
    const match = messages
      .filter((message) => message.fromMe && message.body === text && typeof message.timestamp === 'number')
      .filter((message) => toEpochMs(message.timestamp ?? 0) >= earliest)
      .sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0))
      .find((message) => !this.sentWaIds.has(message.id._serialized));
    if (!match) return null;
    // Not remembered as taken: asking twice about the same send must give the same answer.
    return { waId: match.id._serialized, status: deliveryStatusFromAck(match.ack) };
  }

  async requestPairingCode(phone: string): Promise<string> {
    const digits = phoneSchema.parse(phone.replace(/\D/g, ''));
    const attempt = this.current;
    if (!attempt || !attempt.initialized || attempt.ready) {
      throw new Error('WhatsApp is not showing the link screen right now: wait for the QR code, then try again');
    }
    const code = await attempt.client.requestPairingCode(digits);
    if (this.current === attempt) this.setStatus({ state: 'pairing-code', code });
    return code;
  }

  // ── connection lifecycle ───────────────────────────────────────────────────────────────────

  private async launch(): Promise<void> {
    const generation = ++this.generation;
    this.cancelRetry();
    await this.settleRetiring();
    if (!this.running || generation !== this.generation) return;
    try {
      preparePrivateFolders(this.folders);
    } catch (error) {
      this.log(`cannot prepare the session folder: ${shortReason(error)}`);
      this.setStatus({ state: 'disconnected', reason: `DATA_FOLDER: ${shortReason(error)}` });
      return;
    }
    const detect =
      this.options.detectBrowser ?? ((setting) => findBrowser(process.platform, process.env, existsSync, setting));
    const executablePath = detect(this.options.browserPath());
    if (executablePath === null) {
      this.setStatus({ state: 'no-browser' });
      return;
    }
    this.setStatus({ state: 'starting' });
    let client: ClientLike;
    try {
      client = (this.options.createClient ?? createWebClient)({
        folders: this.folders,
        executablePath,
        extraBrowserArgs: this.options.extraBrowserArgs ?? [],
        webVersionCache: this.options.webVersionCache ?? 'local',
      });
    } catch (error) {
      this.log(`cannot create the WhatsApp client: ${shortReason(error)}`);
      this.setStatus({ state: 'disconnected', reason: `CLIENT_FAILED: ${shortReason(error)}` });
      return;
    }
    const attempt: Attempt = {
      client,
      initialized: false,
      ready: false,
      retired: false,
      initializing: Promise.resolve(),
      transientSince: null,
      timers: new Set(),
      watchdogBusy: false,
      lostWaiters: new Set(),
    };
    this.current = attempt;
    this.listen(attempt);
    this.later(attempt, this.options.initializeTimeoutMs ?? 120_000, () => {
      if (!attempt.initialized) this.onLost(attempt, recoveryForDisconnect('INIT_TIMEOUT'));
    });
    let initializing: Promise<void>;
    try {
      initializing = client.initialize();
    } catch (error) {
      initializing = Promise.reject(error);
    }
    attempt.initializing = initializing.then(
      () => this.onInitialized(attempt),
      (error: unknown) => this.onInitializeFailed(attempt, error),
    );
  }

  private listen(attempt: Attempt): void {
    const { client } = attempt;
    const live = (handler: () => void | Promise<void>) => {
      if (this.current !== attempt) return;
      this.liveQueue = this.liveQueue
        .then(handler)
        .catch((error: unknown) => this.log(`event handling failed: ${shortReason(error)}`));
    };
    client.on('qr', (qr: string) => this.ifCurrent(attempt, () => this.setStatus({ state: 'qr', qr })));
    client.on('code', (code: string) => this.ifCurrent(attempt, () => this.setStatus({ state: 'pairing-code', code })));
    client.on('authenticated', () => this.ifCurrent(attempt, () => this.setStatus({ state: 'authenticating' })));
    client.on('auth_failure', (message: unknown) => this.log(`auth failure: ${shortReason(message)}`));
    client.on('loading_screen', (percent: unknown) =>
      this.ifCurrent(attempt, () => {
        const value = Number(percent);
        this.setStatus({ state: 'loading', percent: percent === null || !Number.isFinite(value) ? null : value });
      }),
    );
    client.on('ready', () => this.ifCurrent(attempt, () => this.onReady(attempt)));
    client.on('change_state', (state: string) => this.ifCurrent(attempt, () => this.onStateChange(attempt, state)));
    client.on('disconnected', (reason: unknown) =>
      this.ifCurrent(attempt, () =>
        this.onLost(attempt, recoveryForDisconnect(typeof reason === 'string' ? reason : shortReason(reason))),
      ),
    );
    // One path for messages: message_create covers the customer's and the shop's own (also from the phone).
    client.on('message_create', (message: MessageLike) => {
      this.rememberMedia(message);
      live(() => this.intake.message(client, message));
    });
    client.on('message_ack', (message: MessageLike, ack: number) => live(() => this.intake.ack(message, ack)));
    client.on('message_revoke_everyone', (message: MessageLike) => live(() => this.intake.revoked(message)));
    client.on('message_reaction', (reaction: ReactionLike) => live(() => this.intake.reaction(client, reaction)));
    client.on('call', (call: CallLike) => live(() => this.intake.call(client, call)));
    client.on('error', (error: unknown) => this.log(`client error: ${shortReason(error)}`));
  }

  private onInitialized(attempt: Attempt): void {
    if (attempt.retired) return;
    attempt.initialized = true;
    const browser = attempt.client.pupBrowser;
    if (browser) {
      attempt.onBrowserClosed = () =>
        this.ifCurrent(attempt, () => this.onLost(attempt, recoveryForDisconnect('BROWSER_CLOSED')));
      browser.on('disconnected', attempt.onBrowserClosed);
    }
    const watchdog = setInterval(() => void this.watch(attempt), this.options.watchdogMs ?? 30_000);
    attempt.timers.add(watchdog);
  }

  private onInitializeFailed(attempt: Attempt, error: unknown): void {
    if (attempt.retired) return;
    const failure = classifyInitializeFailure(error);
    const reason = shortReason(error);
    this.log(`WhatsApp Web did not start (${failure}): ${reason}`);
    if (failure === 'browser-launch')
      return this.onLost(attempt, { action: 'browser-failed', reason: `BROWSER_FAILED: ${reason}` });
    if (failure === 'inject') {
      this.injectFailures++;
      if (this.injectFailures >= INJECT_FAILURES_BEFORE_UPDATE)
        return this.onLost(attempt, { action: 'update-needed', reason });
    }
    this.onLost(attempt, { action: 'retry', reason });
  }

  private onReady(attempt: Attempt): void {
    attempt.ready = true;
    attempt.transientSince = null;
    this.retryCount = 0;
    this.injectFailures = 0;
    this.setStatus({ state: 'connected', since: this.options.clock.now() });
    void this.intake.catchUp(attempt.client, () => this.current === attempt);
  }

  private onStateChange(attempt: Attempt, state: string): void {
    if (!attempt.ready) return;
    if (state === 'CONNECTED') return this.onSocketBack(attempt);
    if (isTransientState(state)) this.onSocketTrouble(attempt, state);
  }

  /** WhatsApp Web lost its socket and retries by itself; a fresh Client follows if it takes too long. */
  private onSocketTrouble(attempt: Attempt, state: string): void {
    const now = this.options.clock.now();
    attempt.transientSince ??= now;
    this.failInFlightSends(attempt);
    const grace = this.options.transientGraceMs ?? 90_000;
    this.setStatus({ state: 'offline', retryAt: attempt.transientSince + grace, reason: state });
  }

  private onSocketBack(attempt: Attempt): void {
    const wasTroubled = attempt.transientSince !== null || this.currentStatus.state !== 'connected';
    attempt.transientSince = null;
    if (!wasTroubled) return;
    this.setStatus({ state: 'connected', since: this.options.clock.now() });
    // Messages that arrived during the gap may come through no event.
    void this.intake.catchUp(attempt.client, () => this.current === attempt);
  }

  /** The periodic health check: a dead page, a lost link without `disconnected`, a TIMEOUT that lasts. */
  private async watch(attempt: Attempt): Promise<void> {
    if (attempt.retired || attempt.watchdogBusy) return;
    attempt.watchdogBusy = true;
    let state: string | null;
    try {
      state = await withTimeout(attempt.client.getState(), this.options.watchdogTimeoutMs ?? 10_000, 'getState');
    } catch (error) {
      this.log(`watchdog: WhatsApp Web does not answer (${shortReason(error)})`);
      this.ifCurrent(attempt, () => this.onLost(attempt, recoveryForDisconnect('WATCHDOG')));
      return;
    } finally {
      attempt.watchdogBusy = false;
    }
    this.ifCurrent(attempt, () => this.judgeState(attempt, state));
  }

  private judgeState(attempt: Attempt, state: string | null): void {
    const now = this.options.clock.now();
    if (!attempt.ready) {
      // The library's own QR refresh for UNPAIRED_IDLE throws in Node: the QR went stale.
      if (state === 'UNPAIRED_IDLE') return this.onLost(attempt, { action: 'wait', reason: 'QR_EXPIRED' });
    } else {
      if (isLostLinkState(state)) return this.onLost(attempt, recoveryForDisconnect(state ?? 'UNKNOWN'));
      if (state === 'CONNECTED') return this.onSocketBack(attempt);
    }
    if (!isTransientState(state) && state !== null) {
      attempt.transientSince = null;
      return;
    }
    if (attempt.ready) this.onSocketTrouble(attempt, state ?? 'NO_STATE');
    attempt.transientSince ??= now;
    if (now - attempt.transientSince >= (this.options.transientGraceMs ?? 90_000)) {
      this.onLost(attempt, recoveryForDisconnect(state ?? 'NO_STATE'));
    }
  }

  /** A library error escaped: look at the client now rather than at the next watchdog tick. */
  private checkSoon(): void {
    const attempt = this.current;
    if (attempt?.initialized) void this.watch(attempt);
  }

  private onLost(attempt: Attempt, recovery: Recovery): void {
    if (attempt.retired) return;
    this.log(`connection ended: ${recovery.action} (${recovery.reason})`);
    void this.retire(attempt);
    switch (recovery.action) {
      case 'new-qr':
        return this.freshQr(recovery.reason);
      case 'blocked':
        return this.setStatus({ state: 'blocked', reason: recovery.reason });
      case 'update-needed':
        return this.setStatus({ state: 'update-needed', reason: recovery.reason });
      case 'wait':
      case 'browser-failed':
        return this.setStatus({ state: 'disconnected', reason: recovery.reason });
      case 'retry':
        return this.scheduleRetry(recovery.reason);
    }
  }

  /** Unlinked from the phone: straight to a new QR, but never in a tight loop. */
  private freshQr(reason: string): void {
    const now = this.options.clock.now();
    this.newQrTimes = [...this.newQrTimes.filter((at) => now - at < NEW_QR_LOOP_WINDOW_MS), now];
    if (this.newQrTimes.length > NEW_QR_LOOP_LIMIT) {
      this.setStatus({ state: 'disconnected', reason });
      return;
    }
    this.retryCount = 0;
    this.setStatus({ state: 'starting' });
    this.launchLater(this.options.newQrDelayMs ?? 500);
  }

  private scheduleRetry(reason: string): void {
    this.retryCount++;
    const retry = this.options.retry ?? { baseMs: 2_000, maxMs: 5 * 60_000 };
    const delay = backoffDelay(this.retryCount, retry.baseMs, retry.maxMs);
    this.setStatus({ state: 'offline', retryAt: this.options.clock.now() + delay, reason });
    this.launchLater(delay);
  }

  private launchLater(delayMs: number): void {
    this.cancelRetry();
    const generation = this.generation;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running && generation === this.generation) void this.launch();
    }, delayMs);
  }

  private cancelRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /**
   * Ends an attempt for good: its events are ignored from now on, sends in flight become
   * uncertain, and its browser is closed — also one that finishes launching after the first
   * destroy(). The next Client is created only once this has finished.
   */
  private retire(attempt: Attempt, beforeDestroy?: () => Promise<void>): Promise<void> {
    if (attempt.retired) return this.settleRetiring();
    attempt.retired = true;
    if (this.current === attempt) this.current = null;
    for (const timer of attempt.timers) clearTimeout(timer);
    attempt.timers.clear();
    this.failInFlightSends(attempt);
    if (attempt.onBrowserClosed) attempt.client.pupBrowser?.off?.('disconnected', attempt.onBrowserClosed);
    attempt.client.removeAllListeners();
    attempt.client.on('error', () => undefined);
    const done = this.destroyClient(attempt, beforeDestroy).catch((error: unknown) =>
      this.log(`closing the client failed: ${shortReason(error)}`),
    );
    this.retiring.add(done);
    void done.finally(() => this.retiring.delete(done));
    return done;
  }

  private async destroyClient(attempt: Attempt, beforeDestroy?: () => Promise<void>): Promise<void> {
    const { client } = attempt;
    if (beforeDestroy)
      await beforeDestroy().catch((error: unknown) => this.log(`before closing: ${shortReason(error)}`));
    const destroy = () =>
      withTimeout(client.destroy(), 15_000, 'destroy').catch((error: unknown) =>
        this.log(`destroy: ${shortReason(error)}`),
      );
    await destroy();
    await withTimeout(attempt.initializing, 20_000, 'initialize').catch(() => undefined);
    await destroy();
    // Our own child only, by its handle: never a browser found by name.
    const child = client.pupBrowser?.process?.();
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private async settleRetiring(): Promise<void> {
    while (this.retiring.size > 0) await Promise.all([...this.retiring]);
  }

  private failInFlightSends(attempt: Attempt): void {
    for (const reject of attempt.lostWaiters) reject(new GatewayDisconnectedError());
    attempt.lostWaiters.clear();
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────

  private connectedAttempt(): Attempt {
    const attempt = this.current;
    if (!attempt || !attempt.ready || this.currentStatus.state !== 'connected') {
      throw new GatewayDisconnectedError('WhatsApp is not connected');
    }
    return attempt;
  }

  private ifCurrent(attempt: Attempt, action: () => void): void {
    if (this.current === attempt && !attempt.retired) action();
  }

  private later(attempt: Attempt, ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      attempt.timers.delete(timer);
      action();
    }, ms);
    attempt.timers.add(timer);
  }

  private setStatus(status: ConnectionStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.currentStatus)) return;
    this.currentStatus = status;
    this.emit('status', status);
  }

  private log(line: string): void {
    // Library errors can quote chat ids: no phone numbers in logs.
    this.options.log?.(`[whatsapp] ${line.replace(/\d{8,}/g, '…')}`);
  }
}

export function createWhatsAppWebGateway(options: WhatsAppWebGatewayOptions): WhatsAppWebGateway {
  return new WhatsAppWebGateway(options);
}
