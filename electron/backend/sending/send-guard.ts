/**
 * The backend's own check before anything is sent: the UI's disabled button is a convenience,
 * this is the rule. It runs when a send is requested and again when it actually goes out.
 */
import { JanelaError } from '../../../shared/contract';
import type { ConnectionStatus } from '../../../shared/domain';
import { hasUnfilledPlaceholder } from '../../../shared/templates/render-template';
import { isWindowOpen, windowExpiresAt } from '../../../shared/chats/window-rules';
import type { StoredContact } from '../store/store-types';

export function assertMaySend(
  contact: StoredContact | undefined,
  text: string,
  now: number,
): asserts contact is StoredContact {
  if (!contact) throw new JanelaError('not-found', 'no chat with that id');
  // Janela only answers people who wrote: it never starts conversations.
  if (contact.lastInboundAt === null)
    throw new JanelaError('never-wrote', 'this customer has never written to the shop');
  if (!isWindowOpen(contact.lastInboundAt, now)) {
    throw new JanelaError('window-closed', 'the 24-hour window is closed; only the customer can reopen it', {
      closedAt: windowExpiresAt(contact.lastInboundAt),
    });
  }
  if (hasUnfilledPlaceholder(text)) {
    throw new JanelaError('unfilled-placeholder', 'the text still holds a {{placeholder}}; fill it before sending');
  }
}

/**
 * States in which a reply may wait in the outbox: a phone is linked and the connection comes back
 * by itself (as WhatsApp queues a message behind its clock icon). With no phone linked, or a
 * connection that needs the person (QR, pairing code, an update, a block, no browser), a queued
 * reply would wait for nothing, so it is refused.
 */
const queueingStates = new Set<ConnectionStatus['state']>([
  'connected',
  'offline',
  'disconnected',
  'starting',
  'authenticating',
  'loading',
]);

export function assertMayQueue(status: ConnectionStatus): void {
  if (!queueingStates.has(status.state))
    throw new JanelaError('not-connected', `WhatsApp is not connected (${status.state})`);
}
