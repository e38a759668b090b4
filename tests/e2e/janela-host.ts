/**
 * Starts and drives one browser host for a test: its own data folder, the simulated WhatsApp and
 * the test-control endpoints (a controllable clock, customers who write, what was sent).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HostOptions {
  dataDir?: string;
  mode?: '--simulated' | '--demo' | null;
  testControl?: boolean;
  lang?: 'en' | 'pt-BR';
  env?: Record<string, string>;
}

export interface SentMessage {
  phone: string;
  text: string;
  at: number;
  media?: { kind: string; mimetype: string; filename: string; sha256: string };
}

export interface InboundMedia {
  kind: string;
  mimetype?: string;
  filename?: string;
  base64?: string;
  durationSec?: number;
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  contact?: { name: string; phone?: string }[];
}

export class JanelaHost {
  url = '';
  readonly dataDir: string;
  private child: ChildProcess | null = null;
  output = '';

  constructor(private readonly options: HostOptions = {}) {
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'janela-e2e-'));
  }

  get origin(): string {
    return new URL(this.url).origin;
  }

  async start(): Promise<this> {
    const args = ['--import', 'tsx', 'electron/host/cli.ts', '--data-dir', this.dataDir, '--port', '0'];
    const mode = this.options.mode === undefined ? '--simulated' : this.options.mode;
    if (mode) args.push(mode);
    if (this.options.testControl ?? true) args.push('--test-control');
    if (this.options.lang) args.push('--lang', this.options.lang);
    this.output = '';
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not start:\n${this.output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /running at (http:\/\/\S+)/.exec(this.output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`host exited with ${code}:\n${this.output}`));
      });
    });
    return this;
  }

  /** Stops like a person closing it (SIGTERM: the store flushes first). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    this.child = null;
  }

  /** Whether the host process is still running (an attack must not end it). */
  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async restart(): Promise<this> {
    await this.stop();
    return this.start();
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.origin}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as unknown;
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  inbound(message: {
    phone: string;
    name?: string;
    text?: string;
    kind?: 'text' | 'call' | 'media' | 'reaction';
    media?: InboundMedia;
  }): Promise<unknown> {
    return this.call('POST', '/test/inbound', message);
  }

  /** The shop types `text` on its phone, in the chat with `phone`: WhatsApp reports it as the shop's own. */
  phoneReply(message: { phone: string; text: string }): Promise<unknown> {
    return this.call('POST', '/test/phone-reply', message);
  }

  advanceClock(advanceMs: number): Promise<unknown> {
    return this.call('POST', '/test/clock', { advanceMs });
  }

  /** Answers, then holds the host's event loop for `ms` (a starved machine): frames sent meanwhile arrive together. */
  busy(ms: number): Promise<unknown> {
    return this.call('POST', '/test/busy', { ms });
  }

  setConnected(connected: boolean): Promise<unknown> {
    return this.call('POST', '/test/connection', { connected });
  }

  /** Shows a connection state as the real gateway would (QR, offline, update needed…). */
  showStatus(status: Record<string, unknown>): Promise<unknown> {
    return this.call('POST', '/test/status', status);
  }

  async sent(): Promise<SentMessage[]> {
    return (await this.call('GET', '/test/sent')) as SentMessage[];
  }
}
