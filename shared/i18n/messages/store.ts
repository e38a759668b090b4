import { defineMessages } from '../define-messages';

/** What the person is told about their saved data: recoveries and data from a newer Janela. */
export const storeMessages = defineMessages(
  {
    'store.newerVersion':
      'This data was written by a newer Janela. Update Janela to open it; nothing was changed in the data folder.',
    'notice.recovery.intro': 'Part of your saved data was damaged. Janela kept the damaged file aside.',
    'notice.recovery.restored': 'Recovered: {parts}.',
    'notice.recovery.lost': 'Could not be recovered: {parts}.',
    'notice.recovery.nothingLost': 'Nothing was lost.',
    'notice.recovery.part.everything': 'all your contacts, conversations and settings',
    'notice.recovery.part.chats': 'your contacts with their names, 24-hour windows and last messages',
    'notice.recovery.part.settings': 'settings, labels and quick replies',
    'notice.recovery.part.contact-details': 'labels, notes, fields and names given in Janela on some contacts',
    'notice.recovery.part.messages': 'some messages of a conversation',
    'notice.recovery.part.some-contacts': 'some contacts',
    'notice.recovery.part.recent-changes': 'changes made in the last moments before the damage',
  },
  {
    'store.newerVersion':
      'Estes dados foram gravados por uma versão mais nova do Janela. Atualize o Janela para abri-los; nada foi alterado na pasta de dados.',
    'notice.recovery.intro':
      'Parte dos seus dados salvos estava danificada. O Janela guardou o arquivo danificado à parte.',
    'notice.recovery.restored': 'Recuperado: {parts}.',
    'notice.recovery.lost': 'Não foi possível recuperar: {parts}.',
    'notice.recovery.nothingLost': 'Nada foi perdido.',
    'notice.recovery.part.everything': 'todos os seus contatos, conversas e configurações',
    'notice.recovery.part.chats': 'seus contatos com nomes, janelas de 24 horas e últimas mensagens',
    'notice.recovery.part.settings': 'configurações, etiquetas e respostas rápidas',
    'notice.recovery.part.contact-details': 'etiquetas, anotações, campos e nomes dados no Janela em alguns contatos',
    'notice.recovery.part.messages': 'algumas mensagens de uma conversa',
    'notice.recovery.part.some-contacts': 'alguns contatos',
    'notice.recovery.part.recent-changes': 'alterações feitas nos últimos instantes antes do dano',
  },
);
