import type { ClassStatus, Title } from '@canbo/contract';
import type { AuditEntity } from '@canbo/contract';
import { expect } from 'vitest';
import type { Enrolment, NominationResult } from '@canbo/contract';
import { makeAllocation, makeClass, makePerson, makePosition, makeUnit, makeUser } from '../../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';

/**
 * What the enrolment tests share: the province (place Gia Nghĩa) with Cư Jút and Đắk Mil from
 * test/fixtures.ts, a commune union under each, a province editor who organises province classes,
 * and a helper to add cadres holding a title.
 */
export async function enrolmentWorld(t: TestApp) {
  const d = await twoDistricts(t);
  await t.db.kysely.updateTable('units').set({ place: 'Gia Nghĩa' }).where('id', '=', d.province).execute();
  const eaPo = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: d.cuJut, kind: 'commune' });
  const dakGan = await makeUnit(t.ctx, { name: 'Đoàn xã Đắk Gằn', parentId: d.dakMil, kind: 'commune' });
  const u = await makeUser(t.ctx, { grants: [{ unitId: d.province, role: 'editor' }] });
  const provinceEditor = await login(t.app, u.login, u.password);

  /** A cadre kept by `unitId`, holding `title` there since 2022 (none when null). */
  async function cadre(
    unitId: number,
    name: [family: string, middle: string | null, given: string],
    title: Title | null = 'secretary',
  ): Promise<number> {
    const [familyName, middleName, givenName] = name;
    const id = await makePerson(t.ctx, { unitId, familyName, middleName, givenName, birthDate: '1995-04-30' });
    if (title) await makePosition(t.ctx, { personId: id, unitId, title });
    return id;
  }

  /** An open province class of `capacity` with seats for Cư Jút and Đắk Mil. */
  async function provinceClass(
    opts: { capacity?: number | null; seatsA?: number; seatsB?: number; status?: ClassStatus } = {},
  ) {
    const classId = await makeClass(t.ctx, {
      organiserUnitId: d.province,
      name: 'Lớp bồi dưỡng chức danh Bí thư Đoàn cơ sở năm 2025',
      capacity: opts.capacity === undefined ? 20 : opts.capacity,
      status: opts.status ?? 'open',
    });
    const allocA = await makeAllocation(t.ctx, { classId, unitId: d.cuJut, seats: opts.seatsA ?? 3 });
    const allocB = await makeAllocation(t.ctx, { classId, unitId: d.dakMil, seats: opts.seatsB ?? 3 });
    return { classId, allocA, allocB };
  }

  return { ...d, eaPo, dakGan, provinceEditor, cadre, provinceClass };
}

export type EnrolmentWorld = Awaited<ReturnType<typeof enrolmentWorld>>;

/** Nominate and expect success. */
export async function nominated(
  t: TestApp,
  s: Session,
  classId: number,
  body: { allocationId?: number | null; personIds: number[]; waitlist?: boolean },
): Promise<NominationResult> {
  const res = await as(t.app, s).post(`/api/v1/training/classes/${classId}/enrolments`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<NominationResult>();
}

/** The class's enrolments as `s` sees them, in name order. */
export async function enrolmentsOf(t: TestApp, s: Session, classId: number, query = ''): Promise<Enrolment[]> {
  const res = await as(t.app, s).get(`/api/v1/training/classes/${classId}/enrolments?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Enrolment[] }>().items;
}

export async function auditRows(t: TestApp, entity: AuditEntity, entityId: number) {
  return t.db.kysely
    .selectFrom('audit_log')
    .select(['action', 'unit_id', 'actor_user_id', 'before', 'after'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}
