import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.ts';

type T = Awaited<ReturnType<typeof testApp>>;

/**
 * PostgreSQL only (`npm run test:pg`): Kysely's migrator asks the introspector whether its tables exist;
 * ours reads the connection's own schema, so other schemas (another test file's, being dropped) are
 * never read.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('introspecting a PostgreSQL database of many schemas', () => {
  let t: T;
  const other = `t_other_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    t = await testApp();
    await sql`create schema ${sql.id(other)}`.execute(t.db.kysely);
    await sql`create table ${sql.id(other, 'elsewhere')} (id integer primary key, version integer)`.execute(
      t.db.kysely,
    );
  });
  afterAll(async () => {
    await sql`drop schema ${sql.id(other)} cascade`.execute(t.db.kysely);
    await t.close();
  });

  it("lists the tables of the connection's schema with their columns, and none of another schema", async () => {
    const current = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db.kysely)).rows[0]!.s;
    const tables = await t.db.kysely.introspection.getTables();
    expect(new Set(tables.map((x) => x.schema))).toEqual(new Set([current]));
    expect(tables.map((x) => x.name)).not.toContain('elsewhere');
    expect(tables.map((x) => x.name)).not.toContain('kysely_migration');
    const people = tables.find((x) => x.name === 'people');
    expect(people?.columns.find((c) => c.name === 'id')).toMatchObject({ isAutoIncrementing: true, isNullable: false });
    expect(people?.columns.map((c) => c.name)).toContain('version');
    const withKysely = await t.db.kysely.introspection.getTables({ withInternalKyselyTables: true });
    expect(withKysely.map((x) => x.name)).toContain('kysely_migration');
  });
});
