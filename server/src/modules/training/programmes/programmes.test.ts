import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Programme } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { makeUser } from '../../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';

const secretaries = {
  name: 'Bồi dưỡng chức danh Bí thư Đoàn cơ sở',
  kindCode: 'title',
  targetTitles: ['secretary', 'deputy_secretary'],
  topics: ['Nghiệp vụ công tác tổ chức', 'Kỹ năng điều hành hội nghị'],
  standardDays: 3,
};

describe('programmes', () => {
  let t: TestApp;
  let provinceAdmin: Session;
  let districtAdmin: Session;
  let viewerA: Session;
  let created: Programme;

  beforeAll(async () => {
    t = await testApp();
    const d = await twoDistricts(t);
    viewerA = d.viewerA;
    const signIn = async (u: { login: string; password: string }) => login(t.app, u.login, u.password);
    provinceAdmin = await signIn(await makeUser(t.ctx, { grants: [{ unitId: d.province, role: 'admin' }] }));
    districtAdmin = await signIn(await makeUser(t.ctx, { grants: [{ unitId: d.cuJut, role: 'admin' }] }));
  });
  afterAll(() => t.close());

  it('a province admin creates a programme with its kind, titles, topics and length, audited', async () => {
    const res = await as(t.app, provinceAdmin).post('/api/v1/training/programmes', secretaries);
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(created).toMatchObject({
      ...secretaries,
      kindName: 'Bồi dưỡng chức danh',
      standardPeriods: null,
      active: true,
      version: 1,
    });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'programme')
      .where('entity_id', '=', created.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ name: secretaries.name, topics: secretaries.topics });
    const got = await as(t.app, viewerA).get(`/api/v1/training/programmes/${created.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(created);
  });

  it('lists by name in Vietnamese order (D before Đ), finds words typed without diacritics, filters and pages', async () => {
    for (const p of [
      { name: 'Đoàn viên ưu tú', kindCode: 'union_work' },
      { name: 'Dân vận khéo', kindCode: 'skills' },
      { name: 'Chuyển đổi số cho cán bộ Đoàn', kindCode: 'digital', topics: ['Ứng dụng VNeID'] },
    ]) {
      expect((await as(t.app, provinceAdmin).post('/api/v1/training/programmes', p)).statusCode).toBe(201);
    }
    const names = async (query: string) => {
      const res = await as(t.app, viewerA).get(`/api/v1/training/programmes?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Programme[]; total: number }>();
    };
    expect((await names('')).items.map((p) => p.name)).toEqual([
      'Bồi dưỡng chức danh Bí thư Đoàn cơ sở',
      'Chuyển đổi số cho cán bộ Đoàn',
      'Dân vận khéo',
      'Đoàn viên ưu tú',
    ]);
    expect((await names('order=desc')).items[0]?.name).toBe('Đoàn viên ưu tú');
    // a topic's words find the programme too
    expect((await names('q=vneid')).items.map((p) => p.name)).toEqual(['Chuyển đổi số cho cán bộ Đoàn']);
    expect((await names('q=doan vien')).items.map((p) => p.name)).toEqual(['Đoàn viên ưu tú']);
    expect((await names('kindCode=skills')).items.map((p) => p.name)).toEqual(['Dân vận khéo']);
    // by kind: the catalogue's order of kinds (title, union_work, skills, digital…)
    expect((await names('sort=kind')).items.map((p) => p.kindCode)).toEqual([
      'title',
      'union_work',
      'skills',
      'digital',
    ]);
    const page = await names('pageSize=2&page=2');
    expect(page.total).toBe(4);
    expect(page.items.map((p) => p.name)).toEqual(['Dân vận khéo', 'Đoàn viên ưu tú']);
  });

  it('updates with a version, retires a programme, and the active filter sees it', async () => {
    const res = await as(t.app, provinceAdmin).patch(`/api/v1/training/programmes/${created.id}`, {
      version: 1,
      standardDays: 5,
      topics: ['Kỹ năng thuyết trình'],
      active: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ standardDays: 5, topics: ['Kỹ năng thuyết trình'], active: false, version: 2 });
    const inactive = await as(t.app, viewerA).get('/api/v1/training/programmes?active=false');
    expect(inactive.json().items.map((p: Programme) => p.id)).toEqual([created.id]);
    // the old topic no longer finds it, the new one does
    expect((await as(t.app, viewerA).get('/api/v1/training/programmes?q=dieu hanh')).json().total).toBe(0);
    expect((await as(t.app, viewerA).get('/api/v1/training/programmes?q=thuyet trinh')).json().total).toBe(1);
    const stale = await as(t.app, provinceAdmin).patch(`/api/v1/training/programmes/${created.id}`, {
      version: 1,
      name: 'Cũ',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale');
  });

  it('a deactivated kind cannot be chosen for a new programme (400 naming kindCode)', async () => {
    const kind = (
      await as(t.app, provinceAdmin).patch('/api/v1/training/kinds/other', { version: 1, active: false })
    ).json();
    expect(kind.active).toBe(false);
    const before = await rowCount(t, 'programmes');
    const res = await as(t.app, provinceAdmin).post('/api/v1/training/programmes', { name: 'Khác', kindCode: 'other' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('kindCode');
    expect(res.json().message).toMatch(/^Loại hình bồi dưỡng: "Khác" đã ngừng sử dụng/);
    const unknown = await as(t.app, provinceAdmin).post('/api/v1/training/programmes', { name: 'X', kindCode: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.field).toBe('kindCode');
    expect(await rowCount(t, 'programmes')).toBe(before);
  });

  it('refuses programme editing to a district admin and a viewer', async () => {
    const before = await rowCount(t, 'programmes');
    for (const s of [districtAdmin, viewerA]) {
      expect((await as(t.app, s).post('/api/v1/training/programmes', secretaries)).statusCode).toBe(403);
      const edit = await as(t.app, s).patch(`/api/v1/training/programmes/${created.id}`, { version: 2, name: 'Đổi' });
      expect(edit.statusCode).toBe(403);
    }
    expect(await rowCount(t, 'programmes')).toBe(before);
  });

  it('an unknown programme is not found', async () => {
    expect((await as(t.app, viewerA).get('/api/v1/training/programmes/999999')).statusCode).toBe(404);
  });
});
