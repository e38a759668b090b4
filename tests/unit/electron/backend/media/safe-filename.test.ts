import { describe, expect, it } from 'vitest';
import {
  contentHeaders,
  normalizeMimetype,
  safeMimetype,
  sanitizeFilename,
} from '../../../../../electron/backend/media/safe-filename';

describe('sanitizeFilename', () => {
  it.each([
    ['orcamento.pdf', 'orcamento.pdf'],
    ['Orçamento Março.pdf', 'Orçamento Março.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\cmd.exe', 'cmd.exe'],
    ['C:\\Users\\ana\\foto.jpg', 'foto.jpg'],
    ['/', 'arquivo'],
    ['..', 'arquivo'],
    ['...', 'arquivo'],
    ['.bashrc', 'bashrc'],
    ['', 'arquivo'],
    ['   ', 'arquivo'],
    ['nota.pdf. . .', 'nota.pdf'],
    ['a\u0000b\r\nc.txt', 'abc.txt'],
    ['\u202Egpj.exe', 'gpj.exe'],
    ['foto\u202Egnp.exe', 'fotognp.exe'],
    ['zero\u200Bwidth\uFEFF.pdf', 'zerowidth.pdf'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1.tar.gz', '_com1.tar.gz'],
    ['LPT9', '_LPT9'],
    ['console.txt', 'console.txt'],
    ['tab\tand\nlines.txt', 'tabandlines.txt'],
  ])('%j → %j', (hostile, expected) => {
    expect(sanitizeFilename(hostile)).toBe(expected);
  });

  it('falls back for what is not a string', () => {
    expect(sanitizeFilename(undefined)).toBe('arquivo');
    expect(sanitizeFilename(null)).toBe('arquivo');
    expect(sanitizeFilename({ toString: () => '../x' })).toBe('arquivo');
    expect(sanitizeFilename('', 'documento')).toBe('documento');
  });

  it('caps a long name and keeps its extension', () => {
    const name = sanitizeFilename(`${'a'.repeat(500)}.pdf`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('aaa.pdf')).toBe(true);
  });

  it('never cuts an emoji in half, and drops an extension too long to be one', () => {
    const emoji = sanitizeFilename('😀'.repeat(200));
    expect(Array.from(emoji)).toHaveLength(120);
    expect(emoji).toBe('😀'.repeat(120));
    expect(sanitizeFilename(`x.${'b'.repeat(300)}`)).toHaveLength(120);
  });

  it('is idempotent', () => {
    for (const hostile of ['../..\\CON.txt', ' .x. ', '\u202Eabc', `${'é'.repeat(300)}.docx`]) {
      const once = sanitizeFilename(hostile);
      expect(sanitizeFilename(once)).toBe(once);
    }
  });
});

describe('safeMimetype', () => {
  it.each([
    ['image/jpeg', 'image/jpeg', true],
    ['IMAGE/PNG', 'image/png', true],
    ['image/webp', 'image/webp', true],
    ['image/gif', 'image/gif', true],
    ['audio/ogg; codecs=opus', 'audio/ogg', true],
    ['audio/mpeg', 'audio/mpeg', true],
    ['video/mp4', 'video/mp4', true],
    ['application/pdf', 'application/pdf', true],
    ['image/svg+xml', 'application/octet-stream', false],
    ['text/html', 'application/octet-stream', false],
    ['application/xhtml+xml', 'application/octet-stream', false],
    ['text/xml', 'application/octet-stream', false],
    ['application/xml', 'application/octet-stream', false],
    ['text/javascript', 'application/octet-stream', false],
    ['application/javascript', 'application/octet-stream', false],
    ['application/x-msdownload', 'application/octet-stream', false],
    ['text/plain', 'application/octet-stream', false],
    ['', 'application/octet-stream', false],
    ['image/jpeg\r\nX-Evil: 1', 'application/octet-stream', false],
  ])('%j → %s inline=%s', (mimetype, contentType, inline) => {
    expect(safeMimetype(mimetype)).toEqual({ contentType, inline });
  });

  it('refuses what is not a type', () => {
    expect(normalizeMimetype(undefined)).toBeNull();
    expect(normalizeMimetype('jpeg')).toBeNull();
    expect(normalizeMimetype('image/')).toBeNull();
    expect(normalizeMimetype('image/png/x')).toBeNull();
  });
});

describe('contentHeaders', () => {
  it('serves a photo inline, with its name in both forms and no sniffing', () => {
    expect(contentHeaders('image/jpeg', 'Foto do bolo.jpg')).toEqual({
      'Content-Type': 'image/jpeg',
      'Content-Disposition': `inline; filename="Foto do bolo.jpg"; filename*=UTF-8''Foto%20do%20bolo.jpg`,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('serves SVG and HTML only as downloads, as bytes, in a sandbox', () => {
    for (const mimetype of ['image/svg+xml', 'text/html']) {
      const headers = contentHeaders(mimetype, 'x.svg');
      expect(headers['Content-Type']).toBe('application/octet-stream');
      expect(headers['Content-Disposition']).toMatch(/^attachment; /);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Content-Security-Policy']).toBe("default-src 'none'; sandbox");
    }
  });

  it('encodes accents and RFC 5987 specials, keeping an ASCII fallback', () => {
    const disposition = contentHeaders('application/pdf', "Orçamento (João)'s.pdf")['Content-Disposition'];
    expect(disposition).toBe(
      `inline; filename="Orcamento (Joao)'s.pdf"; filename*=UTF-8''Or%C3%A7amento%20%28Jo%C3%A3o%29%27s.pdf`,
    );
  });

  it('lets no hostile name break out of the header', () => {
    const headers = contentHeaders('application/zip', 'a"; filename=evil.html\r\nSet-Cookie: x=1%41.zip');
    const disposition = headers['Content-Disposition'] ?? '';
    expect(disposition).not.toMatch(/[\r\n]/);
    const quoted = /filename="([^"]*)"/.exec(disposition)?.[1];
    expect(quoted).toBe('a_; filename=evil.htmlSet-Cookie_ x=1_41.zip');
    expect(disposition.match(/"/g)).toHaveLength(2);
    for (const value of Object.values(headers)) expect(value).toMatch(/^[\x20-\x7e]*$/);
  });

  it('names a nameless file', () => {
    expect(contentHeaders('application/pdf', undefined)['Content-Disposition']).toBe(
      `inline; filename="arquivo"; filename*=UTF-8''arquivo`,
    );
  });
});
