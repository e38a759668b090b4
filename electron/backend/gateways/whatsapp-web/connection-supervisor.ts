/**
 * The life of the connection to WhatsApp Web: one fresh Client per attempt, backoff on network
 * trouble, a fresh QR after a logout, a stop on a ban, a watchdog for a client that died silently,
 * and unlinking. It knows nothing of messages: a new Client and a (re)gained link are handed to the
 * hooks, which is where messaging attaches.
 */
import { existsSync } from 'node:fs';
import type { ConnectionStatus } from '../../../../shared/domain';
import { phoneSchema } from '../../../../shared/domain';
import type { Clock } from '../../clock';
import { GatewayDisconnectedError } from '../gateway';
import type { ClientLike } from './client-like';
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
import { preparePrivateFolders, removeSession, type WhatsAppFolders } from './session-folders';
import { createWebClient, type WebClientOptions } from './web-client';
import { withTimeout } from './with-timeout';
import { closeClient, failInFlightSends, later, newAttempt, silence, type Attempt } from './attempt';

/** How the connection is made and watched; the gateway's options carry them unchanged. */
export interface ConnectionSettings {
  clock: Clock;
  /** The browser-path setting (null = detect). Read at every (re)start, so reconnect() applies a change. */
  browserPath: () => string | null;
  /** Test hook only (see testHookOptions). */
  extraBrowserArgs?: readonly string[];
  /** 'none' only for the test hook; 'local' keeps the WhatsApp Web page under `<dataDir>/whatsapp/web-cache`. */
  webVersionCache?: 'local' | 'none';
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
  /** Pause before a fresh QR after a logout, so the library's own logout handler finishes first. */
  newQrDelayMs?: number;
}

export interface ConnectionSupervisorOptions extends ConnectionSettings {
  folders: WhatsAppFolders;
  /** A Client was created: attach the message listeners. `isCurrent` turns false once it is replaced. */
  onClient: (client: ClientLike, isCurrent: () => boolean) => void;
  /** The link is up (ready, or back after a socket gap): messages may have been missed. */
  onLinked: (client: ClientLike, isCurrent: () => boolean) => void;
  /** The session was removed. */
  onUnlinked: () => void;
  onStatus: (status: ConnectionStatus) => void;
  log: (line: string) => void;
}

const INJECT_FAILURES_BEFORE_UPDATE = 3;
const NEW_QR_LOOP_LIMIT = 3;
const NEW_QR_LOOP_WINDOW_MS = 60_000;

export class ConnectionSupervisor {
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
  private uninstallGuard: (() => void) | null = null;

  constructor(private readonly options: ConnectionSupervisorOptions) {}

  status(): ConnectionStatus {
    return this.currentStatus;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.uninstallGuard ??= installLibraryErrorGuard((reason) => {
      this.options.log(`ignored a late whatsapp-web.js error: ${shortReason(reason)}`);
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
    await removeSession(this.options.folders);
    this.options.onUnlinked();
    this.options.log('unlinked: session removed');
    if (this.running) await this.launch();
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

  /** The attempt that is linked right now; sends and look-ups go through it. */
  connectedAttempt(): Attempt {
    const attempt = this.current;
    if (!attempt || !attempt.ready || this.currentStatus.state !== 'connected') {
      throw new GatewayDisconnectedError('WhatsApp is not connected');
    }
    return attempt;
  }

  private async launch(): Promise<void> {
    const generation = ++this.generation;
    this.cancelRetry();
    await this.settleRetiring();
    if (!this.running || generation !== this.generation) return;
    try {
      preparePrivateFolders(this.options.folders);
    } catch (error) {
      this.options.log(`cannot prepare the session folder: ${shortReason(error)}`);
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
        folders: this.options.folders,
        executablePath,
        extraBrowserArgs: this.options.extraBrowserArgs ?? [],
        webVersionCache: this.options.webVersionCache ?? 'local',
      });
    } catch (error) {
      this.options.log(`cannot create the WhatsApp client: ${shortReason(error)}`);
      this.setStatus({ state: 'disconnected', reason: `CLIENT_FAILED: ${shortReason(error)}` });
      return;
    }
    const attempt = newAttempt(client);
    this.current = attempt;
    this.listen(attempt);
    later(attempt, this.options.initializeTimeoutMs ?? 120_000, () => {
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
    client.on('qr', (qr: string) => this.ifCurrent(attempt, () => this.setStatus({ state: 'qr', qr })));
    client.on('code', (code: string) => this.ifCurrent(attempt, () => this.setStatus({ state: 'pairing-code', code })));
    client.on('authenticated', () => this.ifCurrent(attempt, () => this.setStatus({ state: 'authenticating' })));
    client.on('auth_failure', (message: unknown) => this.options.log(`auth failure: ${shortReason(message)}`));
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
    this.options.onClient(client, () => this.current === attempt);
    client.on('error', (error: unknown) => this.options.log(`client error: ${shortReason(error)}`));
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
    this.options.log(`WhatsApp Web did not start (${failure}): ${reason}`);
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
    this.options.onLinked(attempt.client, () => this.current === attempt);
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
    failInFlightSends(attempt);
    const grace = this.options.transientGraceMs ?? 90_000;
    this.setStatus({ state: 'offline', retryAt: attempt.transientSince + grace, reason: state });
  }

  private onSocketBack(attempt: Attempt): void {
    const wasTroubled = attempt.transientSince !== null || this.currentStatus.state !== 'connected';
    attempt.transientSince = null;
    if (!wasTroubled) return;
    this.setStatus({ state: 'connected', since: this.options.clock.now() });
    // Messages that arrived during the gap may come through no event.
    this.options.onLinked(attempt.client, () => this.current === attempt);
  }

  /** The periodic health check: a dead page, a lost link without `disconnected`, a TIMEOUT that lasts. */
  private async watch(attempt: Attempt): Promise<void> {
    if (attempt.retired || attempt.watchdogBusy) return;
    attempt.watchdogBusy = true;
    let state: string | null;
    try {
      state = await withTimeout(attempt.client.getState(), this.options.watchdogTimeoutMs ?? 10_000, 'getState');
    } catch (error) {
      this.options.log(`watchdog: WhatsApp Web does not answer (${shortReason(error)})`);
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
    this.options.log(`connection ended: ${recovery.action} (${recovery.reason})`);
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
    silence(attempt);
    const done = closeClient(attempt, this.options.log, beforeDestroy).catch((error: unknown) =>
      this.options.log(`closing the client failed: ${shortReason(error)}`),
    );
    this.retiring.add(done);
    void done.finally(() => this.retiring.delete(done));
    return done;
  }

  private async settleRetiring(): Promise<void> {
    while (this.retiring.size > 0) await Promise.all([...this.retiring]);
  }

  private ifCurrent(attempt: Attempt, action: () => void): void {
    if (this.current === attempt && !attempt.retired) action();
  }

  private setStatus(status: ConnectionStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.currentStatus)) return;
    this.currentStatus = status;
    this.options.onStatus(status);
  }
}
