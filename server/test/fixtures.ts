import type { Database } from '../src/db/schema.ts';
import type { testApp } from './app.ts';
import { expect } from 'vitest';
import { makePerson, makeUnit, makeUser } from './factories.ts';
import { as, login, type Session } from './http.ts';

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/**
 * A province with two sibling districts and the four accounts a scoping test needs: a superadmin,
 * an editor and a viewer of Cư Jút, and an editor of the neighbouring Đắk Mil — all signed in.
 */
export async function twoDistricts(t: TestApp): Promise<{
  province: number;
  cuJut: number;
  dakMil: number;
  admin: Session;
  editorA: Session;
  viewerA: Session;
  editorB: Session;
}> {
  const province = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Đắk Nông' });
  const cuJut = await makeUnit(t.ctx, { name: 'Huyện đoàn Cư Jút', parentId: province, kind: 'district' });
  const dakMil = await makeUnit(t.ctx, { name: 'Huyện đoàn Đắk Mil', parentId: province, kind: 'district' });
  const signIn = async (u: { login: string; password: string }) => login(t.app, u.login, u.password);
  return {
    province,
    cuJut,
    dakMil,
    admin: await signIn(await makeUser(t.ctx, { superadmin: true })),
    editorA: await signIn(await makeUser(t.ctx, { grants: [{ unitId: cuJut, role: 'editor' }] })),
    viewerA: await signIn(await makeUser(t.ctx, { grants: [{ unitId: cuJut, role: 'viewer' }] })),
    editorB: await signIn(await makeUser(t.ctx, { grants: [{ unitId: dakMil, role: 'editor' }] })),
  };
}

/** Rows in a table, to show that a refused request stored nothing. */
export async function rowCount(t: TestApp, table: keyof Database): Promise<number> {
  const row = await t.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Điểu K’Lung: a cadre of `from` moved to `to` on 1 March 2021 (a transfer recorded through the API
 * by `admin`), so a class of 2019 counts for `from` though he works in `to` now. `beforeMove` records
 * what he did while still in `from` (the move then re-credits what came after it).
 */
export async function movedCadre(
  t: TestApp,
  admin: Session,
  from: number,
  to: number,
  extra: { nationalId?: string } = {},
  beforeMove: (id: number) => Promise<unknown> = async () => {},
): Promise<number> {
  const id = await makePerson(t.ctx, { unitId: from, familyName: 'Điểu', givenName: 'K’Lung', ...extra });
  await beforeMove(id);
  const moved = await as(t.app, admin).post(`/api/v1/people/${id}/moves`, {
    moveKind: 'transfer',
    fromUnitId: from,
    toUnitId: to,
    moveDate: '2021-03-01',
    decision: '45-QĐ/TĐTN',
  });
  expect(moved.statusCode, moved.body).toBe(201);
  return id;
}
