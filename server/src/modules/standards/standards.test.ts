import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { xlsxRows } from '../../../test/documents.ts';
import { makeUser } from '../../../test/factories.ts';
import { standardsCast } from './standards.fixtures.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';

const AT = '2024-06-30';

interface Row {
  personName: string;
  unitName: string;
  title: string;
  shortfalls: { kind: string; text: string }[];
}
interface GapRow {
  personName: string;
  unitName: string;
  startDate: string;
  trainedOn: string | null;
}

describe('title standards, standardisation and title-training gaps', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let admin: Session;
  let editorA: Session;
  let editorB: Session;
  let provinceAdmin: Session;
  let districtAdmin: Session;

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, admin, editorA, editorB } = await twoDistricts(t));
    const signIn = async (u: { login: string; password: string }) => login(t.app, u.login, u.password);
    provinceAdmin = await signIn(await makeUser(t.ctx, { grants: [{ unitId: province, role: 'admin' }] }));
    districtAdmin = await signIn(await makeUser(t.ctx, { grants: [{ unitId: cuJut, role: 'admin' }] }));
    await standardsCast(t, { province, cuJut, dakMil });
  });
  afterAll(() => t.close());

  const standardisation = async (s: Session, query: string) => {
    const res = await as(t.app, s).get(`/api/v1/standards/standardisation?at=${AT}&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Row[]; total: number }>();
  };
  const gaps = async (s: Session, query: string) => {
    const res = await as(t.app, s).get(`/api/v1/standards/gaps?at=${AT}&title=deputy_secretary&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: GapRow[]; total: number }>();
  };

  describe('the catalogue', () => {
    it('holds the QĐ 289 defaults DOMAIN.md gives, and nothing else', async () => {
      const res = await as(t.app, editorA).get('/api/v1/catalog/title-standards');
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: Record<string, unknown>[] }>().items;
      expect(items.map((s) => `${String(s.title)}@${String(s.level)}`).sort()).toEqual([
        'committee_member@district',
        'secretary@commune',
        'secretary@district',
        'secretary@province',
      ]);
      expect(items.find((s) => s.title === 'committee_member')).toMatchObject({
        maxAgeFirst: 30,
        maxAgeInPost: 35,
        hardshipMaxAgeFirst: null,
        hardshipMaxAgeInPost: 37,
        minQualification: null,
      });
    });

    it('a province admin sets a new cell and changes it, each change audited', async () => {
      const before = await rowCount(t, 'audit_log');
      const body = {
        version: 0,
        maxAgeFirst: 30,
        maxAgeInPost: 35,
        hardshipMaxAgeFirst: null,
        hardshipMaxAgeInPost: null,
        minQualification: null,
        minTheoryLevel: null,
      };
      const created = await as(t.app, provinceAdmin).put(
        '/api/v1/catalog/title-standards/standing_member/district',
        body,
      );
      expect(created.statusCode, created.body).toBe(200);
      expect(created.json()).toMatchObject({
        title: 'standing_member',
        level: 'district',
        maxAgeFirst: 30,
        version: 1,
      });
      const changed = await as(t.app, provinceAdmin).put('/api/v1/catalog/title-standards/standing_member/district', {
        ...body,
        version: 1,
        minTheoryLevel: 'intermediate',
      });
      expect(changed.json()).toMatchObject({ minTheoryLevel: 'intermediate', version: 2 });
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'title_standard')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      expect(JSON.parse(audit[1]!.after!)).toMatchObject({
        name: 'Ủy viên Ban Thường vụ cấp huyện',
        minTheoryLevel: 'intermediate',
      });
      expect(await rowCount(t, 'audit_log')).toBe(before + 2);
      const stale = await as(t.app, provinceAdmin).put(
        '/api/v1/catalog/title-standards/standing_member/district',
        body,
      );
      expect(stale.statusCode).toBe(409);
    });

    it('refuses a district admin and an editor, and a hardship limit below the ordinary one naming the field', async () => {
      const body = {
        version: 0,
        maxAgeFirst: 30,
        maxAgeInPost: 35,
        hardshipMaxAgeFirst: null,
        hardshipMaxAgeInPost: 33,
        minQualification: null,
        minTheoryLevel: null,
      };
      const path = '/api/v1/catalog/title-standards/deputy_secretary/commune';
      for (const s of [districtAdmin, editorA])
        expect((await as(t.app, s).put(path, { ...body, hardshipMaxAgeInPost: 37 })).statusCode).toBe(403);
      const bad = await as(t.app, provinceAdmin).put(path, body);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.field).toBe('hardshipMaxAgeInPost');
      expect(bad.json().message).toContain('Tuổi tối đa khi đương nhiệm (vùng khó khăn)');
      expect(bad.json().message).toContain('không được thấp hơn tuổi thường (35)');
    });
  });

  describe('standardisation', () => {
    it('lists who misses which requirement on the day, with the hardship exception applied', async () => {
      const list = await standardisation(admin, `unitId=${province}`);
      const byName = Object.fromEntries(list.items.map((r) => [r.personName, r.shortfalls.map((s) => s.text)]));
      expect(byName).toEqual({
        'Nguyễn An': ['Quá tuổi bổ nhiệm (36 > 35)'],
        'Nguyễn Bình': ['Quá tuổi đương nhiệm (36 > 35)'],
        'Nguyễn Dũng': [
          'Trình độ chuyên môn chưa đạt (Cao đẳng, yêu cầu Đại học)',
          'Lý luận chính trị chưa đạt (Sơ cấp, yêu cầu Trung cấp)',
        ],
        'Nguyễn Em': ['Lý luận chính trị chưa đạt (Chưa có, yêu cầu Sơ cấp)'],
        'Nguyễn Giang': ['Quá tuổi bổ nhiệm (34 > 30)', 'Quá tuổi đương nhiệm (39 > 35)'],
      });
      // Vietnamese name order: An, Bình, Dũng, Em, Giang.
      expect(list.items.map((r) => r.personName)).toEqual(Object.keys(byName));
      expect(list.total).toBe(5);
    });

    it('counts a cadre where they were on the day, and a district editor sees only their district', async () => {
      const mine = await standardisation(editorA, `unitId=${cuJut}`);
      expect(mine.items.map((r) => [r.personName, r.unitName])).toEqual([
        ['Nguyễn Bình', 'Huyện đoàn Cư Jút'],
        ['Nguyễn Em', 'Đoàn xã Nam Dong'],
        ['Nguyễn Giang', 'Huyện đoàn Cư Jút'],
      ]);
      const theirs = await standardisation(editorB, '');
      expect(theirs.items.map((r) => r.personName)).toEqual(['Nguyễn Dũng']);
      const refused = await as(t.app, editorA).get(`/api/v1/standards/standardisation?unitId=${dakMil}`);
      expect(refused.statusCode).toBe(404);
      // After the move, on a later day, Giang is no longer a holder (his position ended).
      const later = await as(t.app, editorB).get('/api/v1/standards/standardisation?at=2024-10-01');
      expect(later.json<{ items: Row[] }>().items.map((r) => r.personName)).toEqual(['Nguyễn Dũng']);
    });

    it('pages, filters by title and exports the same rows as .xlsx', async () => {
      const page = await standardisation(admin, 'title=secretary&pageSize=2&page=2&sort=person');
      expect(page.total).toBe(3);
      expect(page.items.map((r) => r.personName)).toEqual(['Nguyễn Em']);
      const res = await as(t.app, admin).get(`/api/v1/standards/standardisation.xlsx?at=${AT}&unitId=${province}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain('chuan-hoa-can-bo');
      const rows = (await xlsxRows(res.rawPayload))['Chuẩn hóa cán bộ']!;
      const header = rows.findIndex((r) => r[0] === 'STT');
      expect(rows[0]![0]).toBe('DANH SÁCH CÁN BỘ CHƯA ĐẠT TIÊU CHUẨN CHỨC DANH');
      expect(rows.slice(header + 1).map((r) => [r[1], r[4], r[7]])).toEqual([
        ['Nguyễn An', 'Bí thư', 'Quá tuổi bổ nhiệm (36 > 35)'],
        ['Nguyễn Bình', 'Ủy viên Ban Chấp hành', 'Quá tuổi đương nhiệm (36 > 35)'],
        [
          'Nguyễn Dũng',
          'Bí thư',
          'Trình độ chuyên môn chưa đạt (Cao đẳng, yêu cầu Đại học); Lý luận chính trị chưa đạt (Sơ cấp, yêu cầu Trung cấp)',
        ],
        ['Nguyễn Em', 'Bí thư', 'Lý luận chính trị chưa đạt (Chưa có, yêu cầu Sơ cấp)'],
        ['Nguyễn Giang', 'Ủy viên Ban Chấp hành', 'Quá tuổi bổ nhiệm (34 > 30); Quá tuổi đương nhiệm (39 > 35)'],
      ]);
    });
  });

  describe('title-training gaps', () => {
    it('lists holders trained late or never within 12 months of their appointment', async () => {
      const list = await gaps(admin, 'months=12');
      expect(list.items.map((r) => [r.personName, r.trainedOn])).toEqual([
        ['Nguyễn Khánh', '2024-03-01'],
        ['Nguyễn Lan', null],
        ['Nguyễn Minh', null],
      ]);
    });

    it('with 18 months the late one is in time; a district editor sees only their district', async () => {
      const wide = await gaps(admin, 'months=18');
      expect(wide.items.map((r) => r.personName)).toEqual(['Nguyễn Lan', 'Nguyễn Minh']);
      const mine = await gaps(editorA, `months=12&unitId=${cuJut}`);
      expect(mine.items.map((r) => r.personName)).toEqual(['Nguyễn Khánh', 'Nguyễn Minh']);
      const theirs = await gaps(editorB, 'months=12');
      expect(theirs.items.map((r) => r.personName)).toEqual(['Nguyễn Lan']);
    });

    it('refuses months out of range naming the field, and exports the list', async () => {
      const bad = await as(t.app, admin).get('/api/v1/standards/gaps?months=0');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.field).toBe('months');
      const res = await as(t.app, admin).get(`/api/v1/standards/gaps.xlsx?at=${AT}&title=deputy_secretary&months=12`);
      expect(res.statusCode).toBe(200);
      const rows = (await xlsxRows(res.rawPayload))['Chưa bồi dưỡng chức danh']!;
      const header = rows.findIndex((r) => r[0] === 'STT');
      expect(rows.slice(header + 1).map((r) => r[1])).toEqual(['Nguyễn Khánh', 'Nguyễn Lan', 'Nguyễn Minh']);
    });
  });
});
