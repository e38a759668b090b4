/**
 * Stored data grows by versions. A file carries the version of the code that wrote it
 * (store-types.ts, `storeSchemaVersion`); an older file is brought up to date on reading by the
 * migrations below, one version at a time, and a newer one is refused without touching anything.
 * Added optional fields and collections need no migration: reading defaults what is missing and
 * keeps what it does not know. A migration is for a change of shape or meaning.
 */
import type { Language } from '../../../shared/domain';
import { translate } from '../../../shared/i18n';

type Fields = Record<string, unknown>;

/** From one version to the next. Pure: it returns new objects and never reads anything else. */
export interface Migration {
  /** Everything but the contacts (settings, collections…). */
  document?: (fields: Readonly<Fields>) => Fields;
  /** One contact, as a plain object with its fields by name. */
  contact?: (contact: Readonly<Fields>) => Fields;
}

/**
 * `storeMigrations[n - 1]` takes version n to n + 1, so the list is as long as
 * `storeSchemaVersion - 1`. Version 1 is the first released layout: nothing to migrate yet.
 */
export const storeMigrations: readonly Migration[] = [];

/** A file from a newer Janela was found; raised before anything is written. */
export class NewerVersionFound extends Error {
  constructor(readonly version: number) {
    super(`stored data has version ${version}`);
    this.name = 'NewerVersionFound';
  }
}

/** The data folder was written by a newer Janela: it is left as it is, and the person is told. */
export class StoreTooNewError extends Error {
  constructor(
    readonly foundVersion: number,
    readonly supportedVersion: number,
    language: Language,
  ) {
    super(translate(language, 'store.newerVersion'));
    this.name = 'StoreTooNewError';
  }
}

/** The version a stored record says it has: missing means 1 (the first layout wrote none in the journal). */
export function versionOf(value: unknown): number | null {
  if (value === undefined) return 1;
  return Number.isSafeInteger(value) && (value as number) >= 1 ? (value as number) : null;
}

/** Throws NewerVersionFound for a version above `current`. */
export function assertNotNewer(version: number, current: number): void {
  if (version > current) throw new NewerVersionFound(version);
}

/** Applies the migrations from `from` up to `current`, in order, to the document fields. */
export function migrateDocument(
  fields: Readonly<Fields>,
  from: number,
  current: number,
  migrations: readonly Migration[] = storeMigrations,
): Fields {
  let migrated: Fields = { ...fields };
  for (let version = from; version < current; version++) {
    const step = migrations[version - 1]?.document;
    if (step) migrated = step(migrated);
  }
  return { ...migrated, version: current };
}

/** Applies the migrations from `from` up to `current` to one contact; null when none applies. */
export function contactMigration(
  from: number,
  current: number,
  migrations: readonly Migration[] = storeMigrations,
): ((contact: Readonly<Fields>) => Fields) | null {
  const steps: ((contact: Readonly<Fields>) => Fields)[] = [];
  for (let version = from; version < current; version++) {
    const step = migrations[version - 1]?.contact;
    if (step) steps.push(step);
  }
  if (steps.length === 0) return null;
  return (contact) => steps.reduce<Fields>((value, step) => step(value), { ...contact });
}
