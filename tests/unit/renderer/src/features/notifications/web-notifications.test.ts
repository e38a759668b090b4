import { describe, expect, it } from 'vitest';
import type { AttentionNotificationData } from '../../../../../../shared/domain';
import {
  type NotificationApi,
  pageTitle,
  permissionState,
  showWebNotifications,
} from '../../../../../../renderer/src/features/notifications/web-notifications';

interface Made {
  title: string;
  options: NotificationOptions | undefined;
  closed: boolean;
  onclick: (() => void) | null;
}

/** A stand-in for the page's Notification constructor, recording what was made. */
function fakeApi(permission: NotificationPermission): { api: NotificationApi; made: Made[] } {
  const made: Made[] = [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = () => Promise.resolve(permission);
    onclick: (() => void) | null = null;
    private readonly record: Made;
    constructor(title: string, options?: NotificationOptions) {
      this.record = { title, options, closed: false, onclick: null };
      made.push(this.record);
      // Expose the handler the code sets, through the record.
      Object.defineProperty(this, 'onclick', {
        set: (handler: (() => void) | null) => (this.record.onclick = handler),
        get: () => this.record.onclick,
      });
    }
    close() {
      this.record.closed = true;
    }
  }
  return { api: FakeNotification as unknown as NotificationApi, made };
}

const maria: AttentionNotificationData = {
  kind: 'message',
  chatId: '5511987654321@c.us',
  title: 'Maria Silva',
  body: 'Oi! Tem bolo hoje?',
  silent: false,
};
const closing: AttentionNotificationData = {
  kind: 'closing-soon',
  chatId: '5511912345678@c.us',
  title: 'Ainda sem resposta',
  body: 'João Souza · a janela fecha em 45 min',
  silent: true,
};

describe('web notifications', () => {
  it('show each decision with its text, one tag per chat, silent when sound is off', () => {
    const { api, made } = fakeApi('granted');
    expect(showWebNotifications([maria, closing], { api, openChat: () => undefined, icon: 'data:x' })).toBe(2);
    expect(made.map(({ title, options }) => ({ title, options }))).toEqual([
      {
        title: 'Maria Silva',
        options: { body: 'Oi! Tem bolo hoje?', tag: 'janela:5511987654321@c.us', silent: false, icon: 'data:x' },
      },
      {
        title: 'Ainda sem resposta',
        options: {
          body: 'João Souza · a janela fecha em 45 min',
          tag: 'janela:5511912345678@c.us',
          silent: true,
          icon: 'data:x',
        },
      },
    ]);
  });

  it('a click closes the notification and opens its chat', () => {
    const { api, made } = fakeApi('granted');
    const opened: string[] = [];
    showWebNotifications([maria], { api, openChat: (chatId) => opened.push(chatId) });
    made[0]?.onclick?.();
    expect(opened).toEqual([maria.chatId]);
    expect(made[0]?.closed).toBe(true);
  });

  it('show nothing without permission, or where the browser has no notifications', () => {
    for (const permission of ['default', 'denied'] as const) {
      const { api, made } = fakeApi(permission);
      expect(showWebNotifications([maria], { api, openChat: () => undefined })).toBe(0);
      expect(made).toEqual([]);
    }
    expect(showWebNotifications([maria], { api: null, openChat: () => undefined })).toBe(0);
    expect(permissionState(null)).toBe('unsupported');
  });

  it('put the unread total in the page title', () => {
    expect(pageTitle('Janela', 0)).toBe('Janela');
    expect(pageTitle('Janela', 3)).toBe('(3) Janela');
  });
});
