/**
 * "Copy diagnostics" for support: what runs where, the connection state and how much data there
 * is. Counts and states only — never a phone number, a name, a message or a file path inside the
 * person's home (the logs folder is given separately, for the person to open).
 */
import { arch, platform, release } from 'node:os';
import packageJson from '../../../package.json';
import type { ConnectionState, GatewayKind } from '../../../shared/domain';
import { WINDOW_LENGTH_MS } from '../../../shared/chats/window-rules';
import type { StoreData } from '../store/store-types';

export const appVersion: string = packageJson.version;

export type ShellKind = 'electron' | 'browser';

export interface DiagnosticsFacts {
  appVersion: string;
  shell: ShellKind;
  os: { platform: string; release: string; arch: string };
  versions: { node: string; electron?: string | undefined };
  now: number;
  gatewayKind: GatewayKind;
  connection: ConnectionState;
  language: string;
  chatsComplete: boolean;
  counts: {
    chats: number;
    openWindows: number;
    unread: number;
    outbox: number;
    quickReplies: number;
    labels: number;
    notices: number;
  };
  notificationsEnabled: boolean;
  notificationsPaused: boolean;
}

/** The facts from the store: only counts of what it holds. */
export function storeCounts(data: StoreData, now: number): Omit<DiagnosticsFacts['counts'], 'notices'> {
  let openWindows = 0;
  let unread = 0;
  let chats = 0;
  for (const contact of Object.values(data.contacts)) {
    chats += 1;
    unread += contact.unreadCount;
    if (contact.lastInboundAt !== null && now < contact.lastInboundAt + WINDOW_LENGTH_MS) openWindows += 1;
  }
  return {
    chats,
    openWindows,
    unread,
    outbox: data.outbox.length,
    quickReplies: data.quickReplies.length,
    labels: data.labels.length,
  };
}

export function systemFacts(): Pick<DiagnosticsFacts, 'os' | 'versions'> {
  return {
    os: { platform: platform(), release: release(), arch: arch() },
    versions: { node: process.versions.node, electron: process.versions.electron },
  };
}

/** Plain text, one fact a line, in English: support reads it, whatever the UI language. */
export function diagnosticsText(facts: DiagnosticsFacts): string {
  const { counts } = facts;
  const lines = [
    `Janela ${facts.appVersion} (${facts.shell === 'electron' ? 'desktop app' : 'browser host'})`,
    `OS: ${facts.os.platform} ${facts.os.release} ${facts.os.arch}`,
    `Node ${facts.versions.node}${facts.versions.electron ? `, Electron ${facts.versions.electron}` : ''}`,
    `Time: ${new Date(facts.now).toISOString()}`,
    `WhatsApp: ${facts.gatewayKind}, ${facts.connection}`,
    `Language: ${facts.language}`,
    `Chats: ${counts.chats}${facts.chatsComplete ? '' : ' (still loading)'}, open windows: ${counts.openWindows}, unread: ${counts.unread}`,
    `Outbox: ${counts.outbox}, quick replies: ${counts.quickReplies}, labels: ${counts.labels}, notices: ${counts.notices}`,
    `Notifications: ${facts.notificationsEnabled ? 'on' : 'off'}${facts.notificationsPaused ? ', paused' : ''}`,
  ];
  return `${lines.join('\n')}\n`;
}
