import { defineMessages } from '../i18n/define-messages';

/**
 * How an attachment is named in the chat list, like WhatsApp's own previews. Shaped as a catalogue
 * so it can join `shared/i18n`'s `catalogues` as it is.
 */
export const mediaMessages = defineMessages(
  {
    'media.image': '📷 Photo',
    'media.imageCaption': '📷 {caption}',
    'media.voice': '🎤 Voice message',
    'media.voiceDuration': '🎤 Voice message {duration}',
    'media.audio': '🎵 Audio',
    'media.video': '🎥 Video',
    'media.videoCaption': '🎥 {caption}',
    'media.gif': '🎥 GIF',
    'media.document': '📄 Document',
    'media.documentName': '📄 {filename}',
    'media.sticker': 'Sticker',
    'media.location': '📍 Location',
    'media.locationName': '📍 {name}',
    'media.contact': '👤 Contact',
    'media.contactName': '👤 Contact: {name}',
    'media.contacts': '👤 {name} and {others} other contacts',
    'media.deleted': '🚫 This message was deleted',
    'media.viewOnce': '1️⃣ View once',
    'media.unsupported': '⚠️ Message type not supported',
  },
  {
    'media.image': '📷 Foto',
    'media.imageCaption': '📷 {caption}',
    'media.voice': '🎤 Áudio',
    'media.voiceDuration': '🎤 Áudio {duration}',
    'media.audio': '🎵 Áudio',
    'media.video': '🎥 Vídeo',
    'media.videoCaption': '🎥 {caption}',
    'media.gif': '🎥 GIF',
    'media.document': '📄 Documento',
    'media.documentName': '📄 {filename}',
    'media.sticker': 'Figurinha',
    'media.location': '📍 Localização',
    'media.locationName': '📍 {name}',
    'media.contact': '👤 Contato',
    'media.contactName': '👤 Contato: {name}',
    'media.contacts': '👤 {name} e mais {others} contatos',
    'media.deleted': '🚫 Mensagem apagada',
    'media.viewOnce': '1️⃣ Visualização única',
    'media.unsupported': '⚠️ Tipo de mensagem não suportado',
  },
);

export type MediaMessageKey = keyof (typeof mediaMessages)['en'];
