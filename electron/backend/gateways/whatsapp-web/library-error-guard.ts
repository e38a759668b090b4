/**
 * whatsapp-web.js runs async listeners it never awaits (page `framenavigated` → inject, request
 * interception). When the gateway destroys a Client in the middle of one — after a logout, during
 * the re-injection that follows a page reload — their rejections surface as unhandled rejections,
 * which would end the whole app. While a gateway runs, those from the library and Puppeteer are
 * logged and dropped; anything else keeps Node's default of crashing.
 */
import { errorText } from './connection-policy';

const libraryMarkers = /whatsapp-web\.js|puppeteer/;
const libraryErrorNames = new Set(['TargetCloseError', 'ProtocolError', 'TimeoutError', 'ConnectionClosedError']);
const libraryMessages =
  /Target closed|Session closed|Protocol error|Execution context was destroyed|detached Frame|Navigating frame was detached|Connection closed|Requesting main frame too early|window is not defined|Request is already handled|Request Interception is not enabled/;

export function isLibraryError(reason: unknown): boolean {
  // The library rejects with bare strings for its own timeouts ('auth timeout', 'ready timeout').
  if (typeof reason === 'string') return true;
  if (!(reason instanceof Error)) return false;
  return (
    libraryErrorNames.has(reason.name) ||
    libraryMarkers.test(reason.stack ?? '') ||
    libraryMessages.test(reason.message)
  );
}

type Report = (reason: unknown) => void;
const reporters = new Set<Report>();

function onUnhandledRejection(reason: unknown): void {
  if (isLibraryError(reason)) {
    for (const report of reporters) report(reason);
    return;
  }
  // Another listener (the app's, the test runner's) decides; alone, do what Node would have done.
  if (process.listenerCount('unhandledRejection') === 1) {
    process.nextTick(() => {
      throw reason instanceof Error ? reason : new Error(errorText(reason));
    });
  }
}

/** Returns the uninstaller. Several gateways may hold the guard at once. */
export function installLibraryErrorGuard(report: Report): () => void {
  if (reporters.size === 0) process.on('unhandledRejection', onUnhandledRejection);
  reporters.add(report);
  return () => {
    reporters.delete(report);
    if (reporters.size === 0) process.off('unhandledRejection', onUnhandledRejection);
  };
}
