import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CERTIFICATE_PATTERN } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { auditOf } from '../classes/class.fixtures.ts';
import { completedClass, issue } from './certificate.fixtures.ts';

describe('certificate patterns of a unit', () => {
  let t: TestApp;
  let cuJut: number;
  let editorA: Session;
  let viewerA: Session;
  let editorB: Session;

  const url = (unitId: number) => `/api/v1/training/certificate-patterns/${unitId}`;

  beforeAll(async () => {
    t = await testApp();
    ({ cuJut, editorA, viewerA, editorB } = await twoDistricts(t));
    await t.db.kysely.updateTable('units').set({ code: 'HD-CJ' }).where('id', '=', cuJut).execute();
  });
  afterAll(() => t.close());

  it('shows the default pattern until the unit sets its own, with the unit code and the next number', async () => {
    const res = await as(t.app, viewerA).get(url(cuJut));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      unitId: cuJut,
      pattern: DEFAULT_CERTIFICATE_PATTERN,
      version: 0,
      unitCode: 'HD-CJ',
      nextSeq: 1,
    });
  });

  it('is set by the unit’s editors only; other districts do not see it', async () => {
    const body = { version: 0, pattern: '{unit}-{seq:4}/{year}' };
    expect((await as(t.app, viewerA).put(url(cuJut), body)).statusCode).toBe(403);
    expect((await as(t.app, editorB).put(url(cuJut), body)).statusCode).toBe(404);
    expect((await as(t.app, editorB).get(url(cuJut))).statusCode).toBe(404);
    expect((await as(t.app, editorA).get(url(999999))).statusCode).toBe(404);
    expect((await as(t.app, viewerA).get(url(cuJut))).json().version).toBe(0);
  });

  it('refuses a pattern it cannot number with, naming the field', async () => {
    for (const pattern of ['{donvi}-{ngay}-{stt}', 'GCN-{year}-2025', '{seq}{seq}/GCN', '{seq}/GCN}']) {
      const res = await as(t.app, editorA).put(url(cuJut), { version: 0, pattern });
      expect(res.statusCode, pattern).toBe(400);
      expect(res.json().details.field, pattern).toBe('pattern');
      expect(res.json().message, pattern).toMatch(/^Mẫu số giấy chứng nhận: /);
    }
  });

  it('saves with the version the editor saw, audits it, and numbers the next certificates with it', async () => {
    const created = await as(t.app, editorA).put(url(cuJut), { version: 0, pattern: '{unit}-{seq:4}/{year}' });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ pattern: '{unit}-{seq:4}/{year}', version: 1 });
    const stale = await as(t.app, editorA).put(url(cuJut), { version: 0, pattern: '{seq}/GCN' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale');

    const c = await completedClass(t, { organiserUnitId: cuJut, count: 2 });
    expect((await issue(t, editorA, c.classId)).map((x) => x.number)).toEqual(['HD-CJ-0001/2025', 'HD-CJ-0002/2025']);

    const updated = await as(t.app, editorA).put(url(cuJut), { version: 1, pattern: 'Số {stt}/GCN-{nam}' });
    expect(updated.json()).toMatchObject({ pattern: 'Số {stt}/GCN-{nam}', version: 2 });
    const later = await completedClass(t, { organiserUnitId: cuJut, count: 1, prefix: 'Sau' });
    expect((await issue(t, editorA, later.classId)).map((x) => x.number)).toEqual(['Số 3/GCN-2025']);
    expect(
      (await as(t.app, editorA).get(`/api/v1/training/classes/${c.classId}/certificates`)).json().items[0].number,
    ).toBe('HD-CJ-0001/2025');

    const audit = await auditOf(t, 'certificate_pattern', cuJut);
    expect(audit.map((a) => [a.action, a.unit_id, JSON.parse(a.before ?? ''), JSON.parse(a.after ?? '')])).toEqual([
      ['create', cuJut, { pattern: DEFAULT_CERTIFICATE_PATTERN }, { pattern: '{unit}-{seq:4}/{year}' }],
      ['update', cuJut, { pattern: '{unit}-{seq:4}/{year}' }, { pattern: 'Số {stt}/GCN-{nam}' }],
    ]);
  });
});
