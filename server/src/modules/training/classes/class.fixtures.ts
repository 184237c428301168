import type { AuditEntity } from '@canbo/contract';
import { expect } from 'vitest';
import type { TrainingClass } from '@canbo/contract';
import { makeUnit, makeUser } from '../../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';

/**
 * What the class tests share: the two districts of test/fixtures.ts, a province editor who
 * organises province classes, and a grassroots union under Cư Jút.
 */
export async function classWorld(t: TestApp) {
  const d = await twoDistricts(t);
  const u = await makeUser(t.ctx, { grants: [{ unitId: d.province, role: 'editor' }] });
  const grassroots = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: d.cuJut, kind: 'commune' });
  return { ...d, grassroots, provinceEditor: await login(t.app, u.login, u.password) };
}

export const classBody = (organiserUnitId: number, extra: Record<string, unknown> = {}) => ({
  name: 'Lớp bồi dưỡng Bí thư chi đoàn',
  organiserUnitId,
  partners: ['Trung tâm Chính trị huyện Cư Jút'],
  kindCode: 'title',
  targetTitles: ['secretary', 'deputy_secretary'],
  startDate: '2030-05-12',
  endDate: '2030-05-14',
  place: 'Hội trường Huyện ủy',
  capacity: 50,
  decision: '15-QĐ/HĐTN',
  ...extra,
});

export async function postClass(t: TestApp, s: Session, body: Record<string, unknown>): Promise<TrainingClass> {
  const res = await as(t.app, s).post('/api/v1/training/classes', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TrainingClass>();
}

export async function historyOf(t: TestApp, classId: number) {
  return t.db.kysely
    .selectFrom('class_status_history')
    .select(['from_status', 'to_status', 'note'])
    .where('class_id', '=', classId)
    .orderBy('id')
    .execute();
}

export async function auditOf(t: TestApp, entity: AuditEntity, entityId: number) {
  return t.db.kysely
    .selectFrom('audit_log')
    .select(['action', 'unit_id', 'before', 'after'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}
