import { defineMessages } from '../define-messages';

/** What the desktop app says when it cannot open its data folder: the cause and what to do. */
export const startupMessages = defineMessages(
  {
    'startup.busy':
      'Janela is already open on this computer. Switch to that window, or close it and open Janela again.',
    'startup.no-permission':
      'Janela cannot write in its data folder ({folder}). Make the folder writable again (it may have been set read-only), then open Janela again.',
    'startup.disk-full': 'Janela cannot start: the disk is full. Free some disk space, then open Janela again.',
    'startup.file-in-use':
      'Janela cannot start: another program is using its files in {folder}. Close that program (a backup, sync or antivirus tool), then open Janela again.',
    'startup.other':
      'Janela could not open its data folder ({folder}). Check that the disk is connected, then open Janela again; the log in that folder has the details.',
  },
  {
    'startup.busy': 'O Janela já está aberto neste computador. Volte para ele ou feche-o e abra o Janela de novo.',
    'startup.no-permission':
      'O Janela não tem permissão para gravar na pasta de dados ({folder}). Libere a gravação na pasta (ela pode ter ficado somente leitura) e abra o Janela de novo.',
    'startup.disk-full':
      'O Janela não pode iniciar: o disco está cheio. Libere espaço em disco e abra o Janela de novo.',
    'startup.file-in-use':
      'O Janela não pode iniciar: outro programa está usando os arquivos dele em {folder}. Feche esse programa (de backup, sincronização ou antivírus) e abra o Janela de novo.',
    'startup.other':
      'O Janela não conseguiu abrir a pasta de dados ({folder}). Confira se o disco está conectado e abra o Janela de novo; o registro nessa pasta tem os detalhes.',
  },
);
