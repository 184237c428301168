import { foldVietnamese, fullName, vietnameseSortKey, vietnameseTextKey, type Role } from '@canbo/contract';
import type { Ctx } from '../src/context.ts';
import { hashPassword } from '../src/auth/password.ts';

/**
 * Test data written straight to the tables, so a test of one feature does not depend on another
 * feature's service. Derived columns use the same functions the services use.
 */

let seq = 0;
const next = () => ++seq;
const now = () => new Date().toISOString();

export const PASSWORD = 'mat-khau-thu-nghiem';

export async function makeUnit(
  ctx: Ctx,
  u: {
    name: string;
    parentId?: number | null;
    kind?: string;
    organisation?: string;
    code?: string;
    validFrom?: string;
    status?: string;
  },
): Promise<number> {
  const q = ctx.db.kysely;
  const validFrom = u.validFrom ?? '2000-01-01';
  const parentId = u.parentId ?? null;
  const row = await q
    .insertInto('units')
    .values({
      code: u.code ?? `U${next()}`,
      name: u.name,
      short_name: null,
      kind: u.kind ?? (parentId ? 'grassroots' : 'province'),
      organisation: u.organisation ?? 'doan',
      parent_id: parentId,
      status: u.status ?? 'active',
      valid_from: validFrom,
      valid_to: null,
      place: null,
      search_text: foldVietnamese(u.name),
      sort_key: vietnameseTextKey(u.name),
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ancestors = parentId
    ? await q
        .selectFrom('unit_closure')
        .select(['ancestor_id', 'depth'])
        .where('descendant_id', '=', parentId)
        .execute()
    : [];
  await q
    .insertInto('unit_closure')
    .values([
      { ancestor_id: row.id, descendant_id: row.id, depth: 0 },
      ...ancestors.map((a) => ({ ancestor_id: a.ancestor_id, descendant_id: row.id, depth: a.depth + 1 })),
    ])
    .execute();
  await q
    .insertInto('unit_tree_history')
    .values({ unit_id: row.id, parent_id: parentId, valid_from: validFrom, valid_to: null })
    .execute();
  await q
    .insertInto('unit_names')
    .values({
      unit_id: row.id,
      name: u.name,
      short_name: null,
      sort_key: vietnameseTextKey(u.name),
      valid_from: validFrom,
      valid_to: null,
    })
    .execute();
  return row.id;
}

export async function makeUser(
  ctx: Ctx,
  u: { login?: string; grants?: { unitId: number; role: Role }[]; personId?: number; superadmin?: boolean } = {},
): Promise<{ id: number; login: string; password: string }> {
  const login = u.login ?? `user${next()}`;
  const row = await ctx.db.kysely
    .insertInto('users')
    .values({
      login,
      display_name: login,
      password_hash: await hashPassword(PASSWORD),
      person_id: u.personId ?? null,
      is_superadmin: u.superadmin ? 1 : 0,
      disabled: 0,
      last_login_at: null,
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const g of u.grants ?? []) {
    await ctx.db.kysely
      .insertInto('grants')
      .values({ user_id: row.id, unit_id: g.unitId, role: g.role, created_at: now() })
      .execute();
  }
  return { id: row.id, login, password: PASSWORD };
}

export async function makePerson(
  ctx: Ctx,
  p: {
    unitId: number;
    familyName: string;
    middleName?: string | null;
    givenName: string;
    birthDate?: string | null;
    gender?: 'male' | 'female';
    ethnicityCode?: string;
    nationalId?: string | null;
    partyMember?: boolean;
    theoryLevel?: string;
  },
): Promise<number> {
  const name = fullName(p.familyName, p.middleName, p.givenName);
  const row = await ctx.db.kysely
    .insertInto('people')
    .values({
      unit_id: p.unitId,
      family_name: p.familyName,
      middle_name: p.middleName ?? null,
      given_name: p.givenName,
      full_name: name,
      sort_key: vietnameseSortKey(p.givenName, p.familyName, p.middleName),
      search_text: foldVietnamese(name),
      birth_date: p.birthDate ?? null,
      gender: p.gender ?? 'male',
      ethnicity_code: p.ethnicityCode ?? '01',
      religion: null,
      national_id: p.nationalId ?? null,
      phone: null,
      email: null,
      party_member: p.partyMember ? 1 : 0,
      party_join_date: null,
      general_education: '12/12',
      qualification: 'university',
      theory_level: p.theoryLevel ?? 'basic',
      it_level: null,
      language_level: null,
      hardship_area: 0,
      notes: null,
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makePosition(
  ctx: Ctx,
  p: { personId: number; unitId: number; title?: string; startDate?: string; endDate?: string | null },
): Promise<number> {
  const row = await ctx.db.kysely
    .insertInto('positions')
    .values({
      person_id: p.personId,
      unit_id: p.unitId,
      title: p.title ?? 'committee_member',
      employment: 'part_time',
      method: 'elected',
      term: '2022–2027',
      decision: null,
      start_date: p.startDate ?? '2022-10-01',
      end_date: p.endDate ?? null,
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
