import type { EnrolmentStatus, Grade } from '@canbo/contract';
import { expect } from 'vitest';
import type { Certificate } from '@canbo/contract';
import {
  makeAllocation,
  makeClass,
  makeEnrolment,
  makePerson,
  makeSession,
  makeTrainees,
  makeUnit,
  makeUser,
  markAttendance,
} from '../../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';
import { inTransaction } from '../../../context.ts';
import { refreshOutcomes } from '../results/outcomes.ts';

export const CLASS_NAME = 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2025';

/** Apply the completion rule as the results service would after grading. */
export const applyRule = (t: TestApp, classId: number) => inTransaction(t.ctx, (tx) => refreshOutcomes(tx, classId));

/**
 * What the certificate tests share: the province (code TD-DN, place Gia Nghĩa) with Cư Jút and
 * Đắk Mil, a completed province class with seats for both districts and five trainees — three who
 * completed it (two of Cư Jút, one of Đắk Mil), one graded "không đạt", one who withdrew — the
 * first trainee's own account, and a province editor and viewer.
 */
export async function certificateWorld(t: TestApp) {
  const d = await twoDistricts(t);
  const q = t.db.kysely;
  await q.updateTable('units').set({ place: 'Gia Nghĩa', code: 'TD-DN' }).where('id', '=', d.province).execute();
  await q.updateTable('units').set({ code: 'HD-CJ' }).where('id', '=', d.cuJut).execute();
  const eaPo = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: d.cuJut, kind: 'commune' });
  const dakGan = await makeUnit(t.ctx, { name: 'Đoàn xã Đắk Gằn', parentId: d.dakMil, kind: 'commune' });
  const signIn = async (u: { login: string; password: string }) => login(t.app, u.login, u.password);
  const provinceEditor = await signIn(await makeUser(t.ctx, { grants: [{ unitId: d.province, role: 'editor' }] }));
  const provinceViewer = await signIn(await makeUser(t.ctx, { grants: [{ unitId: d.province, role: 'viewer' }] }));

  const classId = await makeClass(t.ctx, {
    organiserUnitId: d.province,
    name: CLASS_NAME,
    status: 'completed',
    startDate: '2025-05-12',
    endDate: '2025-05-14',
  });
  await makeAllocation(t.ctx, { classId, unitId: d.cuJut, seats: 5 });
  await makeAllocation(t.ctx, { classId, unitId: d.dakMil, seats: 5 });
  const session = await makeSession(t.ctx, { classId });

  async function trainee(
    unitId: number,
    name: [string, string | null, string],
    grade: Grade | null,
    extra: { status?: EnrolmentStatus; nationalId?: string } = {},
  ) {
    const [familyName, middleName, givenName] = name;
    const personId = await makePerson(t.ctx, {
      unitId,
      familyName,
      middleName,
      givenName,
      birthDate: '1994-02-03',
      ...(extra.nationalId ? { nationalId: extra.nationalId } : {}),
    });
    await q
      .updateTable('people')
      .set({ phone: '0905123456', email: `${givenName}@doan.vn` })
      .where('id', '=', personId)
      .execute();
    const enrolmentId = await makeEnrolment(t.ctx, {
      classId,
      personId,
      grade,
      ...(extra.status ? { status: extra.status } : {}),
    });
    await markAttendance(t.ctx, { enrolmentId, sessionId: session });
    return { personId, enrolmentId };
  }
  const an = await trainee(eaPo, ['Nguyễn', 'Văn', 'An'], 'good', { nationalId: '067094001234' });
  const binh = await trainee(dakGan, ['Lê', 'Thị', 'Bình'], 'excellent');
  const nie = await trainee(d.cuJut, ['Y', 'Bhin', 'Niê'], 'fair');
  const failed = await trainee(eaPo, ['Trần', 'Văn', 'Cường'], 'fail');
  const withdrawn = await trainee(eaPo, ['Phạm', null, 'Dũng'], 'good', { status: 'withdrawn' });
  await applyRule(t, classId);
  const anAccount = await signIn(await makeUser(t.ctx, { personId: an.personId }));
  const otherCadre = await signIn(await makeUser(t.ctx, { personId: binh.personId }));

  return {
    ...d,
    eaPo,
    dakGan,
    provinceEditor,
    provinceViewer,
    classId,
    an,
    binh,
    nie,
    failed,
    withdrawn,
    anAccount,
    otherCadre,
  };
}

/** Issue through the API and return what was issued. */
export async function issue(t: TestApp, s: Session, classId: number, body: unknown = {}): Promise<Certificate[]> {
  const res = await as(t.app, s).post(`/api/v1/training/classes/${classId}/certificates`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ issued: Certificate[] }>().issued;
}

/** A completed class of `organiserUnitId` with `count` trainees who all completed it. */
export async function completedClass(
  t: TestApp,
  o: { organiserUnitId: number; count: number; endDate?: string; prefix?: string },
): Promise<{ classId: number; enrolmentIds: number[] }> {
  const classId = await makeClass(t.ctx, {
    organiserUnitId: o.organiserUnitId,
    status: 'completed',
    endDate: o.endDate ?? '2025-05-14',
  });
  const enrolmentIds = await makeTrainees(t.ctx, {
    classId,
    unitId: o.organiserUnitId,
    count: o.count,
    ...(o.prefix ? { prefix: o.prefix } : {}),
  });
  await t.db.kysely.updateTable('enrolments').set({ grade: 'good' }).where('class_id', '=', classId).execute();
  await applyRule(t, classId);
  return { classId, enrolmentIds };
}
