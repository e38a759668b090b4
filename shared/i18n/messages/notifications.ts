import { defineMessages } from '../define-messages';

/** Desktop and browser notifications, the tray and the attention settings. */
export const notificationMessages = defineMessages(
  {
    'notification.newMessage': 'New message',
    'notification.closingSoon.title': 'Still unanswered',
    'notification.closingSoon.body': '{name} · window closes in {remaining}',
    'notification.handoff.title': 'A customer is waiting for you',
    'notification.handoff.body': '{name} asked to talk to a person',
    'notification.summary.messages': 'New messages in {count} chats',
    'notification.summary.closingSoon': '{count} unanswered chats are about to close',
    'notification.summary.handoff': '{count} customers are waiting for a person',
    'tray.open': 'Open Janela',
    'tray.pause': 'Pause notifications for 1 hour',
    'tray.resume': 'Resume notifications',
    'tray.quit': 'Quit',
    'tray.tooltip': 'Janela',
    'tray.tooltipUnread.one': 'Janela · {count} unread chat',
    'tray.tooltipUnread.other': 'Janela · {count} unread chats',
    'tray.keepsRunningTitle': 'Janela keeps running',
    'tray.keepsRunningBody': 'Notifications keep coming. To quit, use Quit in the tray icon’s menu.',
    'taskbar.unread.one': '{count} unread chat',
    'taskbar.unread.other': '{count} unread chats',
  },
  {
    'notification.newMessage': 'Nova mensagem',
    'notification.closingSoon.title': 'Ainda sem resposta',
    'notification.closingSoon.body': '{name} · a janela fecha em {remaining}',
    'notification.handoff.title': 'Um cliente está esperando por você',
    'notification.handoff.body': '{name} pediu para falar com uma pessoa',
    'notification.summary.messages': 'Mensagens novas em {count} conversas',
    'notification.summary.closingSoon': '{count} conversas sem resposta estão para fechar',
    'notification.summary.handoff': '{count} clientes aguardam um atendente',
    'tray.open': 'Abrir o Janela',
    'tray.pause': 'Pausar notificações por 1 hora',
    'tray.resume': 'Retomar notificações',
    'tray.quit': 'Sair',
    'tray.tooltip': 'Janela',
    'tray.tooltipUnread.one': 'Janela · {count} conversa não lida',
    'tray.tooltipUnread.other': 'Janela · {count} conversas não lidas',
    'tray.keepsRunningTitle': 'O Janela continua aberto',
    'tray.keepsRunningBody': 'As notificações continuam chegando. Para fechar, use Sair no menu do ícone da bandeja.',
    'taskbar.unread.one': '{count} conversa não lida',
    'taskbar.unread.other': '{count} conversas não lidas',
  },
);

export type NotificationMessageKey = keyof (typeof notificationMessages)['en'];
