import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender, mayNavigate, mayOpenExternally } from '../../../../electron/main/url-rules';

const packaged = 'file:///opt/Janela/resources/app.asar/out/renderer/index.html';
const devServer = 'http://localhost:5173/';

describe('is this URL our app?', () => {
  it('accepts the app page itself, with any hash or query', () => {
    expect(isAppUrl(packaged, packaged)).toBe(true);
    expect(isAppUrl(`${packaged}#/chat/1`, packaged)).toBe(true);
    expect(isAppUrl('http://localhost:5173/index.html?x=1', devServer)).toBe(true);
  });

  it('refuses other files, look-alike hosts, credentials and other schemes', () => {
    for (const hostile of [
      'file:///etc/passwd',
      'file:///opt/Janela/resources/app.asar/out/renderer/other.html',
      'file://evil.example/opt/Janela/resources/app.asar/out/renderer/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://localhost.evil.example:5173/',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://user:pass@localhost:5173/',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(hostile, hostile.startsWith('file') ? packaged : devServer), hostile).toBe(false);
    }
    expect(isAppUrl('http://localhost:5173/', packaged)).toBe(false);
  });

  it('trusts IPC only from frames of the app page', () => {
    expect(isTrustedSender(packaged, packaged)).toBe(true);
    expect(isTrustedSender(undefined, packaged)).toBe(false);
    expect(isTrustedSender('https://web.whatsapp.com/', packaged)).toBe(false);
  });

  it('never navigates the window away from the app', () => {
    expect(mayNavigate(`${packaged}#settings`, packaged)).toBe(true);
    expect(mayNavigate('https://example.com/', packaged)).toBe(false);
    expect(mayNavigate('file:///tmp/evil.html', packaged)).toBe(false);
  });
});

describe('may this URL open in the system browser?', () => {
  it('allows plain web pages', () => {
    expect(mayOpenExternally('https://www.whatsapp.com/legal')).toBe(true);
    expect(mayOpenExternally('http://example.com/')).toBe(true);
  });

  it('refuses javascript:, file:, custom schemes, credentials and garbage', () => {
    for (const hostile of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox(1)',
      'https://user:password@bank.example/',
      'https://bank.example@evil.example/',
      'http://',
      '//evil.example',
      ' ',
    ]) {
      expect(mayOpenExternally(hostile), hostile).toBe(false);
    }
  });
});
