/**
 * Customer profiles and labels as pure operations on stored contacts: each returns new objects and
 * leaves its input alone, so the router assigns the result inside `store.update` and a thrown
 * JanelaError changes nothing.
 */
import type { z } from 'zod';
import { JanelaError, type commands } from '../../../shared/contract';
import { deriveFirstName } from '../../../shared/profiles/customer-name';
import {
  LABEL_NAME_MAX,
  labelSchema,
  type ChatSummary,
  type CustomerProfile,
  type Label,
} from '../../../shared/domain';
import { nameKey } from '../../../shared/text/compare-text';
import { formatPhone } from '../../../shared/profiles/format-phone';
import { isBuiltInPlaceholder } from '../../../shared/templates/placeholders';
import type { StoredContact } from '../store/store-types';

export type ProfilePatch = Omit<z.output<typeof commands.updateProfile.input>, 'chatId'>;

/** A few dozen labels already make the chat list's filter hard to scan. */
export const MAX_LABELS = 100;

/** Blank means "no override": the WhatsApp name (or the derived first name) shows again. */
function override(value: string | null | undefined, current: string | null): string | null {
  if (value === undefined) return current;
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function cleanCustomFields(fields: Readonly<Record<string, string>>): Record<string, string> {
  const cleaned: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    // A field named like a built-in could never show: {{phone}} always means the customer's number.
    if (isBuiltInPlaceholder(name)) {
      throw new JanelaError('invalid-input', `"${name}" is a built-in placeholder and cannot be a custom field name`, {
        field: name,
      });
    }
    cleaned[name] = value.trim();
  }
  return cleaned;
}

/**
 * Applies an `updateProfile` command. Only the fields present change; custom fields and labels are
 * replaced as a whole (the profile panel sends its full list). With `knownLabels`, label ids must
 * name existing labels.
 */
export function applyProfileUpdate(
  contact: StoredContact,
  patch: ProfilePatch,
  knownLabels?: readonly Label[],
): StoredContact {
  const updated: StoredContact = {
    ...contact,
    nameOverride: override(patch.name, contact.nameOverride),
    firstNameOverride: override(patch.firstName, contact.firstNameOverride),
  };
  if (patch.customFields !== undefined) updated.customFields = cleanCustomFields(patch.customFields);
  if (patch.labels !== undefined) {
    const labels = [...new Set(patch.labels)];
    if (knownLabels) {
      const known = new Set(knownLabels.map((label) => label.id));
      const unknown = labels.find((id) => !known.has(id));
      if (unknown !== undefined)
        throw new JanelaError('invalid-input', `no label with id "${unknown}"`, { label: unknown });
    }
    updated.labels = labels;
  }
  if (patch.notes !== undefined) updated.notes = patch.notes;
  return updated;
}

function nonBlank(value: string | null): string | null {
  return value !== null && value.trim() !== '' ? value.trim() : null;
}

/** The name shown and used in `{{name}}`: the staff's override, else WhatsApp's, else the number. */
export function displayName(contact: StoredContact): string {
  return (
    nonBlank(contact.nameOverride) ??
    nonBlank(contact.waName) ??
    (formatPhone(contact.phone) || contact.chatId.slice(0, contact.chatId.indexOf('@')))
  );
}

/** A number-only name gives '' here, so `{{first_name|cliente}}` falls back. */
function displayFirstName(contact: StoredContact): string {
  return nonBlank(contact.firstNameOverride) ?? deriveFirstName(displayName(contact));
}

export function toChatSummary(contact: StoredContact): ChatSummary {
  return {
    chatId: contact.chatId,
    phone: contact.phone,
    name: displayName(contact),
    firstName: displayFirstName(contact),
    lastInboundAt: contact.lastInboundAt,
    lastOutboundAt: contact.lastOutboundAt,
    lastMessage: contact.lastMessage,
    unreadCount: contact.unreadCount,
    labels: contact.labels,
  };
}

export function toCustomerProfile(contact: StoredContact): CustomerProfile {
  return {
    ...toChatSummary(contact),
    waName: contact.waName,
    nameOverride: contact.nameOverride,
    firstNameOverride: contact.firstNameOverride,
    customFields: contact.customFields,
    notes: contact.notes,
  };
}

/** The custom field names in use across all customers, sorted. */
export function customFieldNames(contacts: Readonly<Record<string, StoredContact>>): string[] {
  const names = new Set<string>();
  for (const contact of Object.values(contacts)) for (const name in contact.customFields) names.add(name);
  return [...names].sort();
}

/** Creates a label (new id) or renames/recolours the one with the same id, keeping its place. */
export function saveLabel(labels: readonly Label[], label: Label): Label[] {
  // Refused with a message rather than cut: a cut name may clash with another or read wrong.
  if (label.name.trim().length > LABEL_NAME_MAX)
    throw new JanelaError('label-too-long', `label names have at most ${LABEL_NAME_MAX} characters`, {
      max: LABEL_NAME_MAX,
    });
  const parsed = labelSchema.safeParse(label);
  if (!parsed.success)
    throw new JanelaError('invalid-input', `label: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  const saved = parsed.data;
  // Two labels with one name would make the chat-list filter ambiguous.
  const clash = labels.find((other) => other.id !== saved.id && nameKey(other.name) === nameKey(saved.name));
  if (clash)
    throw new JanelaError('invalid-input', `a label named "${clash.name}" already exists`, { name: saved.name });
  const index = labels.findIndex((other) => other.id === saved.id);
  if (index === -1) {
    if (labels.length >= MAX_LABELS) throw new JanelaError('invalid-input', `at most ${MAX_LABELS} labels can be kept`);
    return [...labels, saved];
  }
  return labels.map((other, position) => (position === index ? saved : other));
}

/** Deletes a label and takes it off every contact; contacts without it keep their identity. */
export function deleteLabel(
  labels: readonly Label[],
  contacts: Readonly<Record<string, StoredContact>>,
  id: string,
): { labels: Label[]; contacts: Record<string, StoredContact> } {
  if (!labels.some((label) => label.id === id)) throw new JanelaError('not-found', `no label with id "${id}"`);
  const nextContacts: Record<string, StoredContact> = {};
  for (const [chatId, contact] of Object.entries(contacts)) {
    nextContacts[chatId] = contact.labels.includes(id)
      ? { ...contact, labels: contact.labels.filter((labelId) => labelId !== id) }
      : contact;
  }
  return { labels: labels.filter((label) => label.id !== id), contacts: nextContacts };
}
