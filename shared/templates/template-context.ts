/** Builds a render context from what both sides already hold: a profile and the settings. */
import type { CustomerProfile, Settings } from '../domain';
import { windowExpiresAt } from '../chats/window-rules';
import type { TemplateContext } from './render-template';

export type TemplateCustomerSource = Pick<CustomerProfile, 'name' | 'firstName' | 'phone' | 'lastInboundAt'> & {
  /** A chat summary has no custom fields; those placeholders then count as missing. */
  customFields?: Readonly<Record<string, string>>;
};

export function buildTemplateContext(
  customer: TemplateCustomerSource,
  settings: Pick<Settings, 'shop' | 'timeZone' | 'language'>,
  now: number,
): TemplateContext {
  return {
    customer: {
      name: customer.name,
      firstName: customer.firstName,
      phone: customer.phone,
      customFields: customer.customFields ?? {},
    },
    shop: settings.shop,
    now,
    timeZone: settings.timeZone,
    language: settings.language,
    windowExpiresAt: customer.lastInboundAt === null ? null : windowExpiresAt(customer.lastInboundAt),
  };
}
