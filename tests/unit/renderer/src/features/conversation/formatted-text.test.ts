import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormattedText } from '../../../../../../renderer/src/features/conversation/formatted-text';

const markup = (text: string) => renderToStaticMarkup(createElement(FormattedText, { text }));

describe('a message’s formatted text', () => {
  it('shows *bold*, _italic_ and ~strikethrough~ as the phone does', () => {
    expect(markup('Agendado: *Degustação*, _sexta_ ~não~')).toBe(
      'Agendado: <strong>Degustação</strong>, <em>sexta</em> <s>não</s>',
    );
  });

  it('never lets a customer’s text become HTML', () => {
    expect(markup('*<img src=x onerror=alert(1)>* <script>alert(2)</script>')).toBe(
      '<strong>&lt;img src=x onerror=alert(1)&gt;</strong> &lt;script&gt;alert(2)&lt;/script&gt;',
    );
  });
});
