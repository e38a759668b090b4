import type { ErrorCode } from '../../contract';
import { defineMessages } from '../define-messages';

type ErrorKey = `error.${ErrorCode}`;

// Typed by ErrorCode, so a new code in shared/contract.ts fails the build until it has a message.
const en: Record<ErrorKey, string> = {
  'error.invalid-input': 'Janela could not accept that: check what you typed and try again.',
  'error.label-too-long': 'That label name is too long: use at most 40 characters, then save again.',
  'error.forbidden': 'This action is not allowed from here.',
  'error.not-found': 'That chat or item no longer exists.',
  'error.window-closed':
    'Not sent: this customer’s 24-hour window has closed. Only the customer can reopen it by writing again.',
  'error.not-connected': 'Not sent: WhatsApp is not connected. Reconnect and try again.',
  'error.unfilled-placeholder':
    'Not sent: the message still has a field to fill. Fill it in the customer’s profile or edit the text.',
  'error.never-wrote': 'Not sent: Janela only answers customers who wrote first.',
  'error.duplicate-shortcut': 'Another quick reply already uses this shortcut.',
  'error.invalid-import': 'That file is not a valid quick-reply export; nothing was imported.',
  'error.pairing-failed': 'WhatsApp did not give a pairing code. Check the number and try again.',
  'error.browser-not-usable':
    'No Chrome, Edge or Chromium was found at that path. Choose the browser’s program file, or leave the field empty and Janela finds one.',
  'error.too-large':
    'That is too large for Janela to take in one go (a file over the per-file limit in Settings, for example); nothing was changed.',
  'error.survey-already-sent':
    'This conversation was already asked for a rating. It can be asked again in the next conversation.',
  'error.slot-taken': 'That time is already taken. Pick another time.',
  'error.media-unavailable': 'WhatsApp no longer has this file, or did not hand it over. Try again later.',
  'error.not-supported': 'This is not available here.',
  'error.internal': 'Something went wrong inside Janela. Try again; if it keeps happening, restart Janela.',
};

const ptBR: Record<ErrorKey, string> = {
  'error.invalid-input': 'O Janela não pôde aceitar isso: confira o que foi digitado e tente de novo.',
  'error.label-too-long': 'Nome de etiqueta longo demais: use no máximo 40 caracteres e salve de novo.',
  'error.forbidden': 'Esta ação não é permitida daqui.',
  'error.not-found': 'Essa conversa ou item não existe mais.',
  'error.window-closed':
    'Não enviada: a janela de 24 horas deste cliente fechou. Só o cliente pode reabri-la escrevendo de novo.',
  'error.not-connected': 'Não enviada: o WhatsApp não está conectado. Reconecte e tente de novo.',
  'error.unfilled-placeholder':
    'Não enviada: a mensagem ainda tem um campo a preencher. Preencha no perfil do cliente ou edite o texto.',
  'error.never-wrote': 'Não enviada: o Janela só responde clientes que escreveram primeiro.',
  'error.duplicate-shortcut': 'Outra resposta rápida já usa este atalho.',
  'error.invalid-import': 'Esse arquivo não é uma exportação de respostas rápidas válida; nada foi importado.',
  'error.pairing-failed': 'O WhatsApp não forneceu um código de pareamento. Confira o número e tente de novo.',
  'error.browser-not-usable':
    'Nenhum Chrome, Edge ou Chromium foi encontrado nesse caminho. Escolha o arquivo do programa do navegador ou deixe o campo vazio para o Janela encontrar um.',
  'error.too-large':
    'Isso é grande demais para o Janela receber de uma vez (um arquivo acima do limite por arquivo das Configurações, por exemplo); nada foi alterado.',
  'error.survey-already-sent':
    'Esta conversa já recebeu o pedido de avaliação. Dá para pedir de novo na próxima conversa.',
  'error.slot-taken': 'Esse horário já está ocupado. Escolha outro horário.',
  'error.media-unavailable': 'O WhatsApp não tem mais este arquivo, ou não o entregou. Tente de novo mais tarde.',
  'error.not-supported': 'Isso não está disponível aqui.',
  'error.internal': 'Algo deu errado no Janela. Tente de novo; se continuar, reinicie o Janela.',
};

export const errorMessages = defineMessages(en, ptBR);
