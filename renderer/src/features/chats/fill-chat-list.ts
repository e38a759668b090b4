/**
 * After a snapshot that holds only the top of the list, brings in every other chat a page at a time
 * (`getChats`) and merges each page in small slices when the page is idle, so scrolling and typing
 * never wait for 10,000 chats: no slice takes more than a few milliseconds. The next page is asked
 * for while the current one merges.
 */
import type { CommandInput, CommandOutput } from '../../../../shared/contract';
import type { ChatSummary } from '../../../../shared/domain';
import { MAX_CHATS_PAGE } from '../../../../shared/limits';

/** Chats merged per idle slice: merging them into 10,000 chats and drawing the list take a few ms. */
const SLICE = 250;

export interface FillChatListOptions {
  getChats(input: CommandInput<'getChats'>): Promise<CommandOutput<'getChats'>>;
  /** Adds the chats the list does not hold yet (those it holds are as new or newer). */
  addMissing(chats: readonly ChatSummary[]): void;
  /** A newer snapshot (a reconnection, the demo) replaced the list: stop filling the old one. */
  isCurrent(): boolean;
  /** Runs a slice when the page has time (`requestIdleCallback` in the app). */
  whenIdle(run: () => void): void;
}

/** Resolves true once every chat is in the list, false when a newer snapshot took over. */
export async function fillChatList(options: FillChatListOptions): Promise<boolean> {
  let page = options.getChats({ after: null, limit: MAX_CHATS_PAGE });
  for (;;) {
    const { chats, next } = await page;
    if (!options.isCurrent()) return false;
    if (next !== null) page = options.getChats({ after: next, limit: MAX_CHATS_PAGE });
    for (let from = 0; from < chats.length; from += SLICE) {
      await new Promise<void>((resolve) => options.whenIdle(resolve));
      if (!options.isCurrent()) return false;
      options.addMissing(chats.slice(from, from + SLICE));
    }
    if (next === null) return true;
  }
}
