import { describe, expect, it } from 'vitest';
import {
  automationSettingsSchema,
  defaultAutomationSettings,
} from '../../../../shared/automations/automation-settings';
import {
  botChatStateSchema,
  clearOptOut,
  initialBotChatState,
  messageFingerprint,
  onShopReply,
} from '../../../../shared/automations/bot-chat-state';
import { validateTemplate } from '../../../../shared/templates/render-template';

describe('automationSettingsSchema', () => {
  it('fills every missing field from an old or empty record, with the master switch off', () => {
    const settings = automationSettingsSchema.parse({});
    expect(settings).toMatchObject({
      version: 1,
      enabled: false,
      greetingEnabled: true,
      greetingAfterDays: 14,
      awayEnabled: true,
      menuEnabled: false,
      maxBotMessagesPerHour: 5,
    });
    expect(settings.faqRules.map((rule) => rule.id)).toEqual([
      'starter-hours',
      'starter-address',
      'starter-payment',
      'starter-delivery',
    ]);
    expect(settings.businessHours.weekly[0]).toEqual([]);
  });

  it('gives each parse its own default lists', () => {
    const one = automationSettingsSchema.parse({});
    one.faqRules.pop();
    one.businessHours.closedDates.push('2026-12-25');
    const two = automationSettingsSchema.parse({});
    expect(two.faqRules).toHaveLength(4);
    expect(two.businessHours.closedDates).toEqual([]);
  });

  it('keeps what was stored, ignores unknown fields and refuses a newer version', () => {
    const stored = { enabled: true, greetingAfterDays: 30, futureField: 'x' };
    expect(automationSettingsSchema.parse(stored)).toMatchObject({ enabled: true, greetingAfterDays: 30 });
    expect(automationSettingsSchema.safeParse({ version: 2 }).success).toBe(false);
    expect(automationSettingsSchema.safeParse({ maxBotMessagesPerHour: 0 }).success).toBe(false);
    expect(automationSettingsSchema.safeParse({ greetingTemplate: '   ' }).success).toBe(false);
  });

  it.each(['pt-BR', 'en'] as const)('has %s texts that use only known placeholders, plus next_open', (language) => {
    const settings = defaultAutomationSettings(language);
    const templates = [
      settings.greetingTemplate,
      settings.awayTemplate,
      settings.handoffAckTemplate,
      settings.optOutAckTemplate,
      ...settings.faqRules.map((rule) => rule.answer),
    ];
    for (const template of templates)
      expect(validateTemplate(template, ['next_open'])).toEqual({ unknown: [], malformed: false });
    expect(settings.awayTemplate).toContain('{{next_open}}');
    expect(settings.enabled).toBe(false);
  });
});

describe('botChatStateSchema', () => {
  it('reads an empty record as a chat the bot has never touched', () => {
    expect(botChatStateSchema.parse({})).toEqual(initialBotChatState());
    expect(initialBotChatState()).toMatchObject({ handedOffAt: null, optedOutAt: null, recentBotSendsAt: [] });
    expect(botChatStateSchema.safeParse({ version: 2 }).success).toBe(false);
  });

  it('moves a hand-off forward with each shop reply, and lets staff reverse an opt-out', () => {
    const state = onShopReply(onShopReply(initialBotChatState(), 2000), 1000);
    expect(state).toMatchObject({ handedOffAt: 2000, handoffReason: 'shop-replied' });
    expect(clearOptOut({ ...state, optedOutAt: 5 }).optedOutAt).toBeNull();
  });

  it('fingerprints texts up to case, accents and punctuation, without keeping the text', () => {
    expect(messageFingerprint('Aceita Pix?')).toBe(messageFingerprint('aceita pix'));
    expect(messageFingerprint('aceita pix')).not.toBe(messageFingerprint('aceita cartão'));
    expect(messageFingerprint('aceita pix')).toMatch(/^[0-9a-f]{16}$/);
  });
});
