/**
 * The render context for one chat, built with the same `buildTemplateContext` the send path relies
 * on: what the preview shows is what gets inserted, and what is inserted is what is sent.
 */
import { useMemo } from 'react';
import { nextOpening } from '../../../../shared/automations/business-hours';
import type { ChatId } from '../../../../shared/domain';
import type { TemplateContext } from '../../../../shared/templates/render-template';
import { buildTemplateContext } from '../../../../shared/templates/template-context';
import { useAutomations } from '../automations/automations-store';
import { useChats } from '../chats/chats-store';
import { useClock } from '../../app/clock-store';
import { useProfiles } from '../profiles/profiles-store';
import { useSettings } from '../settings/settings-store';

const MINUTE_MS = 60_000;

/** A made-up customer, for previews when no chat is open. */
const SAMPLE_CUSTOMER = {
  name: 'Maria da Silva',
  firstName: 'Maria',
  phone: '5511987654321',
  lastInboundAt: null,
  customFields: {},
} as const;

/** Greetings and "closes at" change by the minute; re-rendering every second would be waste. */
function useMinute(): number {
  return useClock((state) => Math.floor(state.now / MINUTE_MS)) * MINUTE_MS;
}

export function useTemplateContext(chatId: ChatId | null): TemplateContext | null {
  // The profile, once loaded, follows the summary and is fresher right after an edit here.
  const summary = useChats((state) => (chatId ? state.byId.get(chatId) : undefined));
  const profile = useProfiles((state) => (chatId ? state.byChat.get(chatId) : undefined));
  const settings = useSettings((state) => state.settings);
  const hours = useAutomations((state) => state.settings?.businessHours ?? null);
  const now = useMinute();
  return useMemo(() => {
    if (!settings) return null;
    // {{next_open}}: the shop's next opening, from the business hours of the automations.
    const nextOpenAt = hours ? (nextOpening(hours, settings.timeZone, now)?.at ?? null) : null;
    if (!chatId) return { ...buildTemplateContext(SAMPLE_CUSTOMER, settings, now), nextOpenAt };
    const customer = profile ?? summary;
    return customer ? { ...buildTemplateContext(customer, settings, now), nextOpenAt } : null;
  }, [chatId, summary, profile, settings, now, hours]);
}
