import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.ts';
import { makeUnit } from '../../test/factories.ts';
import type { Actor } from './actor.ts';
import { inScope } from './policy.ts';

/** Both ways of asking a scope (ScopeLookup) give the same answer for every unit and permission. */
describe('inScope by subtree and by row', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let units: { id: number; name: string }[];
  let actors: [string, Actor][];
  beforeAll(async () => {
    t = await testApp();
    const province = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Đắk Nông', kind: 'province' });
    const cuJut = await makeUnit(t.ctx, { name: 'Huyện đoàn Cư Jút', parentId: province, kind: 'district' });
    const dakMil = await makeUnit(t.ctx, { name: 'Huyện đoàn Đắk Mil', parentId: province, kind: 'district' });
    const eaPo = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut });
    const thuanAn = await makeUnit(t.ctx, { name: 'Đoàn xã Thuận An', parentId: dakMil });
    const other = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Lâm Đồng', kind: 'province' });
    units = [
      { id: province, name: 'province' },
      { id: cuJut, name: 'cuJut' },
      { id: dakMil, name: 'dakMil' },
      { id: eaPo, name: 'eaPo' },
      { id: thuanAn, name: 'thuanAn' },
      { id: other, name: 'other' },
    ];
    const actor = (grants: Actor['grants'], isSuperadmin = false): Actor => ({
      userId: 1,
      login: 'a',
      displayName: 'A',
      personId: null,
      isSuperadmin,
      grants,
    });
    actors = [
      ['superadmin', actor([], true)],
      ['none', actor([])],
      ['viewer of a district', actor([{ id: 1, unitId: cuJut, unitName: '', role: 'viewer' }])],
      [
        'editor of a district, viewer of the province',
        actor([
          { id: 1, unitId: cuJut, unitName: '', role: 'editor' },
          { id: 2, unitId: province, unitName: '', role: 'viewer' },
        ]),
      ],
      [
        'admins of two places',
        actor([
          { id: 1, unitId: thuanAn, unitName: '', role: 'admin' },
          { id: 2, unitId: other, unitName: '', role: 'admin' },
        ]),
      ],
    ];
  });
  afterAll(() => t.close());

  it('names the same units for each actor and permission', async () => {
    const expected: Record<string, Record<string, string[]>> = {
      superadmin: {
        'person.read': ['province', 'cuJut', 'dakMil', 'eaPo', 'thuanAn', 'other'],
        'person.write': ['province', 'cuJut', 'dakMil', 'eaPo', 'thuanAn', 'other'],
      },
      none: { 'person.read': [], 'person.write': [] },
      'viewer of a district': { 'person.read': ['cuJut', 'eaPo'], 'person.write': [] },
      'editor of a district, viewer of the province': {
        'person.read': ['province', 'cuJut', 'dakMil', 'eaPo', 'thuanAn'],
        'person.write': ['cuJut', 'eaPo'],
      },
      'admins of two places': {
        'person.read': ['thuanAn', 'other'],
        'person.write': ['thuanAn', 'other'],
      },
    };
    for (const [who, actor] of actors) {
      for (const permission of ['person.read', 'person.write'] as const) {
        for (const lookup of ['subtree', 'row'] as const) {
          const rows = await t.db.kysely
            .selectFrom('units as u')
            .select('u.id')
            .where((eb) => inScope(eb, actor, permission, 'u.id', lookup))
            .orderBy('u.id')
            .execute();
          const names = rows.map((r) => units.find((u) => u.id === r.id)?.name);
          expect(names, `${who} ${permission} ${lookup}`).toEqual(expected[who]![permission]);
        }
      }
    }
  });
});
