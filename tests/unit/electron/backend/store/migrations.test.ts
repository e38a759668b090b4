/** Migrations run in order, one version at a time, and are pure. */
import { describe, expect, test } from 'vitest';
import {
  assertNotNewer,
  contactMigration,
  migrateDocument,
  NewerVersionFound,
  storeMigrations,
  versionOf,
  type Migration,
} from '../../../../../electron/backend/store/migrations';
import { storeSchemaVersion } from '../../../../../electron/backend/store/store-types';

/** Two made-up steps: 1 → 2 renames a collection, 2 → 3 splits a contact's name. */
const steps: Migration[] = [
  { document: ({ tags, ...rest }) => ({ ...rest, labels: tags }) },
  {
    document: (fields) => ({ ...fields, orders: [] }),
    contact: ({ name, ...rest }) => ({ ...rest, waName: name, firstNameOverride: String(name).split(' ')[0] }),
  },
];

describe('migrations', () => {
  test('one per version after the first: the list and the version agree', () => {
    expect(storeMigrations).toHaveLength(storeSchemaVersion - 1);
  });

  test('applied in order from the file’s version, each once, and the version set', () => {
    const old = Object.freeze({ version: 1, tags: ['vip'] });
    expect(migrateDocument(old, 1, 3, steps)).toEqual({ version: 3, labels: ['vip'], orders: [] });
    expect(migrateDocument({ version: 2, labels: [] }, 2, 3, steps)).toEqual({ version: 3, labels: [], orders: [] });
    // Pure: the file's object is left as it was.
    expect(old).toEqual({ version: 1, tags: ['vip'] });
  });

  test('contacts: only the steps with a contact change, none when up to date', () => {
    const migrate = contactMigration(1, 3, steps);
    expect(migrate?.({ chatId: 'x', name: 'Maria Silva' })).toEqual({
      chatId: 'x',
      waName: 'Maria Silva',
      firstNameOverride: 'Maria',
    });
    expect(contactMigration(3, 3, steps)).toBeNull();
    expect(contactMigration(1, 2, steps)).toBeNull();
  });

  test('versions: missing means the first layout, nonsense is refused, newer throws', () => {
    expect(versionOf(undefined)).toBe(1);
    expect(versionOf(2)).toBe(2);
    expect(versionOf('2')).toBeNull();
    expect(versionOf(0)).toBeNull();
    expect(() => assertNotNewer(storeSchemaVersion + 1, storeSchemaVersion)).toThrow(NewerVersionFound);
    expect(() => assertNotNewer(storeSchemaVersion, storeSchemaVersion)).not.toThrow();
  });
});
