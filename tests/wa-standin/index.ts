/**
 * A stand-in for https://web.whatsapp.com/ so the unmodified whatsapp-web.js runs offline in tests.
 * See README.md in this folder.
 */
export { startStandIn, DEFAULT_ME, DEFAULT_VERSION } from './server';
export type { StandIn, StandInOptions } from './server';
export type {
  DropOptions,
  InboundMessage,
  PageFilter,
  PageInfo,
  PhoneMessage,
  ReceivedMessage,
  SendFailureMode,
  StandInControl,
} from './control-types';
export type { SeedChat, SeedMessage, Me } from './history';
export type { WaState, StoredChat, StoredMessage } from './protocol';
export { PROVIDED_MODULES, OPTIONAL_MODULES } from './module-names';
export { httpControl } from './http-control';
export type { RemoteStandInControl } from './http-control';
