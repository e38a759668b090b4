import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  classifyInitializeFailure,
  isLostLinkState,
  isTransientState,
  recoveryForDisconnect,
  shortReason,
} from '../../../../../../electron/backend/gateways/whatsapp-web/connection-policy';
import { isLibraryError } from '../../../../../../electron/backend/gateways/whatsapp-web/library-error-guard';

describe('recoveryForDisconnect', () => {
  it.each([
    ['LOGOUT', 'new-qr'],
    ['UNPAIRED', 'new-qr'],
    ['UNPAIRED_IDLE', 'new-qr'],
    ['TOS_BLOCK', 'blocked'],
    ['SMB_TOS_BLOCK', 'blocked'],
    ['DEPRECATED_VERSION', 'update-needed'],
    ['CONFLICT', 'wait'],
    ['TIMEOUT', 'retry'],
    ['PROXYBLOCK', 'retry'],
    ['NAVIGATION', 'retry'],
    ['', 'retry'],
  ])('%s → %s', (reason, action) => {
    expect(recoveryForDisconnect(reason).action).toBe(action);
  });

  it('names the QR giving up as an expired QR that waits for the person', () => {
    expect(recoveryForDisconnect('Max qrcode retries reached')).toEqual({ action: 'wait', reason: 'QR_EXPIRED' });
  });
});

describe('classifyInitializeFailure', () => {
  it('tells offline, changed WhatsApp Web, a browser that cannot start and a crash apart', () => {
    expect(classifyInitializeFailure(new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/'))).toBe(
      'network',
    );
    expect(classifyInitializeFailure('auth timeout')).toBe('inject');
    expect(classifyInitializeFailure('ready timeout')).toBe('inject');
    expect(
      classifyInitializeFailure(
        new Error("Evaluation failed: TypeError: Cannot read properties of undefined (reading 'Socket')"),
      ),
    ).toBe('inject');
    expect(classifyInitializeFailure(new Error('Failed to launch the browser process!\nspawn /nope ENOENT'))).toBe(
      'browser-launch',
    );
    expect(classifyInitializeFailure(new Error('Protocol error (Page.navigate): Target closed'))).toBe('crash');
  });
});

describe('backoffDelay', () => {
  it('doubles from the base and stops at the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, 1_000, 10_000))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });
});

describe('states and reasons', () => {
  it('knows which socket states are gone for good and which WhatsApp Web retries itself', () => {
    expect(isLostLinkState('UNPAIRED')).toBe(true);
    expect(isLostLinkState('CONNECTED')).toBe(false);
    expect(isLostLinkState(null)).toBe(false);
    expect(isTransientState('TIMEOUT')).toBe(true);
    expect(isTransientState('CONNECTED')).toBe(false);
  });

  it('keeps reasons to one line without query strings', () => {
    expect(shortReason(new Error('net::ERR_FAILED at https://web.whatsapp.com/?token=abc\n    at stack'))).toBe(
      'net::ERR_FAILED at https://web.whatsapp.com/',
    );
    expect(shortReason('auth timeout')).toBe('auth timeout');
  });

  it('recognises errors that come from the library or Puppeteer', () => {
    const puppeteerError = new Error(
      'Protocol error (Runtime.callFunctionOn): Session closed. Most likely the page has been closed.',
    );
    expect(isLibraryError(puppeteerError)).toBe(true);
    expect(isLibraryError('auth timeout')).toBe(true);
    const ours = new Error('store write failed');
    ours.stack = 'Error: store write failed\n    at write (/app/electron/backend/store/json-store.ts:10:5)';
    expect(isLibraryError(ours)).toBe(false);
  });
});
