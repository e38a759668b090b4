/** A page of chats joins the list in order, and the next re-sort comes when any chat's window changes. */
import { beforeEach, expect, it } from 'vitest';
import { windowExpiresAt } from '../../../../../../shared/chats/window-rules';
import type { ChatSummary } from '../../../../../../shared/domain';
import { useChats } from '../../../../../../renderer/src/features/chats/chats-store';

const HOUR = 3_600_000;
const now = Date.UTC(2025, 5, 10, 12);
const closingSoonMs = HOUR;

function chat(name: string, phone: string, lastInboundAt: number | null): ChatSummary {
  const base = { chatId: `${phone}@c.us`, phone, name, firstName: name, lastOutboundAt: null, lastMessage: null };
  return { ...base, lastInboundAt, unreadCount: 0, labels: [] };
}

const ana = chat('Ana', '5511911111111', now - 2 * HOUR);
const bia = chat('Bia', '5511922222222', now - 20 * HOUR);
const caio = chat('Caio', '5511933333333', null);

beforeEach(() => useChats.getState().replaceAll([ana], now, closingSoonMs, false));

it('adds the chats of a page it does not hold, in order, and keeps those it holds', () => {
  const answered = { ...ana, lastOutboundAt: now };
  useChats.getState().upsert([answered], now, closingSoonMs);
  useChats.getState().addMissing([ana, bia, caio], now, closingSoonMs);
  const { ordered, byId } = useChats.getState();
  expect(ordered.map((one) => one.name)).toEqual(['Bia', 'Ana', 'Caio']);
  expect(byId.get(ana.chatId)).toEqual(answered);
});

it('re-sorts next when the first window of the held or the added chats starts closing', () => {
  expect(useChats.getState().nextChangeAt).toBe(windowExpiresAt(ana.lastInboundAt ?? 0) - closingSoonMs);
  useChats.getState().addMissing([bia, caio], now, closingSoonMs);
  expect(useChats.getState().nextChangeAt).toBe(windowExpiresAt(bia.lastInboundAt ?? 0) - closingSoonMs);
});
