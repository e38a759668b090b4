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
    'notice.storeWriteFailed.disk-full':
      'Janela could not save your latest changes: the disk is full. Free some disk space; Janela keeps trying and loses nothing meanwhile.',
    'notice.storeWriteFailed.no-permission':
      'Janela could not save your latest changes: it is not allowed to write in its data folder. Make the folder writable again (it may have been set read-only); Janela keeps trying.',
    'notice.storeWriteFailed.file-in-use':
      'Janela could not save your latest changes: another program is using its files. Close that program (a backup, sync or antivirus tool); Janela keeps trying.',
    'notice.storeWriteFailed.other':
      'Janela could not save your latest changes. Check that the disk is connected and has free space; Janela keeps trying. The log in the data folder has the details.',
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
    'notice.storeWriteFailed.disk-full':
      'O Janela não conseguiu salvar as últimas alterações: o disco está cheio. Libere espaço em disco; o Janela continua tentando e nada se perde enquanto isso.',
    'notice.storeWriteFailed.no-permission':
      'O Janela não conseguiu salvar as últimas alterações: ele não tem permissão para gravar na pasta de dados. Libere a gravação na pasta (ela pode ter ficado somente leitura); o Janela continua tentando.',
    'notice.storeWriteFailed.file-in-use':
      'O Janela não conseguiu salvar as últimas alterações: outro programa está usando os arquivos dele. Feche esse programa (de backup, sincronização ou antivírus); o Janela continua tentando.',
    'notice.storeWriteFailed.other':
      'O Janela não conseguiu salvar as últimas alterações. Confira se o disco está conectado e tem espaço livre; o Janela continua tentando. O registro na pasta de dados tem os detalhes.',
    'notice.dismiss': 'Dispensar',
    'notice.regionLabel': 'Avisos',
  },
);
