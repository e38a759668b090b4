/**
 * What moves a customer's `lastInboundAt`, for every gateway: the one place the 24-hour window's
 * renewal is decided. Gateways report everything they see (reactions included); the backend
 * records each message and asks this rule whether it reopens the window.
 */
import type { Direction, MessageKind, Settings } from '../../../shared/domain';

export type InboundRuleSettings = Pick<Settings, 'reactionsRenewWindow'>;

export function renewsWindow(
  message: { direction: Direction; kind: MessageKind },
  settings: InboundRuleSettings,
): boolean {
  // The shop's own messages (also those typed on the phone) never extend a window.
  if (message.direction !== 'in') return false;
  switch (message.kind) {
    case 'text':
    case 'media':
    case 'call':
      return true;
    case 'reaction':
      // Meta does not say whether a reaction opens the window; the shop decides in the settings.
      return settings.reactionsRenewWindow;
  }
}
