/**
 * A message's text with WhatsApp's *bold*, _italic_ and ~strikethrough~ shown as the phone shows
 * them. Built as React elements from the parsed pieces: nothing is ever inserted as HTML.
 */
import { Fragment, type ReactNode } from 'react';
import { parseWhatsAppFormatting, type FormattedPiece } from '../../../../shared/text/whatsapp-format';

function render(pieces: readonly FormattedPiece[]): ReactNode[] {
  return pieces.map((piece, index) => {
    if (typeof piece === 'string') return <Fragment key={index}>{piece}</Fragment>;
    const children = render(piece.children);
    if (piece.style === 'bold') return <strong key={index}>{children}</strong>;
    if (piece.style === 'italic') return <em key={index}>{children}</em>;
    return <s key={index}>{children}</s>;
  });
}

export function FormattedText({ text }: { text: string }) {
  return <>{render(parseWhatsAppFormatting(text))}</>;
}
