import { defineMessages } from '../define-messages';

export const commonMessages = defineMessages(
  {
    'app.name': 'Janela',
    'app.settings': 'Settings',
    'app.close': 'Close',
    'app.cancel': 'Cancel',
    'app.save': 'Save',
    'app.retry': 'Try again',
    'app.loading': 'Loading…',
    'app.hostReconnecting': 'Lost contact with Janela, reconnecting…',
    'app.demoTag': 'Demo',
    'app.simulatedTag': 'Simulated',
    'time.today': 'Today',
    'time.yesterday': 'Yesterday',
    'notice.storeWriteFailed':
      'Janela could not save your latest changes ({detail}). Free some disk space; Janela keeps trying.',
    'notice.dismiss': 'Dismiss',
    'notice.regionLabel': 'Notices',
  },
  {
    'app.name': 'Janela',
    'app.settings': 'Configurações',
    'app.close': 'Fechar',
    'app.cancel': 'Cancelar',
    'app.save': 'Salvar',
    'app.retry': 'Tentar de novo',
    'app.loading': 'Carregando…',
    'app.hostReconnecting': 'Perdemos contato com o Janela, reconectando…',
    'app.demoTag': 'Demonstração',
    'app.simulatedTag': 'Simulado',
    'time.today': 'Hoje',
    'time.yesterday': 'Ontem',
    'notice.storeWriteFailed':
      'O Janela não conseguiu salvar as últimas alterações ({detail}). Libere espaço em disco; o Janela continua tentando.',
    'notice.dismiss': 'Dispensar',
    'notice.regionLabel': 'Avisos',
  },
);
