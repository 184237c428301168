import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeProgress, SchemeTargetInput, TargetProgress } from '@canbo/contract';
import { testApp } from '../../../test/app.ts';
import { actorOfUser, makeClass, makeUser } from '../../../test/factories.ts';
import { xlsxRows } from '../../../test/documents.ts';
import { rowCount, type TestApp } from '../../../test/fixtures.ts';
import { as, type Session } from '../../../test/http.ts';
import { figuresData } from '../figures/figures.fixtures.ts';
import { everyMetricScheme } from './schemes.fixtures.ts';
import { elapsedShare, schemeProgress, statusOf } from './schemes.service.ts';

const API = '/api/v1/schemes';

describe('schemes', () => {
  let t: TestApp;
  let data: Awaited<ReturnType<typeof figuresData>>;
  let admin: Session;
  let editorA: Session;
  let viewerA: Session;
  let editorB: Session;
  let schemeId: number;
  let targets: { id: number; metric: string }[];

  const everyMetric = (code: string) => everyMetricScheme(data.province, data.cuJut, data.dakMil, code);
  const progressOf = async (s: Session, id = schemeId) => {
    const res = await as(t.app, s).get(`${API}/${id}/progress`);
    expect(res.statusCode).toBe(200);
    return res.json<SchemeProgress>();
  };
  const byMetric = (p: SchemeProgress) =>
    Object.fromEntries(p.targets.map((x) => [x.metric, x])) as Record<string, TargetProgress>;

  beforeAll(async () => {
    t = await testApp();
    data = await figuresData(t);
    ({ admin, editorA, viewerA, editorB } = data);
    const res = await as(t.app, admin).post(API, everyMetric('KH-2021'));
    expect(res.statusCode).toBe(201);
    schemeId = res.json().id;
    targets = res.json().targets;
  });
  afterAll(() => t.close());

  it('creates a scheme with its targets in one body, with an audit row', async () => {
    const res = await as(t.app, admin).get(`${API}/${schemeId}`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ code: 'KH-2021', startYear: 2021, endYear: 2023, version: 1, canEdit: true });
    expect(s.targets.map((x: { metric: string }) => x.metric)).toEqual([
      'classes',
      'participations',
      'people',
      'title_training_share',
      'studies_started',
      'studies_graduated',
      'visit_days',
    ]);
    expect(s.targets[0].years).toEqual([
      { year: 2021, value: 2 },
      { year: 2022, value: 2 },
      { year: 2023, value: 2 },
    ]);
    expect(s.targets[6].displayLabel).toBe('Ngày đi cơ sở của cán bộ');
    expect(s.targets[2].displayLabel).toBe('Số cán bộ được bồi dưỡng');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'unit_id'])
      .where('entity', '=', 'scheme')
      .where('entity_id', '=', schemeId)
      .execute();
    expect(audit).toEqual([{ action: 'create', unit_id: data.province }]);
  });

  it('computes every target live from the records, per year and per unit', async () => {
    const p = byMetric(await progressOf(admin));
    // The period is over: what fell short is not achieved (no longer "behind").
    expect(p.classes).toMatchObject({ actual: 3, target: 6, percent: 50, status: 'not_achieved' });
    expect(p.classes!.years.map((y) => [y.year, y.actual, y.target, y.status])).toEqual([
      [2021, 1, 2, 'not_achieved'],
      [2022, 2, 2, 'achieved'],
      [2023, 0, 2, 'not_achieved'],
    ]);
    expect(p.participations).toMatchObject({ actual: 45, target: 40, status: 'achieved' });
    expect(p.participations!.years.map((y) => y.actual)).toEqual([3, 42, 0]);
    expect(p.participations!.units.map((u) => [u.unitId, u.actual, u.target, u.status])).toEqual([
      [data.cuJut, 4, 4, 'achieved'],
      [data.dakMil, 41, 50, 'not_achieved'],
    ]);
    // Years without a value of their own have no status, not "on track".
    expect(p.participations!.years.map((y) => [y.target, y.status])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(p.people).toMatchObject({ actual: 4, status: 'not_achieved' });
    expect(p.people!.years.map((y) => y.actual)).toEqual([3, 2, 0]);
    expect(p.title_training_share).toMatchObject({ actual: 33.3, numerator: 1, denominator: 3, isShare: true });
    expect(p.title_training_share!.years.map((y) => y.actual)).toEqual([50, 33.3, 33.3]);
    expect(p.studies_started).toMatchObject({ actual: 1, target: 1, status: 'achieved' });
    expect(p.studies_graduated).toMatchObject({ actual: 2 });
    expect(p.visit_days).toMatchObject({ actual: 20, displayLabel: 'Ngày đi cơ sở của cán bộ' });
    expect(p.visit_days!.years.map((y) => y.actual)).toEqual([4, 14, 2]);
  });

  it("shows a district's readers the province's scheme with their subtree's figures only", async () => {
    const p = byMetric(await progressOf(viewerA));
    expect([
      p.classes!.actual,
      p.participations!.actual,
      p.people!.actual,
      p.title_training_share!.actual,
      p.studies_started!.actual,
      p.studies_graduated!.actual,
      p.visit_days!.actual,
    ]).toEqual([1, 4, 3, 100, 1, 2, 10]);
    expect(p.participations!.units.map((u) => u.actual)).toEqual([4, 0]);
    const scheme = (await as(t.app, viewerA).get(`${API}/${schemeId}`)).json();
    expect(scheme.canEdit).toBe(false);
  });

  it('drills down from every figure to rows that add up to it, and exports them', async () => {
    const p = byMetric(await progressOf(admin));
    for (const target of targets) {
      const res = await as(t.app, admin).get(`${API}/${schemeId}/targets/${target.id}/rows?pageSize=200`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.figure).toBe(p[target.metric]!.actual);
      if (target.metric === 'people') expect(page.total).toBe(page.figure);
      else if (target.metric === 'title_training_share') {
        expect(page.items.filter((r: { counted: boolean }) => r.counted)).toHaveLength(1);
        expect(page.total).toBe(3);
      } else expect(page.items.reduce((s: number, r: { value: number }) => s + r.value, 0)).toBe(page.figure);
    }
    const days = targets.find((x) => x.metric === 'visit_days')!;
    const year = (await as(t.app, admin).get(`${API}/${schemeId}/targets/${days.id}/rows?year=2022`)).json();
    expect([year.figure, year.total]).toEqual([14, 2]);
    const parts = targets.find((x) => x.metric === 'participations')!;
    const unit = (
      await as(t.app, admin).get(`${API}/${schemeId}/targets/${parts.id}/rows?unitId=${data.dakMil}`)
    ).json();
    expect(unit.figure).toBe(41);
    const xlsx = await as(t.app, admin).get(`${API}/${schemeId}/targets/${parts.id}/rows.xlsx?year=2022`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await xlsxRows(xlsx.rawPayload))['Số liệu chi tiết']!;
    expect(sheet[0]).toEqual(['STT', 'Loại', 'Tên', 'Chi tiết', 'Đơn vị', 'Ngày', 'Năm', 'Giá trị', 'Được tính']);
    expect(sheet).toHaveLength(1 + 3);
    expect((await as(t.app, admin).get(`${API}/${schemeId}/targets/${parts.id}/rows?year=2020`)).statusCode).toBe(400);
    expect((await as(t.app, admin).get(`${API}/${schemeId}/targets/999999/rows`)).statusCode).toBe(404);
  });

  it('judges status against the elapsed share of the period, in Vietnam time', async () => {
    expect(elapsedShare(2021, 2023, '2020-12-31')).toBe(0);
    expect(elapsedShare(2021, 2023, '2024-01-01')).toBe(1);
    expect(elapsedShare(2021, 2021, '2021-07-02')).toBeCloseTo(183 / 365, 6);
    expect(statusOf(3, 6, 0.5, false)).toBe('on_track');
    expect(statusOf(2, 6, 0.5, false)).toBe('behind');
    expect(statusOf(6, 6, 0.2, false)).toBe('achieved');
    expect(statusOf(5, 6, 1, false)).toBe('not_achieved');
    expect(statusOf(0, 6, 0, false)).toBe('not_started');
    expect(statusOf(4, null, 0.5, false)).toBeNull();
    expect(statusOf(0, null, 0, false)).toBeNull();
    // A share is compared with its target as is, never pro-rated.
    expect(statusOf(50, 90, 0.5, true)).toBe('behind');
    expect(statusOf(90, 90, 0.5, true)).toBe('achieved');
    expect(statusOf(89.9, 90, 1, true)).toBe('not_achieved');
    expect(statusOf(0, 90, 0, true)).toBe('not_started');
    const user = await makeUser(t.ctx, { superadmin: true });
    const actor = await actorOfUser(t.ctx, user.id);
    const mid = await schemeProgress(t.ctx, actor, { id: schemeId }, '2022-07-01');
    const classes = mid.targets.find((x) => x.metric === 'classes')!;
    // 547 of 1,095 days: 3 of 6 classes is on track; 2023 has not begun.
    expect(mid.elapsedPercent).toBe(50);
    expect(classes.status).toBe('on_track');
    // 2021 has fully elapsed: its shortfall is final.
    expect(classes.years.map((y) => y.status)).toEqual(['not_achieved', 'achieved', 'not_started']);
    const people = mid.targets.find((x) => x.metric === 'people')!;
    expect(people.status).toBe('behind');
    const before = await schemeProgress(t.ctx, actor, { id: schemeId }, '2020-06-01');
    expect(before.targets.every((x) => x.status === 'not_started' || x.status === 'achieved')).toBe(true);
  });

  it('updates with the version (409 when stale), keeps targets by id, audits the change', async () => {
    const s = (await as(t.app, admin).get(`${API}/${schemeId}`)).json();
    const kept = s.targets.slice(0, 2).map((x: Record<string, unknown>) => ({
      id: x.id,
      metric: x.metric,
      total: x.total,
      years: x.years,
      units: (x.units as { unitId: number; value: number }[]).map((u) => ({ unitId: u.unitId, value: u.value })),
    }));
    kept[0].total = 5;
    const res = await as(t.app, admin).patch(`${API}/${schemeId}`, {
      version: s.version,
      name: 'Kế hoạch bồi dưỡng (sửa đổi)',
      targets: [...kept, { metric: 'visit_days', total: 25 }],
    });
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.version).toBe(s.version + 1);
    expect(after.targets.map((x: { id: number }) => x.id).slice(0, 2)).toEqual([s.targets[0].id, s.targets[1].id]);
    expect(after.targets).toHaveLength(3);
    expect(after.targets[0].total).toBe(5);
    const stale = await as(t.app, admin).patch(`${API}/${schemeId}`, { version: s.version, name: 'Cũ' });
    expect(stale.statusCode).toBe(409);
    const same = await as(t.app, admin).patch(`${API}/${schemeId}`, { version: after.version, name: after.name });
    expect(same.json().version).toBe(after.version);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'scheme')
      .where('entity_id', '=', schemeId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    // Only the targets changed: the version still moves.
    const again = await as(t.app, admin).patch(`${API}/${schemeId}`, {
      version: after.version,
      targets: after.targets.map((x: Record<string, unknown>) => ({ id: x.id, metric: x.metric, total: 7 })),
    });
    expect(again.json().version).toBe(after.version + 1);
  });

  it('lists, searches without diacritics, filters, sorts and exports', async () => {
    await as(t.app, editorA).post(API, {
      ...everyMetric('ĐA-CJ'),
      name: 'Đề án nâng cao năng lực số Cư Jút',
      issuingUnitId: data.cuJut,
      targets: [],
    });
    const list = (await as(t.app, admin).get(`${API}?q=nang luc so&pageSize=10`)).json();
    expect(list.items.map((s: { code: string }) => s.code)).toEqual(['ĐA-CJ']);
    const byUnit = (await as(t.app, admin).get(`${API}?unitId=${data.cuJut}`)).json();
    expect(byUnit.total).toBe(1);
    const byYear = (await as(t.app, admin).get(`${API}?year=2024`)).json();
    expect(byYear.total).toBe(0);
    const sorted = (await as(t.app, admin).get(`${API}?sort=updatedAt&order=asc`)).json();
    expect(sorted.items.map((s: { code: string }) => s.code)).toEqual(['KH-2021', 'ĐA-CJ']);
    const byName = (await as(t.app, admin).get(`${API}?sort=name&order=asc`)).json();
    expect(byName.items.map((s: { code: string }) => s.code)).toEqual(['ĐA-CJ', 'KH-2021']);
    // Đắk Mil sees the province's scheme, not Cư Jút's.
    const b = (await as(t.app, editorB).get(API)).json();
    expect(b.items.map((s: { code: string }) => s.code)).toEqual(['KH-2021']);
    const cj = byUnit.items[0].id;
    expect((await as(t.app, editorB).get(`${API}/${cj}`)).statusCode).toBe(404);
    expect((await as(t.app, editorB).get(`${API}/${cj}/progress`)).statusCode).toBe(404);
    const p = (await as(t.app, editorB).get(`${API}/${schemeId}`)).json();
    expect((await as(t.app, editorB).patch(`${API}/${schemeId}`, { version: p.version, name: 'X' })).statusCode).toBe(
      403,
    );
    const xlsx = await as(t.app, admin).get(`${API}.xlsx?sort=updatedAt&order=asc`);
    expect(xlsx.statusCode).toBe(200);
    const rows = (await xlsxRows(xlsx.rawPayload))['Đề án, kế hoạch']!;
    expect(rows.map((r) => r[1])).toEqual(['Mã', 'KH-2021', 'ĐA-CJ']);
  });

  describe('bad input: a Vietnamese message naming the field, nothing stored', () => {
    const refused = async (body: unknown, field: string, words: string) => {
      const before = [await rowCount(t, 'schemes'), await rowCount(t, 'scheme_targets')];
      const res = await as(t.app, admin).post(API, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain(words);
      expect(res.json().details.field).toBe(field);
      expect([await rowCount(t, 'schemes'), await rowCount(t, 'scheme_targets')]).toEqual(before);
    };

    it('refuses an unknown metric', async () => {
      const body = everyMetric('X1');
      await refused({ ...body, targets: [{ metric: 'medals', total: 3 }] }, 'targets.0.metric', 'Loại chỉ tiêu');
    });
    it('refuses an end year before the start year', async () => {
      await refused({ ...everyMetric('X2'), startYear: 2023, endYear: 2021, targets: [] }, 'endYear', 'Năm kết thúc');
    });
    it('refuses a per-year target outside the period', async () => {
      const body = everyMetric('X3');
      await refused(
        { ...body, targets: [{ metric: 'classes', total: 3, years: [{ year: 2024, value: 1 }] }] },
        'targets.0.years.0.year',
        'Năm của chỉ tiêu: phải trong giai đoạn 2021–2023',
      );
    });
    it('refuses a title training share without its months', async () => {
      const body = everyMetric('X4');
      await refused(
        { ...body, targets: [{ metric: 'title_training_share', title: 'secretary', total: 80 }] },
        'targets.0.withinMonths',
        'Số tháng kể từ khi bổ nhiệm',
      );
    });
    it('refuses a code already used', async () => {
      await refused({ ...everyMetric('KH-2021'), targets: [] }, 'code', 'Mã đề án');
    });
    it('refuses issuing for a unit the editor does not manage', async () => {
      const res = await as(t.app, editorA).post(API, { ...everyMetric('X5'), targets: [] });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('links of classes and studies', () => {
    it('links a class to schemes as a set, audited, and a linked-only target counts it', async () => {
      const url = `/api/v1/training/classes/${data.classes.c2}/schemes`;
      const res = await as(t.app, editorA).put(url, { schemeIds: [schemeId] });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((s: { code: string }) => s.code)).toEqual(['KH-2021']);
      expect((await as(t.app, viewerA).get(url)).json().items).toHaveLength(1);
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .select('after')
        .where('entity', '=', 'training_class')
        .where('entity_id', '=', data.classes.c2)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.after!)).toMatchObject({ schemes: ['KH-2021'] });
      const s = (await as(t.app, admin).get(`${API}/${schemeId}`)).json();
      const patched = await as(t.app, admin).patch(`${API}/${schemeId}`, {
        version: s.version,
        targets: [{ metric: 'participations', linkedOnly: true, total: 2 }],
      });
      expect(patched.statusCode).toBe(200);
      const p = await progressOf(admin);
      expect(p.targets[0]).toMatchObject({ actual: 2, status: 'achieved' });
      expect(patched.json().linkedClasses).toBe(1);
      const cleared = await as(t.app, editorA).put(url, { schemeIds: [] });
      expect(cleared.json().items).toEqual([]);
      expect((await progressOf(admin)).targets[0]!.actual).toBe(0);
    });

    it('refuses a class outside the scheme’s subtree or period, storing nothing', async () => {
      const cj = (await as(t.app, admin).get(`${API}?unitId=${data.cuJut}`)).json().items[0].id;
      const before = await rowCount(t, 'scheme_classes');
      const res = await as(t.app, admin).put(`/api/v1/training/classes/${data.classes.c3}/schemes`, {
        schemeIds: [schemeId, cj],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('không thuộc phạm vi của đề án "ĐA-CJ"');
      const late = await makeClass(t.ctx, {
        organiserUnitId: data.province,
        status: 'completed',
        startDate: '2025-01-05',
      });
      const out = await as(t.app, admin).put(`/api/v1/training/classes/${late}/schemes`, { schemeIds: [schemeId] });
      expect(out.statusCode).toBe(400);
      expect(await rowCount(t, 'scheme_classes')).toBe(before);
      // Another district's class: not even seen.
      const other = await as(t.app, editorB).put(`/api/v1/training/classes/${data.classes.c2}/schemes`, {
        schemeIds: [],
      });
      expect(other.statusCode).toBe(404);
    });

    it('links a study, and refuses one the editor may only read', async () => {
      const url = `/api/v1/studies/${data.studies.sA1}/schemes`;
      const res = await as(t.app, editorA).put(url, { schemeIds: [schemeId] });
      expect(res.statusCode).toBe(200);
      expect((await as(t.app, admin).get(url)).json().items.map((s: { id: number }) => s.id)).toEqual([schemeId]);
      expect((await as(t.app, viewerA).put(url, { schemeIds: [] })).statusCode).toBe(403);
      expect((await as(t.app, editorB).get(url)).statusCode).toBe(404);
    });
  });
});

// Its own database, so the scheme it adds stays out of the lists the tests above count.
describe('scheme status of a share', () => {
  let t: TestApp;
  let data: Awaited<ReturnType<typeof figuresData>>;
  beforeAll(async () => {
    t = await testApp();
    data = await figuresData(t);
  });
  afterAll(() => t.close());

  it('judges a share against its target as is, not against the elapsed share of the period', async () => {
    const share = (total: number): SchemeTargetInput => ({
      metric: 'title_training_share',
      title: 'secretary',
      withinMonths: 12,
      total,
      years: [{ year: 2021, value: total }],
    });
    const res = await as(t.app, data.admin).post(API, {
      name: 'Kế hoạch nâng tỷ lệ bí thư được bồi dưỡng',
      code: 'KH-TYLE',
      issuingUnitId: data.province,
      startYear: 2021,
      endYear: 2023,
      targets: [share(60), share(30)],
    });
    expect(res.statusCode).toBe(201);
    const user = await makeUser(t.ctx, { superadmin: true });
    const actor = await actorOfUser(t.ctx, user.id);
    const mid = await schemeProgress(t.ctx, actor, { id: res.json().id }, '2022-07-01');
    const [high, low] = mid.targets;
    // Half the period gone and 33.3% trained: pro-rated, 60% would read "on track"; it is behind.
    expect([high!.actual, high!.status, low!.status]).toEqual([33.3, 'behind', 'achieved']);
    // 2021 is over: 50% against 60% is final; against 30% it is reached.
    expect(high!.years.map((y) => [y.year, y.actual, y.status])).toEqual([
      [2021, 50, 'not_achieved'],
      [2022, 33.3, null],
      [2023, 0, null],
    ]);
    expect(low!.years[0]!.status).toBe('achieved');
    const after = await schemeProgress(t.ctx, actor, { id: res.json().id }, '2024-01-01');
    expect(after.targets.map((x) => x.status)).toEqual(['not_achieved', 'achieved']);
  });
});
