import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { foldVietnamese, vietnameseTextKey, type Grant, type Role, type User } from '@canbo/contract';
import type { Tx } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { grantRoots, inScope, unitInScope } from '../../auth/policy.ts';
import { columnOf, type AliasOf } from '../../db/aliases.ts';
import { likeContains, like, nowIso } from '../../db/dialect.ts';
import { offsetOf } from '../../lib/paging.ts';

/**
 * SQL condition on `users as u`: the actor may see and manage this account. An admin manages an
 * account only when every unit it reaches (each grant, and a cadre's own unit) lies inside the
 * admin's `user.manage` subtrees, so no admin can touch an account that reaches beyond them.
 * Superadmin accounts are reachable only by superadmins; an account that reaches no unit at all
 * belongs to no subtree, so only superadmins see it.
 */
export function manageable<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  u: AliasOf<DB, TB, 'users'>,
): RawBuilder<SqlBool> {
  if (actor.isSuperadmin) return sql<SqlBool>`1 = 1`;
  if (!grantRoots(actor, 'user.manage').length) return sql<SqlBool>`1 = 0`;
  const id = columnOf<'users'>(u, 'id');
  const personId = columnOf<'users'>(u, 'person_id');
  const grantInScope = unitInScope(actor, 'user.manage', columnOf<'grants'>('gx', 'unit_id'));
  const personInScope = unitInScope(actor, 'user.manage', columnOf<'people'>('px', 'unit_id'));
  return sql<SqlBool>`(
    ${columnOf<'users'>(u, 'is_superadmin')} = 0
    and (${personId} is not null or exists (select 1 from grants g0 where g0.user_id = ${id}))
    and not exists (select 1 from grants gx where gx.user_id = ${id} and not (${grantInScope}))
    and (${personId} is null or exists (select 1 from people px where px.id = ${personId} and ${personInScope}))
  )`;
}

export interface UserListInput {
  page: number;
  pageSize: number;
  order: 'asc' | 'desc';
  q?: string | null;
  sort: 'login' | 'displayName' | 'lastLoginAt';
}

export interface UserRow {
  id: number;
  login: string;
  display_name: string;
  person_id: number | null;
  person_name: string | null;
  person_unit_id: number | null;
  is_superadmin: number;
  disabled: number;
  last_login_at: string | null;
  version: number;
}

function baseQuery(tx: Tx) {
  return tx.q
    .selectFrom('users as u')
    .leftJoin('people as p', 'p.id', 'u.person_id')
    .select([
      'u.id',
      'u.login',
      'u.display_name',
      'u.person_id',
      'p.full_name as person_name',
      'p.unit_id as person_unit_id',
      'u.is_superadmin',
      'u.disabled',
      'u.last_login_at',
      'u.version',
    ]);
}

export async function listUsers(
  tx: Tx,
  actor: Actor,
  input: UserListInput,
): Promise<{ rows: UserRow[]; total: number }> {
  const term = input.q ? foldVietnamese(input.q) : '';
  // The login too: accounts written straight to the table (CLI, demo, tests) may lack search_text.
  const matches = sql<boolean>`(${like('u.search_text', likeContains(term))} or ${like('u.login', likeContains(term))})`;
  const filtered = tx.q
    .selectFrom('users as u')
    .where((eb) => manageable(eb, actor, 'u'))
    .$if(term !== '', (qb) => qb.where(matches));
  const countRow = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const dir = input.order;
  let rowsQuery = baseQuery(tx)
    .where((eb) => manageable(eb, actor, 'u'))
    .$if(term !== '', (qb) => qb.where(matches));
  if (input.sort === 'displayName') rowsQuery = rowsQuery.orderBy('u.sort_key', dir).orderBy('u.login', dir);
  else if (input.sort === 'lastLoginAt') {
    // Never-logged-in accounts last on both engines (their NULL ordering differs).
    rowsQuery = rowsQuery
      .orderBy(sql`case when u.last_login_at is null then 1 else 0 end`)
      .orderBy('u.last_login_at', dir);
  } else rowsQuery = rowsQuery.orderBy('u.login', dir);
  const rows = await rowsQuery.orderBy('u.id', dir).limit(input.pageSize).offset(offsetOf(input)).execute();
  return { rows, total: Number(countRow.n) };
}

/** One account the actor may manage, or undefined (missing and out of scope look the same). */
export async function findManageableUser(tx: Tx, actor: Actor, id: number): Promise<UserRow | undefined> {
  return baseQuery(tx)
    .where('u.id', '=', id)
    .where((eb) => manageable(eb, actor, 'u'))
    .executeTakeFirst();
}

export async function grantsOf(tx: Tx, userIds: number[]): Promise<Map<number, Grant[]>> {
  const out = new Map<number, Grant[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return out;
  const rows = await tx.q
    .selectFrom('grants as g')
    .innerJoin('units as un', 'un.id', 'g.unit_id')
    .select(['g.id', 'g.user_id', 'g.unit_id', 'un.name', 'g.role'])
    .where('g.user_id', 'in', userIds)
    .orderBy('g.user_id')
    .orderBy('g.id')
    .execute();
  for (const r of rows) out.get(r.user_id)?.push({ id: r.id, unitId: r.unit_id, unitName: r.name, role: r.role });
  return out;
}

export function toUser(row: UserRow, grants: Grant[]): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    personId: row.person_id,
    personName: row.person_name,
    isSuperadmin: row.is_superadmin === 1,
    disabled: row.disabled === 1,
    lastLoginAt: row.last_login_at,
    grants,
    version: row.version,
  };
}

/** One account row as the API shows it, with its grants. */
export async function withGrants(tx: Tx, row: UserRow): Promise<User> {
  const grants = await grantsOf(tx, [row.id]);
  return toUser(row, grants.get(row.id) ?? []);
}

/** The account as the API shows it, read without scope (after the service has checked it). */
export async function loadUser(tx: Tx, id: number): Promise<User | undefined> {
  const row = await baseQuery(tx).where('u.id', '=', id).executeTakeFirst();
  return row && withGrants(tx, row);
}

/** The unit keeping a cadre's record, read without scope (to file an audit row, not to show). */
export async function unitOfPerson(tx: Tx, personId: number | null): Promise<number | null> {
  if (personId === null) return null;
  const row = await tx.q.selectFrom('people').select('unit_id').where('id', '=', personId).executeTakeFirst();
  return row?.unit_id ?? null;
}

export async function loginTaken(tx: Tx, login: string): Promise<boolean> {
  const row = await tx.q.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst();
  return row !== undefined;
}

/** Another account already linked to this cadre (one own account per person). */
export async function accountOfPerson(tx: Tx, personId: number, exceptUserId?: number): Promise<number | undefined> {
  const row = await tx.q
    .selectFrom('users')
    .select('id')
    .where('person_id', '=', personId)
    .$if(exceptUserId !== undefined, (qb) => qb.where('id', '<>', exceptUserId ?? 0))
    .executeTakeFirst();
  return row?.id;
}

/** The cadre's unit, when the person lies inside the actor's `user.manage` scope. */
export async function manageablePersonUnit(tx: Tx, actor: Actor, personId: number): Promise<number | undefined> {
  const row = await tx.q
    .selectFrom('people as p')
    .select('p.unit_id')
    .where('p.id', '=', personId)
    .where((eb) => inScope(eb, actor, 'user.manage', 'p.unit_id'))
    .executeTakeFirst();
  return row?.unit_id;
}

/** The unit's name when it lies inside the actor's `user.manage` scope. */
export async function manageableUnitName(tx: Tx, actor: Actor, unitId: number): Promise<string | undefined> {
  const row = await tx.q
    .selectFrom('units as un')
    .select('un.name')
    .where('un.id', '=', unitId)
    .where((eb) => inScope(eb, actor, 'user.manage', 'un.id'))
    .executeTakeFirst();
  return row?.name;
}

export async function insertUser(
  tx: Tx,
  u: { login: string; displayName: string; passwordHash: string; personId: number | null; isSuperadmin?: boolean },
): Promise<number> {
  const now = nowIso();
  const row = await tx.q
    .insertInto('users')
    .values({
      login: u.login,
      ...displayNameColumns(u.login, u.displayName),
      password_hash: u.passwordHash,
      person_id: u.personId,
      is_superadmin: u.isSuperadmin ? 1 : 0,
      disabled: 0,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Column values for a changed display name (kept with its derived search and sort columns). */
export function displayNameColumns(login: string, displayName: string) {
  return {
    display_name: displayName,
    search_text: foldVietnamese(`${login} ${displayName}`),
    sort_key: vietnameseTextKey(displayName),
  };
}

/**
 * Names a guesser would try against an account: its units' (inside the actor's scope) and its
 * cadre's. Only for the password check; never shown.
 */
export async function namesAround(
  tx: Tx,
  actor: Actor,
  unitIds: readonly number[],
  personId: number | null,
): Promise<string[]> {
  const units = unitIds.length
    ? await tx.q
        .selectFrom('units as un')
        .select(['un.name', 'un.short_name'])
        .where('un.id', 'in', [...unitIds])
        .where((eb) => inScope(eb, actor, 'user.manage', 'un.id'))
        .execute()
    : [];
  const person =
    personId === null
      ? undefined
      : await tx.q
          .selectFrom('people as p')
          .select('p.full_name')
          .where('p.id', '=', personId)
          .where((eb) => inScope(eb, actor, 'user.manage', 'p.unit_id'))
          .executeTakeFirst();
  return [...units.flatMap((u) => [u.name, u.short_name]), person?.full_name].filter((n): n is string => !!n);
}

/** The stored hash of an account's password, to check the current one before a change. */
export async function passwordHashOf(tx: Tx, userId: number): Promise<string | undefined> {
  const row = await tx.q.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash;
}

export async function setPasswordHash(tx: Tx, userId: number, passwordHash: string): Promise<void> {
  await tx.q
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: nowIso() })
    .where('id', '=', userId)
    .execute();
}

export async function insertGrant(tx: Tx, userId: number, unitId: number, role: Role): Promise<number> {
  const row = await tx.q
    .insertInto('grants')
    .values({ user_id: userId, unit_id: unitId, role, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findGrant(tx: Tx, userId: number, grantId: number) {
  return tx.q
    .selectFrom('grants as g')
    .innerJoin('units as un', 'un.id', 'g.unit_id')
    .select(['g.id', 'g.unit_id', 'un.name', 'g.role'])
    .where('g.id', '=', grantId)
    .where('g.user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * The account's grants on `unitId` and the units below it: what anyone who may read an audit row
 * filed under that unit may also see, so a grant change's row names no unit beyond its readers.
 */
export async function grantsWithin(tx: Tx, userId: number, unitId: number) {
  const rows = await tx.q
    .selectFrom('grants as g')
    .innerJoin('units as un', 'un.id', 'g.unit_id')
    .select(['g.unit_id', 'un.name', 'g.role'])
    .where('g.user_id', '=', userId)
    .where('g.unit_id', 'in', (eb) =>
      eb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', unitId),
    )
    .orderBy('g.id')
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, unitName: r.name, role: r.role }));
}

export async function grantOnUnit(tx: Tx, userId: number, unitId: number): Promise<boolean> {
  const row = await tx.q
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteGrant(tx: Tx, grantId: number): Promise<void> {
  await tx.q.deleteFrom('grants').where('id', '=', grantId).execute();
}

/** Ends every session of the account (but `keepTokenHash`): the next request with its cookie is anonymous. */
export async function endSessions(tx: Tx, userId: number, keepTokenHash?: string): Promise<void> {
  await tx.q
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(keepTokenHash !== undefined, (qb) => qb.where('token_hash', '<>', keepTokenHash ?? ''))
    .execute();
}

/**
 * The deepest unit above all of `unitIds` (each is its own ancestor), or null when they share
 * none. An account's audit rows are filed there, so only those who see every unit the account
 * reaches read its history.
 */
export async function commonAncestor(tx: Tx, unitIds: number[]): Promise<number | null> {
  const ids = [...new Set(unitIds)];
  if (!ids.length) return null;
  if (ids.length === 1) return ids[0] ?? null;
  const row = await tx.q
    .selectFrom('unit_closure')
    .select('ancestor_id')
    .where('descendant_id', 'in', ids)
    .groupBy('ancestor_id')
    .having((eb) => eb.fn.countAll(), '=', ids.length)
    .orderBy(sql`sum(depth)`)
    .limit(1)
    .executeTakeFirst();
  return row?.ancestor_id ?? null;
}

/** An enabled system administrator (the one with this login, else the first): whom the CLI acts as. */
export async function findSuperadmin(tx: Tx, login: string | undefined) {
  return tx.q
    .selectFrom('users')
    .select(['id', 'login', 'display_name', 'person_id', 'is_superadmin'])
    .where('is_superadmin', '=', 1)
    .where('disabled', '=', 0)
    .$if(login !== undefined, (q) => q.where('login', '=', login!))
    .orderBy('id')
    .executeTakeFirst();
}
