import { describe, expect, it } from 'vitest';
import { parseWhatsAppFormatting, withoutWhatsAppFormatting } from '../../../../shared/text/whatsapp-format';

describe('WhatsApp formatting', () => {
  it('finds bold, italic and strikethrough runs, nested too', () => {
    expect(parseWhatsAppFormatting('Agendado: *Degustação de bolos*, sex 27/11.')).toEqual([
      'Agendado: ',
      { style: 'bold', children: ['Degustação de bolos'] },
      ', sex 27/11.',
    ]);
    expect(parseWhatsAppFormatting('_oi_ e ~não~')).toEqual([
      { style: 'italic', children: ['oi'] },
      ' e ',
      { style: 'strike', children: ['não'] },
    ]);
    expect(parseWhatsAppFormatting('*_muito_ bom*')).toEqual([
      { style: 'bold', children: [{ style: 'italic', children: ['muito'] }, ' bom'] },
    ]);
    expect(parseWhatsAppFormatting('(*Total: R$ 1.234,50*)')).toEqual([
      '(',
      { style: 'bold', children: ['Total: R$ 1.234,50'] },
      ')',
    ]);
  });

  it('leaves markers that do not open or close a run as typed', () => {
    for (const text of [
      'snake_case_name',
      '2*3*4',
      '* item sem fim',
      'a * b * c',
      '*sem fechar',
      '*quebra\nde linha*',
      '**',
      '',
    ]) {
      expect(withoutWhatsAppFormatting(text)).toBe(text);
    }
  });

  it('reads without the markers for a preview, and keeps HTML as text', () => {
    expect(withoutWhatsAppFormatting('*Seu pedido*\n2x Coxinha — *R$ 15,00*')).toBe(
      'Seu pedido\n2x Coxinha — R$ 15,00',
    );
    expect(withoutWhatsAppFormatting('*<img src=x onerror=alert(1)>*')).toBe('<img src=x onerror=alert(1)>');
  });
});
