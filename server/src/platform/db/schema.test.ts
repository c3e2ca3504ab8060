import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from './database.js';
import { createTestDatabase } from '../../../test/database.js';
import { migrateToLatest } from './migrate.js';
import { SCHEMA_COLUMNS } from './schema-columns.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('migrations and table types agree', () => {
  it('every table type has its columns in the migrated database, and nothing more', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name not like 'kysely_%'
      order by table_name, column_name`.execute(database.db);
    const actual: Record<string, string[]> = {};
    for (const row of rows) (actual[row.table_name] ??= []).push(row.column_name);
    const expected = Object.fromEntries(Object.entries(SCHEMA_COLUMNS).map(([table, columns]) => [table, Object.keys(columns).sort()]));
    expect(actual).toEqual(expected);
  });

  it('migrating again is a no-op', async () => {
    expect(await migrateToLatest(database.db)).toEqual([]);
  });
});
