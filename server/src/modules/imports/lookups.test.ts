import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makePerson } from '../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import type { Actor } from '../../auth/actor.ts';
import { reader } from '../../context.ts';
import { peopleByName, peopleFoldedAs } from './lookups.repository.ts';

const admin: Actor = { userId: 0, login: 'test', displayName: 'Test', personId: null, isSuperadmin: true, grants: [] };

/**
 * An import looks up the people its rows name by their folded names, a thousand at a time. On
 * PostgreSQL, once the planner has statistics of a small registry, a list of names that are not on
 * record made it probe the trigram index for each (4.3 s a thousand on 5,000 people, a preview of
 * 100,000 rows over a minute): the look-up must go by the name index.
 */
describe('looking up the people a sheet names', () => {
  let t: TestApp;
  let unit: number;
  beforeAll(async () => {
    t = await testApp();
    ({ cuJut: unit } = await twoDistricts(t));
  });
  afterAll(() => t.close());

  it('finds a person by the name in any case or marks, once per person', async () => {
    const id = await makePerson(t.ctx, { unitId: unit, familyName: 'Điểu', givenName: "K'Lung" });
    const found = await peopleByName(reader(t.ctx), admin, ["ĐIỂU K'LUNG", "dieu k'lung", 'Không Có Ai']);
    expect(found.map((p) => p.id)).toEqual([id]);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'asks the name index, not the trigram index, for a thousand names not on record',
    async () => {
      // A registry of 5,000 (one person copied under 5,000 names), its statistics taken.
      const one = await makePerson(t.ctx, { unitId: unit, familyName: 'Nguyễn', givenName: 'Có' });
      const kept = [
        'unit_id',
        'family_name',
        'middle_name',
        'birth_date',
        'gender',
        'ethnicity_code',
        'qualification',
        'theory_level',
        'qualification_manual',
        'theory_level_manual',
        'created_at',
        'updated_at',
      ];
      const named = ['given_name', 'full_name', 'sort_key', 'search_text'];
      await sql`insert into people (${sql.join([...kept, ...named].map((c) => sql.ref(c)))})
        select ${sql.join(kept.map((c) => sql.ref(c)))}, ${sql.join(named.map((c) => sql`${sql.ref(c)} || ' ' || g`))}
        from people, generate_series(1, 5000) g where id = ${one}`.execute(t.db.kysely);
      await sql`analyze people`.execute(t.db.kysely);
      const absent = Array.from({ length: 1000 }, (_, i) => `khong co ai ${i}`);
      const query = peopleFoldedAs(reader(t.ctx), admin, absent).compile();
      const { rows } = await t.db.kysely.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
      );
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).not.toContain('people_search_trgm');
    },
  );
});
