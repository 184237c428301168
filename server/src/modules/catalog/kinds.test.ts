import type { AuditEntity } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makeUser } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';

describe('training catalogue', () => {
  let t: TestApp;
  let cuJut: number;
  let provinceAdmin: Session;
  let districtAdmin: Session;
  let editorA: Session;
  let viewerA: Session;

  beforeAll(async () => {
    t = await testApp();
    const d = await twoDistricts(t);
    ({ cuJut, editorA, viewerA } = d);
    const signIn = async (u: { login: string; password: string }) => login(t.app, u.login, u.password);
    provinceAdmin = await signIn(await makeUser(t.ctx, { grants: [{ unitId: d.province, role: 'admin' }] }));
    districtAdmin = await signIn(await makeUser(t.ctx, { grants: [{ unitId: cuJut, role: 'admin' }] }));
  });
  afterAll(() => t.close());

  const auditOf = (entity: AuditEntity) =>
    t.db.kysely.selectFrom('audit_log').selectAll().where('entity', '=', entity).orderBy('id').execute();

  describe('kinds', () => {
    it('lists the seeded Vietnamese kinds in their order, to any signed-in user', async () => {
      const res = await as(t.app, viewerA).get('/api/v1/training/kinds');
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: { code: string; name: string; active: boolean }[] }>().items;
      expect(items.map((k) => k.name)).toEqual([
        'Bồi dưỡng chức danh',
        'Bồi dưỡng nghiệp vụ công tác Đoàn',
        'Bồi dưỡng kỹ năng',
        'Bồi dưỡng chuyển đổi số',
        'Lý luận chính trị sơ cấp',
        'Khác',
      ]);
      expect(items.every((k) => k.active)).toBe(true);
    });

    it('a province admin adds a kind and renames it, each change audited', async () => {
      const created = await as(t.app, provinceAdmin).post('/api/v1/training/kinds', {
        code: 'volunteer',
        name: 'Bồi dưỡng tình nguyện',
        sortOrder: 55,
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toEqual({
        code: 'volunteer',
        name: 'Bồi dưỡng tình nguyện',
        sortOrder: 55,
        active: true,
        version: 1,
      });
      const renamed = await as(t.app, provinceAdmin).patch('/api/v1/training/kinds/volunteer', {
        version: 1,
        name: 'Bồi dưỡng công tác tình nguyện',
      });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({ name: 'Bồi dưỡng công tác tình nguyện', version: 2 });
      const list = (await as(t.app, viewerA).get('/api/v1/training/kinds')).json<{ items: { code: string }[] }>();
      // sort order 55 puts it between the political theory kind (50) and "other" (60)
      expect(list.items.map((k) => k.code).slice(-3)).toEqual(['theory_basic', 'volunteer', 'other']);
      const audit = await auditOf('training_kind');
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      expect(JSON.parse(audit[1]!.before!)).toMatchObject({ code: 'volunteer', name: 'Bồi dưỡng tình nguyện' });
      expect(JSON.parse(audit[1]!.after!)).toMatchObject({ code: 'volunteer', name: 'Bồi dưỡng công tác tình nguyện' });
    });

    it('refuses a duplicate code with 409 naming the field', async () => {
      const res = await as(t.app, provinceAdmin).post('/api/v1/training/kinds', { code: 'title', name: 'Trùng' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'conflict', details: { field: 'code' } });
      expect(res.json().message).toContain('Bồi dưỡng chức danh');
    });

    it('refuses catalogue editing to a district admin, an editor and a viewer, storing nothing', async () => {
      const before = await rowCount(t, 'training_kinds');
      for (const s of [districtAdmin, editorA, viewerA]) {
        const add = await as(t.app, s).post('/api/v1/training/kinds', { code: 'district_kind', name: 'Của huyện' });
        expect(add.statusCode).toBe(403);
        const edit = await as(t.app, s).patch('/api/v1/training/kinds/other', { version: 1, active: false });
        expect(edit.statusCode).toBe(403);
      }
      expect(await rowCount(t, 'training_kinds')).toBe(before);
      const other = (await as(t.app, viewerA).get('/api/v1/training/kinds'))
        .json<{ items: { code: string; active: boolean; version: number }[] }>()
        .items.find((k) => k.code === 'other');
      expect(other).toMatchObject({ active: true, version: 1 });
    });

    it('a stale version is refused and an unknown code is not found', async () => {
      const stale = await as(t.app, provinceAdmin).patch('/api/v1/training/kinds/volunteer', {
        version: 1,
        sortOrder: 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale');
      const missing = await as(t.app, provinceAdmin).patch('/api/v1/training/kinds/nothing', { version: 1 });
      expect(missing.statusCode).toBe(404);
    });

    it('a bad code is refused with a Vietnamese message', async () => {
      const res = await as(t.app, provinceAdmin).post('/api/v1/training/kinds', { code: 'Có Dấu', name: 'X' });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe('code');
      expect(res.json().message).toContain('chữ thường không dấu');
    });
  });
});
