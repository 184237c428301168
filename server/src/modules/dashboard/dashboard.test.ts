import type { Dashboard, DashboardFigure, ReportResult, ReportRowPage } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makeClass } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/fixtures.ts';
import { as, type Session } from '../../../test/http.ts';
import { figuresData } from '../figures/figures.fixtures.ts';

const API = '/api/v1/dashboard';
const PERIOD = 'from=2021-01-01&to=2023-12-31';

const values = (t: Dashboard['training']) => [t.classes.value, t.participations.value, t.people.value];

describe('dashboard: a unit subtree over a period', () => {
  let t: TestApp;
  let data: Awaited<ReturnType<typeof figuresData>>;
  let admin: Session;
  let editorA: Session;

  const get = async (s: Session, query: string) => {
    const res = await as(t.app, s).get(`${API}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Dashboard>();
  };

  beforeAll(async () => {
    t = await testApp();
    data = await figuresData(t);
    ({ admin, editorA } = data);
    // Classes to come: one per unit, and two that are not (a draft, a cancelled class).
    const future = (organiserUnitId: number, name: string, status: 'planned' | 'open' | 'draft' | 'cancelled') =>
      makeClass(t.ctx, { organiserUnitId, name, status, startDate: '2099-03-02', endDate: '2099-03-04' });
    await future(data.province, 'Bồi dưỡng Bí thư Đoàn cơ sở 2099', 'planned');
    await future(data.cuJut, 'Nghiệp vụ công tác Đội Cư Jút 2099', 'open');
    await future(data.dakMil, 'Kỹ năng Đắk Mil 2099', 'open');
    await future(data.cuJut, 'Bản nháp Cư Jút 2099', 'draft');
    await future(data.cuJut, 'Đã hủy Cư Jút 2099', 'cancelled');
    // A scheme of each district over the period.
    const scheme = async (issuingUnitId: number, code: string, classes: number) => {
      const res = await as(t.app, admin).post('/api/v1/schemes', {
        name: `Kế hoạch bồi dưỡng cán bộ ${code}`,
        code,
        issuingUnitId,
        startYear: 2021,
        endYear: 2023,
        targets: [
          { metric: 'classes', total: classes },
          { metric: 'participations', total: 10 },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await scheme(data.cuJut, 'KH-CJ', 1);
    await scheme(data.dakMil, 'KH-DM', 5);
  });
  afterAll(() => t.close());

  it('counts the period’s training, studies started and "1+2" days as the reports they link to', async () => {
    const d = await get(admin, `unitId=${data.province}&${PERIOD}`);
    expect(d).toMatchObject({ unitName: 'Tỉnh đoàn Đắk Nông', from: '2021-01-01', to: '2023-12-31' });
    // 3 classes held; 3 + 2 trainees and a headcount class of 40; 4 people (see figures.fixtures.ts).
    expect(values(d.training)).toEqual([3, 45, 4]);
    expect(d.training.participations.link).toEqual({
      report: 'tong-hop-dao-tao',
      from: '2021-01-01',
      to: '2023-12-31',
      cell: 'total:participations',
    });
    expect(d.studiesStarted.value).toBe(2);
    expect(d.visitDays.value).toBe(20);
    // Each of those numbers is its report's: the same rows behind the same cell.
    const rows = async (f: DashboardFigure) => {
      const l = f.link!;
      const res = await as(t.app, admin).get(
        `/api/v1/reports/${l.report}/rows?unitId=${data.province}&from=${l.from}&to=${l.to}&cell=${l.cell}&pageSize=200`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ReportRowPage>();
    };
    expect((await rows(d.studiesStarted)).total).toBe(2);
    const trips = await rows(d.visitDays);
    expect(trips.items.reduce((sum, i) => sum + Number(i.values.at(-1)), 0)).toBe(20);
  });

  it('breaks the training down by the organiser’s level and the kind, and draws ten years of trend', async () => {
    const d = await get(admin, `unitId=${data.province}&${PERIOD}`);
    expect(d.byLevel.map((l) => [l.level, ...values(l)])).toEqual([
      ['province', 1, 3, 3],
      ['district', 2, 42, 2],
    ]);
    expect(d.byLevel[1]!.participations.link!.cell).toBe('level-district:participations');
    expect(Object.fromEntries(d.byKind.map((k) => [k.code, values(k)]))).toEqual({
      title: [1, 3, 3],
      union_work: [1, 2, 2],
      skills: [1, 40, 0],
    });
    expect(d.byKind.find((k) => k.code === 'skills')!.people.link).toBeNull();
    expect(d.trend).toMatchObject({ from: '2014-01-01', to: '2023-12-31' });
    expect(d.trend.years.map((y) => [y.year, y.classes.value, y.participations.value])).toEqual([
      [2014, 0, 0],
      [2015, 0, 0],
      [2016, 0, 0],
      [2017, 0, 0],
      [2018, 0, 0],
      [2019, 0, 0],
      [2020, 1, 1],
      [2021, 1, 3],
      [2022, 2, 42],
      [2023, 0, 0],
    ]);
    expect(d.trend.years[8]!.participations.link).toEqual({
      report: 'tong-hop-dao-tao',
      from: '2014-01-01',
      to: '2023-12-31',
      cell: 'year-2022:participations',
    });
    // One year: its own figures; the trend still shows the ten years up to it.
    const y2022 = await get(admin, `unitId=${data.province}&from=2022-01-01&to=2022-12-31`);
    expect(values(y2022.training)).toEqual([2, 42, 2]);
    expect(y2022.trend.years.map((y) => y.year)).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
  });

  it('every training figure is the training summary’s number in the cell it links to', async () => {
    const d = await get(admin, `unitId=${data.province}&${PERIOD}`);
    const figures = [
      ...Object.values(d.training),
      ...d.byLevel.flatMap((l) => [l.classes, l.participations, l.people]),
      ...d.byKind.flatMap((k) => [k.classes, k.participations, k.people]),
      ...d.trend.years.flatMap((y) => [y.classes, y.participations]),
    ].filter((f) => f.link);
    expect(figures.length).toBeGreaterThan(20);
    const reports = new Map<string, Map<string, number>>();
    for (const f of figures) {
      const { report, from, to, cell } = f.link!;
      const key = `${report}?unitId=${data.province}&from=${from}&to=${to}`;
      if (!reports.has(key)) {
        const res = await as(t.app, admin).get(`/api/v1/reports/${key}`);
        expect(res.statusCode, res.body).toBe(200);
        const values = res.json<ReportResult>().tables.flatMap((tb) => tb.rows.flatMap((r) => r.values));
        reports.set(key, new Map(values.filter((v) => v.cell).map((v) => [v.cell!, v.value ?? 0])));
      }
      expect(reports.get(key)!.get(cell), `${key} ${cell}`).toBe(f.value);
    }
  });

  it('lists the classes to come, the overdue visit reports and the schemes of the period', async () => {
    const d = await get(admin, `unitId=${data.province}&${PERIOD}`);
    expect(d.upcoming.total).toBe(3);
    expect(d.upcoming.items.map((c) => c.name).sort()).toEqual([
      'Bồi dưỡng Bí thư Đoàn cơ sở 2099',
      'Kỹ năng Đắk Mil 2099',
      'Nghiệp vụ công tác Đội Cư Jút 2099',
    ]);
    // Every trip's report was due on its last day and none was filed: the oldest first.
    expect(d.overdue.total).toBe(3);
    expect(d.overdue.items.map((o) => [o.personName, o.reportDueDate])).toEqual([
      ['Nguyễn An', '2022-01-04'],
      ['Nguyễn Dũng', '2022-03-10'],
      ['Nguyễn Bình', '2024-01-02'],
    ]);
    expect(d.schemes.total).toBe(2);
    const cj = d.schemes.items.find((s) => s.code === 'KH-CJ')!;
    // Cư Jút organised its one class; 4 participations of 10: the period is over.
    expect(cj).toMatchObject({ issuingUnitName: 'Huyện đoàn Cư Jút', elapsedPercent: 100, targets: 2 });
    expect(cj.statuses).toMatchObject({ achieved: 1, not_achieved: 1, behind: 0, on_track: 0 });
    // Another period: no scheme runs in 2030.
    expect((await get(admin, `unitId=${data.province}&from=2030-01-01&to=2030-12-31`)).schemes.total).toBe(0);
  });

  it('a district user’s dashboard never includes another district: figures and lists', async () => {
    // Their district by default.
    const d = await get(editorA, PERIOD);
    expect(d).toMatchObject({ unitId: data.cuJut, unitName: 'Huyện đoàn Cư Jút' });
    expect(values(d.training)).toEqual([1, 4, 3]);
    expect(d.studiesStarted.value).toBe(1);
    expect(d.visitDays.value).toBe(10);
    expect(d.byLevel.map((l) => [l.level, ...values(l)])).toEqual([
      ['province', 0, 2, 2],
      ['district', 1, 2, 2],
    ]);
    expect(d.upcoming.items.map((c) => c.name)).toEqual(['Nghiệp vụ công tác Đội Cư Jút 2099']);
    expect(d.overdue.items.map((o) => o.personName)).toEqual(['Nguyễn An', 'Nguyễn Bình']);
    expect(d.schemes.items.map((s) => s.code)).toEqual(['KH-CJ']);
    expect(JSON.stringify(d)).not.toMatch(/Đắk Mil|Nguyễn Dũng|KH-DM/);
    // The province and the other district are not theirs to read.
    for (const unitId of [data.dakMil, data.province]) {
      expect((await as(t.app, editorA).get(`${API}?unitId=${unitId}&${PERIOD}`)).statusCode).toBe(404);
    }
  });

  it('refuses a period ending before it begins, naming the end date', async () => {
    const res = await as(t.app, admin).get(`${API}?unitId=${data.province}&from=2024-06-01&to=2024-01-01`);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('to');
  });
});
