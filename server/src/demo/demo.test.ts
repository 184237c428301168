import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fullName,
  type Allocation,
  type AttendanceGrid,
  type Certificate,
  type Enrolment,
  type Me,
  type NominationResult,
  type Person,
  type PublicCertificate,
  type ReportResult,
  type ReportRowPage,
  type SchemeListItem,
  type SchemeProgress,
  type Study,
  type TrainingClass,
  type TrainingRecordItem,
  type UnitTreeNode,
} from '@canbo/contract';
import { testApp } from '../../test/app.ts';
import { as, login, type Session } from '../../test/http.ts';
import type { App } from '../http.ts';
import { reader, type Ctx } from '../context.ts';
import { loadActor } from '../auth/session.ts';
import { countFiguresLive } from '../modules/figures/figures.repository.ts';
import { fastFigures } from '../modules/figures/tallies.read.ts';
import { userByLogin } from './demo.repository.ts';
import { generateCadres } from './cadres.ts';
import { DEMO_LOGINS, demoLoginsPresent, loadDemo } from './demo.ts';
import { flatten, HISTORY } from './organisation.ts';
import { CLASS_2023, planClass2023 } from './training.class2023.ts';
import { CLASS_2025 } from './training.class2025.ts';
import { ARTICLE_TRAINING } from './training.past.ts';
import { UPCOMING_NOMINATING, UPCOMING_SEATS } from './training.upcoming.ts';
import { DEMO_STUDIES_2018_2022 } from './studies.ts';
import { DEMO_SCHEME_2018, DEMO_SCHEME_2023, DEMO_SCHEME_DIGITAL } from './schemes.ts';
import { VISITS_2023 } from './visits.ts';

const DISTRICTS = [
  'Thành đoàn Gia Nghĩa',
  'Huyện đoàn Cư Jút',
  'Huyện đoàn Đắk Glong',
  'Huyện đoàn Đắk Mil',
  "Huyện đoàn Đắk R'lấp",
  'Huyện đoàn Đắk Song',
  'Huyện đoàn Krông Nô',
  'Huyện đoàn Tuy Đức',
];

let app: App;
let ctx: Ctx;
let close: () => Promise<void>;
let loaded: boolean;
let admin: Session;

interface TreePage {
  items: UnitTreeNode[];
  total: number;
}

async function getJson<T>(session: Session, url: string): Promise<T> {
  const res = await as(app, session).get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<T>();
}

async function classesWith(session: Session, query: string): Promise<TrainingClass[]> {
  return (await getJson<{ items: TrainingClass[] }>(session, `/api/v1/training/classes?pageSize=50${query}`)).items;
}

async function tree(session: Session, query: string): Promise<TreePage> {
  const res = await as(app, session).get(`/api/v1/units/tree?pageSize=500${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<TreePage>();
}

beforeAll(async () => {
  ({ app, ctx, close } = await testApp());
  loaded = await loadDemo(ctx);
  admin = await login(app, 'admin', 'canbo-demo-2024');
}, 300_000);

afterAll(async () => {
  await close();
});

describe('the demo organisation', () => {
  it('loads into an empty database', () => {
    expect(loaded).toBe(true);
  });

  it('is Đắk Nông with its eight district unions as of 23 January 2024', async () => {
    const roots = await tree(admin, '&asOf=2024-01-23');
    const dakNong = roots.items.find((u) => u.name === 'Tỉnh đoàn Đắk Nông');
    expect(dakNong?.status).toBe('active');
    const children = await tree(admin, `&asOf=2024-01-23&parentId=${dakNong!.id}`);
    const districts = children.items
      .filter((u) => u.kind === 'district' && u.organisation === 'doan')
      .map((u) => u.name);
    expect(districts.sort()).toEqual([...DISTRICTS].sort());
    // The 2005 split and the 2020 rename are history: the article's tree has neither the old name nor the old district.
    expect(children.items.map((u) => u.name)).not.toContain('Huyện đoàn Đắk Nông');
    // Before the 2020 rename the same unit had its town name.
    const before = await tree(admin, `&asOf=2019-06-01&parentId=${dakNong!.id}`);
    const giaNghia = children.items.find((u) => u.name === 'Thành đoàn Gia Nghĩa')!;
    expect(before.items.find((u) => u.id === giaNghia.id)?.name).toBe('Thị đoàn Gia Nghĩa');
    expect(before.items.map((u) => u.name)).not.toContain('Thành đoàn Gia Nghĩa');
  });

  it('is Lâm Đồng today, with Đắk Nông merged into it and commune unions reporting to the province', async () => {
    const roots = await tree(admin, '');
    const names = roots.items.map((u) => u.name);
    expect(names).toContain('Tỉnh đoàn Lâm Đồng');
    expect(names).not.toContain('Tỉnh đoàn Đắk Nông');
    expect(names).not.toContain('Tỉnh đoàn Bình Thuận');
    const lamDong = roots.items.find((u) => u.name === 'Tỉnh đoàn Lâm Đồng')!;
    const children = await tree(admin, `&parentId=${lamDong.id}`);
    const childNames = children.items.map((u) => u.name);
    expect(childNames).toEqual(
      expect.arrayContaining(['Đoàn xã Cư Jút', 'Đoàn phường Bắc Gia Nghĩa', 'Đoàn xã Nam Dong']),
    );
    expect(children.items.some((u) => u.kind === 'district' && u.organisation === 'doan')).toBe(false);
    // One commune union has not held its first congress yet.
    expect(children.items.find((u) => u.name === 'Đoàn xã Quảng Tân')?.status).toBe('interim');
    // With ended units shown, the old province is there, dissolved into Lâm Đồng.
    const all = await tree(admin, '&includeEnded=true');
    const lamDongChildren = await tree(admin, `&includeEnded=true&parentId=${lamDong.id}`);
    const ended = [...all.items, ...lamDongChildren.items].find((u) => u.name === 'Tỉnh đoàn Đắk Nông');
    expect(ended?.status).toBe('dissolved');
  });

  it('has a few hundred cadres, Kinh and minority, holding dated positions with one secretary at a time', async () => {
    const people = await as(app, admin).get('/api/v1/people?pageSize=1');
    expect(people.json<{ total: number }>().total).toBeGreaterThan(250);
    const ethnicities = await ctx.db.kysely.selectFrom('people').select('ethnicity_code').distinct().execute();
    expect(ethnicities.map((e) => e.ethnicity_code)).toEqual(expect.arrayContaining(['01', '20', '12', '02', '07']));
    const secretaries = await ctx.db.kysely
      .selectFrom('positions')
      .select(['unit_id', 'start_date', 'end_date'])
      .where('title', '=', 'secretary')
      .orderBy('unit_id')
      .orderBy('start_date')
      .execute();
    expect(secretaries.length).toBeGreaterThan(100);
    for (let i = 1; i < secretaries.length; i++) {
      const [a, b] = [secretaries[i - 1]!, secretaries[i]!];
      if (a.unit_id === b.unit_id) expect(a.end_date !== null && a.end_date < b.start_date).toBe(true);
    }
  });

  it('finds a cadre by a name typed without diacritics', async () => {
    const res = await as(app, admin).get('/api/v1/people?q=nguyen&pageSize=5');
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: Person[]; total: number }>();
    expect(page.total).toBeGreaterThan(10);
    expect(page.items[0]?.familyName).toBe('Nguyễn');
  });

  it('gives every demo login a working account scoped as described', async () => {
    expect(await demoLoginsPresent(ctx)).toBe(true);
    for (const d of DEMO_LOGINS) await login(app, d.login, d.password);
    // The Lâm Đồng organisation board sees the cadres of former Đắk Nông.
    const board = await login(app, 'bantochuc', 'canbo-demo-2024');
    const boardPeople = await as(app, board).get('/api/v1/people?pageSize=1');
    const all = await as(app, admin).get('/api/v1/people?pageSize=1');
    expect(boardPeople.json<{ total: number }>().total).toBeGreaterThan(0.8 * all.json<{ total: number }>().total);
    // A cadre's own account sees one record: their own.
    const cadre = await login(app, 'canbo', 'canbo-demo-2024');
    const own = await as(app, cadre).get('/api/v1/people?pageSize=5');
    expect(own.json<{ total: number }>().total).toBe(1);
  });

  it('has the 2023 title class held with its timetable, earlier classes by headcount and one open for nomination', async () => {
    // From 2023 on: 2009–2023 has hundreds of classes recorded by headcount.
    const classes = await classesWith(admin, '&sort=startDate&order=asc&from=2023-01-01');
    const title2023 = classes.find((c) => c.startDate === CLASS_2023.start && c.kindCode === 'title');
    expect(title2023).toMatchObject({
      organiserUnitName: 'Tỉnh đoàn Đắk Nông',
      level: 'province',
      status: 'completed',
      targetTitles: ['secretary', 'deputy_secretary'],
      headcount: null,
    });
    expect(title2023!.sessionCount).toBeGreaterThan(0);
    const historical = classes.filter((c) => c.headcount !== null);
    expect(historical.length).toBeGreaterThanOrEqual(3);
    // Recorded from the year-end reports up to 2023, before Canbo.
    expect(historical.every((c) => c.status === 'completed' && c.endDate < '2024-01-01')).toBe(true);
    const open = classes.filter((c) => c.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ organiserUnitName: 'Tỉnh đoàn Lâm Đồng', level: 'province' });
    expect(open[0]!.startDate > new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('does not load twice', async () => {
    expect(await loadDemo(ctx)).toBe(false);
  });
});

describe('the demo training history', () => {
  let class2023: TrainingClass;
  let trainees2023: Enrolment[];

  beforeAll(async () => {
    const held = await classesWith(admin, `&from=${CLASS_2023.start}&to=${CLASS_2023.start}&kindCode=title`);
    expect(held).toHaveLength(1);
    class2023 = held[0]!;
    trainees2023 = (
      await getJson<{ items: Enrolment[] }>(admin, `/api/v1/training/classes/${class2023!.id}/enrolments?pageSize=200`)
    ).items;
  });

  it('seated every grassroots secretary and deputy of Đắk Nông in 2023, nominated on their district unions’ seats', async () => {
    const cadres = generateCadres();
    // Unit names as they stood in 2023: Gia Nghĩa had become a city union in 2020.
    const units = new Map(flatten().map((x) => [x.unit.code, x.unit.name]));
    units.set(HISTORY.rename.code, HISTORY.rename.name);
    const people = new Map(cadres.people.map((p) => [p.ref, p]));
    const plan = planClass2023(cadres);
    const expected = [...plan.trainees.values()].flat().map((seat) => {
      const n = people.get(seat.person)!.name;
      return `${fullName(n.familyName, n.middleName, n.givenName)} | ${units.get(seat.unit)} | ${seat.title}`;
    });
    // The figure the comment in training.class2023.ts gives for the article's 243.
    expect(expected).toHaveLength(93);
    expect(trainees2023.map((e) => `${e.personName} | ${e.unitName} | ${e.title}`).sort()).toEqual(expected.sort());
    expect(trainees2023.every((e) => e.status === 'confirmed')).toBe(true);

    // The seats went to the district-level unions of the time, two for each of their grassroots unions.
    const allocations = (
      await getJson<{ items: Allocation[] }>(admin, `/api/v1/training/classes/${class2023.id}/allocations?pageSize=50`)
    ).items;
    expect(allocations.map((a) => a.unitName).sort()).toEqual(
      [...plan.trainees.keys()].map((c) => units.get(c)).sort(),
    );
    expect(allocations.map((a) => a.unitName)).toEqual(
      expect.arrayContaining(['Huyện đoàn Cư Jút', 'Huyện đoàn Tuy Đức', 'Thành đoàn Gia Nghĩa']),
    );
    for (const a of allocations) {
      const code = [...plan.unions.keys()].find((c) => units.get(c) === a.unitName)!;
      expect(a.seats).toBe(2 * plan.unions.get(code)!);
      expect(a.used).toBe(plan.trainees.get(code)!.length);
    }
    expect(trainees2023.every((e) => allocations.some((a) => a.id === e.allocationId))).toBe(true);
  });

  it('took attendance in every session of the 2023 class: mostly present, a few late, excused or absent', async () => {
    const grid = await getJson<AttendanceGrid>(
      admin,
      `/api/v1/training/classes/${class2023.id}/attendance?pageSize=500`,
    );
    expect(grid.rows).toHaveLength(trainees2023.length);
    const marks = grid.rows.flatMap((r) => r.marks);
    expect(marks).toHaveLength(trainees2023.length * grid.sessions.length);
    expect(marks).not.toContain(null);
    expect(marks.filter((m) => m === 'present').length).toBeGreaterThan(0.85 * marks.length);
    for (const m of ['late', 'excused', 'absent'] as const) expect(marks).toContain(m);
  });

  it('certified those who completed the 2023 class with numbers 001… without a gap, one certificate revoked', async () => {
    const completed = trainees2023.filter((e) => e.outcome === 'completed');
    const short = trainees2023.filter((e) => e.outcome !== 'completed');
    // Graded from the scores, and the completion rule left a few without a certificate.
    expect(trainees2023.every((e) => e.score !== null && e.grade !== null)).toBe(true);
    expect(short.length).toBeGreaterThan(0);
    expect(short.length).toBeLessThan(0.1 * trainees2023.length);
    expect(short.every((e) => e.certificateId === null)).toBe(true);

    const certificates = (
      await getJson<{ items: Certificate[] }>(
        admin,
        `/api/v1/training/classes/${class2023.id}/certificates?pageSize=200&sort=number`,
      )
    ).items;
    expect(certificates.map((c) => c.number)).toEqual(
      completed.map((_, i) => `${String(i + 1).padStart(3, '0')}/GCN-2023`),
    );
    expect(certificates.map((c) => c.enrolmentId).sort()).toEqual(completed.map((e) => e.id).sort());
    expect(certificates.every((c) => c.issuingUnitName === 'Tỉnh đoàn Đắk Nông')).toBe(true);
    const revoked = certificates.filter((c) => c.status === 'revoked');
    expect(revoked).toHaveLength(1);
    expect(revoked[0]!.revokeReason).toMatch(/sao chép/);
    // Anyone with the paper sees it revoked.
    const check = await as(app, null).get(`/api/v1/public/certificates/${revoked[0]!.verifyCode}`);
    expect(check.statusCode).toBe(200);
    expect(check.json<PublicCertificate>()).toMatchObject({ number: revoked[0]!.number, status: 'revoked' });
  });

  it('keeps seats free for Đoàn xã Cư Jút in the upcoming class, where one commune has already nominated', async () => {
    const commune = await login(app, 'cujut', 'canbo-demo-2024');
    const [upcoming, ...more] = await classesWith(commune, '&status=open');
    expect(more).toHaveLength(0);
    expect(upcoming!.startDate > new Date().toISOString().slice(0, 10)).toBe(true);
    const all = (
      await getJson<{ items: Allocation[] }>(admin, `/api/v1/training/classes/${upcoming!.id}/allocations?pageSize=50`)
    ).items;
    expect(all).toHaveLength(Object.keys(UPCOMING_SEATS).length);
    const nominating = all.filter((a) => a.used > 0);
    expect(nominating).toHaveLength(1);
    expect(nominating[0]!.used).toBeGreaterThanOrEqual(2);
    expect(nominating[0]!.used).toBeLessThan(UPCOMING_SEATS[UPCOMING_NOMINATING]!);

    // Cư Jút's own view: its seats, none taken, and room for every secretary and deputy the bulk filter finds.
    const own = (
      await getJson<{ items: Allocation[] }>(
        commune,
        `/api/v1/training/classes/${upcoming!.id}/allocations?pageSize=50`,
      )
    ).items.find((a) => a.canNominate);
    expect(own).toMatchObject({ unitName: 'Đoàn xã Cư Jút', used: 0 });
    const me = await getJson<Me>(commune, '/api/v1/auth/me');
    const preview = await as(app, commune).post(`/api/v1/training/classes/${upcoming!.id}/enrolments/bulk`, {
      allocationId: own!.id,
      filter: {
        within: me.grants[0]!.unitId,
        titles: ['secretary', 'deputy_secretary'],
        unitKinds: ['commune', 'grassroots'],
      },
      dryRun: true,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const result = preview.json<NominationResult>();
    expect(result.candidates.length).toBeGreaterThanOrEqual(2);
    expect(result).toMatchObject({ added: result.candidates.length, skipped: 0, waitlisted: 0, applied: false });
    expect(result.remainingSeats).toBeGreaterThanOrEqual(0);
  });

  it("shows the `canbo` cadre's completed class and certificate on their own record", async () => {
    const cadre = await login(app, 'canbo', 'canbo-demo-2024');
    const me = await getJson<Me>(cadre, '/api/v1/auth/me');
    const record = (
      await getJson<{ items: TrainingRecordItem[] }>(cadre, `/api/v1/people/${me.personId}/training?pageSize=50`)
    ).items;
    const held = record.find((r) => r.className === CLASS_2025.name);
    expect(held).toMatchObject({
      classStatus: 'completed',
      outcome: 'completed',
      organiserUnitName: 'Tỉnh đoàn Lâm Đồng',
    });
    expect(held!.certificate).toMatchObject({ status: 'valid', number: expect.stringMatching(/^\d{3}\/GCN-2025$/) });
    const person = await getJson<Person>(cadre, `/api/v1/people/${me.personId}`);
    expect(person.currentTitles.some((t) => t.title === 'secretary' && t.unitName === 'Đoàn xã Cư Jút')).toBe(true);
  });

  it("gives the article's 2023 grassroots visits by level, in the tree as it was in 2023", async () => {
    // Tỉnh đoàn Đắk Nông ended in the 2025 merger; its records roll up into Lâm Đồng.
    const dakNong = await ctx.db.kysely
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'DNO')
      .executeTakeFirstOrThrow();
    const totals = await getJson<{ levels: { level: string; trips: number; days: number }[] }>(
      admin,
      `/api/v1/visits/totals?unitId=${dakNong.id}&year=2023`,
    );
    expect(totals.levels).toEqual([
      { level: 'province', ...VISITS_2023.province },
      { level: 'district', ...VISITS_2023.district },
    ]);
    const cadre = await login(app, 'canbo', 'canbo-demo-2024');
    const mine = await getJson<{ registration: unknown; canEdit: boolean }>(cadre, '/api/v1/visits/me');
    expect(mine.registration).not.toBeNull();
    expect(mine.canEdit).toBe(true);
  });

  it("gives the same 2023 visits in the report frame's grassroots visits report, as the province leadership reads it", async () => {
    const leader = await login(app, 'lanhdao', 'canbo-demo-2024');
    const r = await getJson<ReportResult>(leader, '/api/v1/reports/di-co-so?from=2023-01-01&to=2023-12-31');
    const { province, district } = VISITS_2023;
    expect(r.tables[0]!.rows.map((row) => [row.labels[1], ...row.values.map((v) => v.value)])).toEqual([
      ['Tổng số', province.trips + district.trips, province.days + district.days],
      ['Cấp tỉnh', province.trips, province.days],
      ['Cấp huyện', district.trips, district.days],
    ]);
    const trips = await getJson<ReportRowPage>(
      leader,
      '/api/v1/reports/di-co-so/rows?from=2023-01-01&to=2023-12-31&cell=province:days&pageSize=50',
    );
    expect(trips.total).toBe(province.trips);
    expect(trips.items.reduce((sum, i) => sum + Number(i.values.at(-1)), 0)).toBe(province.days);
  });
});

describe("the demo's fifteen years of classes", () => {
  const { fromYear, toYear } = ARTICLE_TRAINING;

  /** Classes held in the period by their first day, and their participations: headcount or seated roster. */
  async function heldIn(session: Session, query: string) {
    const classes: TrainingClass[] = [];
    for (let page = 1; ; page++) {
      const list = await getJson<{ items: TrainingClass[]; total: number }>(
        session,
        `/api/v1/training/classes?pageSize=200&page=${page}&from=${fromYear}-01-01&to=${toYear}-12-31${query}`,
      );
      classes.push(...list.items);
      if (page * 200 >= list.total) break;
    }
    const held = classes.filter(
      (c) => ['in_progress', 'completed', 'closed'].includes(c.status) && c.startDate >= `${fromYear}-01-01`,
    );
    return { classes: held.length, participations: held.reduce((s, c) => s + (c.headcount?.total ?? c.seated), 0) };
  }

  it("gives the article's 429 classes and 36,460 participations, 143 and 12,046 of them the province's, in the class list", async () => {
    // Lâm Đồng's leadership reads its whole scope: Đắk Nông merged into it in 2025 (its communes into
    // Lâm Đồng's new ones), and in the demo only Đắk Nông's units held classes in 2009–2023.
    const leader = await login(app, 'lanhdao', 'canbo-demo-2024');
    const all = await heldIn(leader, '');
    expect(all).toEqual({ classes: ARTICLE_TRAINING.classes, participations: ARTICLE_TRAINING.participations });
    // Tỉnh đoàn and the unions directly under it: the classes of province level.
    expect(await heldIn(leader, '&level=province')).toEqual(ARTICLE_TRAINING.province);
  });

  it('gives the same four figures from the counting engine, as the province leadership reads them', async () => {
    const user = (await userByLogin(reader(ctx), 'lanhdao'))!;
    const leader = await loadActor(reader(ctx), user);
    const count = async (metric: 'classes' | 'participations') => {
      const figures = await countFiguresLive(reader(ctx), leader, {
        metric,
        fromYear,
        toYear,
        by: 'organiserLevel',
        asOf: new Date().toISOString().slice(0, 10),
      });
      const province = figures.find((f) => f.key === 'province')?.value;
      return [figures.reduce((s, f) => s + f.value, 0), province];
    };
    expect(await count('classes')).toEqual([ARTICLE_TRAINING.classes, ARTICLE_TRAINING.province.classes]);
    expect(await count('participations')).toEqual([
      ARTICLE_TRAINING.participations,
      ARTICLE_TRAINING.province.participations,
    ]);
  });

  it("gives the article's figures in the training summary report as the province leadership runs it, and its sentence", async () => {
    const leader = await login(app, 'lanhdao', 'canbo-demo-2024');
    const url = `/api/v1/reports/tong-hop-dao-tao?from=${fromYear}-01-01&to=${toYear}-12-31`;
    const report = await getJson<ReportResult>(leader, url);
    const row = (label: string) =>
      report.tables[0]!.rows.find((r) => r.labels[1] === label)!
        .values.map((v) => v.value)
        .slice(0, 2);
    expect(row('Tổng số')).toEqual([ARTICLE_TRAINING.classes, ARTICLE_TRAINING.participations]);
    expect(row('Cấp tỉnh')).toEqual([ARTICLE_TRAINING.province.classes, ARTICLE_TRAINING.province.participations]);
    const years = report.tables[0]!.rows.filter((r) => /^Năm \d{4}$/.test(r.labels[1]!));
    expect(years).toHaveLength(toYear - fromYear + 1);
    expect(years.reduce((s, r) => s + (r.values[0]!.value ?? 0), 0)).toBe(ARTICLE_TRAINING.classes);
    const rounded = await getJson<ReportResult>(leader, `${url}&rounded=true`);
    expect(rounded.paragraphs![0]).toMatch(
      /^Trong 15 năm(?: qua)?.*, toàn tỉnh tổ chức 429 lớp tập huấn, bồi dưỡng cho hơn 36 ngàn lượt cán bộ đoàn, hội, đội\. Trong đó, cấp tỉnh tổ chức 143 lớp cho hơn 12 ngàn lượt cán bộ;/,
    );
    const exact = await getJson<ReportResult>(leader, url);
    expect(exact.paragraphs![0]).toContain('429 lớp tập huấn, bồi dưỡng cho 36.460 lượt');
  });

  it("gives Đắk Nông's own figures of its time, from the tallies and from the records alike, and Lâm Đồng's after the merger", async () => {
    // Đắk Nông's communes merged in 2025 left its subtree of today; its figures are its extent at the time.
    const user = (await userByLogin(reader(ctx), 'lanhdao'))!;
    const leader = await loadActor(reader(ctx), user);
    const unitNamed = async (name: string) =>
      (await ctx.db.kysely.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const dakNong = await unitNamed('Tỉnh đoàn Đắk Nông');
    const lamDong = await unitNamed('Tỉnh đoàn Lâm Đồng');
    const figures = async (
      metric: 'classes' | 'participations' | 'people',
      unitId: number,
      years: [number, number],
    ) => {
      const q = {
        metric,
        fromYear: years[0],
        toYear: years[1],
        filters: { unitId },
        by: 'organiserLevel' as const,
        asOf: new Date().toISOString().slice(0, 10),
      };
      const fast = await fastFigures(reader(ctx), leader, q);
      const live = await countFiguresLive(reader(ctx), leader, q);
      expect(fast, 'through the fast path').not.toBeNull();
      const sum = (f: { value: number }[]) => f.reduce((n, x) => n + x.value, 0);
      expect(sum(fast!)).toBe(sum(live));
      const province = (f: { key: unknown; value: number }[]) => f.find((x) => x.key === 'province')?.value;
      expect(province(fast!)).toBe(province(live));
      return [sum(live), province(live)];
    };
    const article: [number, number] = [fromYear, toYear];
    expect(await figures('classes', dakNong, article)).toEqual([
      ARTICLE_TRAINING.classes,
      ARTICLE_TRAINING.province.classes,
    ]);
    expect(await figures('participations', dakNong, article)).toEqual([
      ARTICLE_TRAINING.participations,
      ARTICLE_TRAINING.province.participations,
    ]);
    // Through 2025, the merger's year, the same 429 (the report that found 339 with today's tree);
    // Lâm Đồng's take Đắk Nông's in through the lineage, and its own.
    const [dakNong2025] = await figures('classes', dakNong, [fromYear, 2025]);
    const [lamDong2025] = await figures('classes', lamDong, [fromYear, 2025]);
    expect(dakNong2025).toBe(ARTICLE_TRAINING.classes);
    expect(lamDong2025).toBeGreaterThanOrEqual(dakNong2025!);
    await figures('people', lamDong, [2026, 2026]);
    await figures('participations', lamDong, [2026, 2026]);
  });

  it('spreads the classes over every year, the districts and grassroots unions, each organiser in being on its dates', async () => {
    const rows = await ctx.db.kysely
      .selectFrom('training_classes as c')
      .innerJoin('units as u', 'u.id', 'c.organiser_unit_id')
      .select(['c.start_date', 'c.end_date', 'c.level', 'u.valid_from', 'u.valid_to'])
      .where('c.headcount_total', 'is not', null)
      .execute();
    const text = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
    const years = new Set(rows.map((r) => text(r.start_date).slice(0, 4)));
    for (let y = fromYear; y <= toYear; y++) expect(years).toContain(String(y));
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(['province', 'district', 'grassroots']));
    for (const r of rows) {
      expect(text(r.start_date) >= text(r.valid_from)).toBe(true);
      if (r.valid_to !== null) expect(text(r.start_date) <= text(r.valid_to)).toBe(true);
    }
  });
});

describe('the demo long-term study', () => {
  const totalOf = async (query: string) =>
    (await getJson<{ total: number }>(admin, `/api/v1/studies?pageSize=1&${query}`)).total;

  it("gives the article's 2018–2022 figures: 65 degree and 94 political theory studies started in the period", async () => {
    const province = (await tree(admin, '')).items.find((u) => u.name === 'Tỉnh đoàn Lâm Đồng')!;
    const count = async (kinds: string[]) => {
      let n = 0;
      for (let year = DEMO_STUDIES_2018_2022.from; year <= DEMO_STUDIES_2018_2022.to; year++) {
        for (const kind of kinds) n += await totalOf(`unitId=${province.id}&studyKind=${kind}&yearStarted=${year}`);
      }
      return n;
    };
    expect(await count(['university', 'master', 'doctorate'])).toBe(DEMO_STUDIES_2018_2022.degrees);
    expect(await count(['theory_intermediate', 'theory_advanced'])).toBe(DEMO_STUDIES_2018_2022.theory);
    // Studies outside the period exist, so the year filter is what makes the figures.
    expect(await totalOf(`unitId=${province.id}`)).toBeGreaterThan(65 + 94);
  });

  it('gives the same 65 and 94 in the long-term studies report as the province leadership runs it, with the studies behind them and the .xlsx', async () => {
    const leader = await login(app, 'lanhdao', 'canbo-demo-2024');
    const { from, to } = DEMO_STUDIES_2018_2022;
    const query = `from=${from}-01-01&to=${to}-12-31`;
    const url = '/api/v1/reports/dao-tao-dai-han';
    const report = await getJson<ReportResult>(leader, `${url}?${query}`);
    expect(report.title).toEqual([
      'BÁO CÁO ĐÀO TẠO DÀI HẠN',
      'Tỉnh đoàn Lâm Đồng, từ ngày 01/01/2018 đến ngày 31/12/2022',
    ]);
    const rows = report.tables[0]!.rows;
    const started = (label: string) => rows.find((r) => r.labels[1] === label)!.values[0]!;
    expect(started('Trình độ chuyên môn (đại học, sau đại học)').value).toBe(DEMO_STUDIES_2018_2022.degrees);
    const theory = [started('Trung cấp lý luận chính trị'), started('Cao cấp lý luận chính trị')];
    expect(theory[0]!.value! + theory[1]!.value!).toBe(DEMO_STUDIES_2018_2022.theory);
    // Each number opens the studies behind it, as many as it says, each with its cadre.
    for (const v of rows.flatMap((r) => r.values).filter((v) => v.cell)) {
      const page = await getJson<ReportRowPage>(leader, `${url}/rows?${query}&cell=${v.cell}&pageSize=200`);
      expect(page.total, v.cell!).toBe(v.value);
      expect(page.items.every((i) => i.personId !== null)).toBe(true);
    }
    const degrees = await getJson<ReportRowPage>(leader, `${url}/rows?${query}&cell=degrees:started&pageSize=5`);
    expect(degrees.label).toBe('Trình độ chuyên môn (đại học, sau đại học) — Số lượt cán bộ: Cử đi học');
    expect(degrees.items[0]!.values[3]).toMatch(/^\d{2}\/\d{2}\/20(18|19|20|21|22)$/);
    // The .xlsx holds the same numbers, as numbers.
    const xlsx = await as(app, leader).get(`${url}/export?${query}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('BÁO CÁO ĐÀO TẠO DÀI HẠN');
    rows.forEach((row, i) => {
      const cells = sheet.getRow(7 + i);
      expect(cells.getCell(2).value ?? '').toBe(row.labels[1]);
      row.values.forEach((v, j) => expect(cells.getCell(3 + j).value).toBe(v.value));
    });
  });

  it('has most studies graduated, some withdrawn or extended, and a few overdue', async () => {
    const all = await totalOf('');
    const graduated = await totalOf('studyStatus=graduated');
    expect(graduated / all).toBeGreaterThan(0.6);
    expect(await totalOf('studyStatus=withdrawn')).toBeGreaterThan(0);
    expect(await totalOf('studyStatus=extended')).toBeGreaterThan(0);
    const overdue = await getJson<{ total: number; items: Study[] }>(
      admin,
      '/api/v1/studies?overdue=true&pageSize=200',
    );
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.total).toBeLessThan(30);
    // A graduate's recorded level is at least what the diploma gives.
    const grad = (
      await getJson<{ items: Study[] }>(
        admin,
        '/api/v1/studies?studyStatus=graduated&studyKind=theory_advanced&pageSize=1',
      )
    ).items[0]!;
    const person = await getJson<Person>(admin, `/api/v1/people/${grad.personId}`);
    expect(['advanced', 'bachelor']).toContain(person.theoryLevel);
  });
});

describe('the demo schemes', () => {
  const schemeByCode = async (session: Session, code: string) => {
    const list = await getJson<{ items: SchemeListItem[] }>(session, '/api/v1/schemes?pageSize=50');
    return list.items.find((s) => s.code === code);
  };

  it("gives the 2018–2022 scheme's study targets exactly 65 and 94, achieved, with the rows behind them", async () => {
    const scheme = (await schemeByCode(admin, DEMO_SCHEME_2018.code))!;
    expect(scheme.name).toBe(DEMO_SCHEME_2018.name);
    const progress = await getJson<SchemeProgress>(admin, `/api/v1/schemes/${scheme.id}/progress`);
    const [degrees, theory] = progress.targets;
    expect(degrees!.actual).toBe(DEMO_STUDIES_2018_2022.degrees);
    expect(theory!.actual).toBe(DEMO_STUDIES_2018_2022.theory);
    expect([degrees!.status, theory!.status]).toEqual(['achieved', 'achieved']);
    expect(degrees!.years.reduce((s, y) => s + y.actual, 0)).toBe(65);
    // The period is over: a year short of its 12 is not achieved, never "behind".
    expect(degrees!.years.map((y) => y.status)).toEqual(
      degrees!.years.map((y) => (y.actual >= 12 ? 'achieved' : 'not_achieved')),
    );
    // The graduates' target has no per-year values: its years have no status.
    const graduated = progress.targets[2]!;
    expect(graduated.years.map((y) => y.status)).toEqual([null, null, null, null, null]);
    expect(graduated.status).toBe(graduated.actual >= 120 ? 'achieved' : 'not_achieved');
    const rows = await getJson<{ total: number; figure: number }>(
      admin,
      `/api/v1/schemes/${scheme.id}/targets/${theory!.targetId}/rows?pageSize=10`,
    );
    expect([rows.figure, rows.total]).toEqual([94, 94]);
    // The province's leadership (a viewer of Lâm Đồng, into which Đắk Nông merged) sees the same figures.
    const viewer = await login(app, 'lanhdao', 'canbo-demo-2024');
    const seen = await getJson<SchemeProgress>(viewer, `/api/v1/schemes/${scheme.id}/progress`);
    expect(seen.targets.slice(0, 2).map((t) => t.actual)).toEqual([65, 94]);
  });

  it('gives the same 65 and 94 in the scheme-progress report as the province leadership runs it, with the studies behind them', async () => {
    const scheme = (await schemeByCode(admin, DEMO_SCHEME_2018.code))!;
    const leader = await login(app, 'lanhdao', 'canbo-demo-2024');
    const url = '/api/v1/reports/tien-do-de-an';
    const report = await getJson<ReportResult>(leader, `${url}?schemeId=${scheme.id}`);
    expect(report.title.slice(0, 2)).toEqual([
      'BÁO CÁO TIẾN ĐỘ THỰC HIỆN ĐỀ ÁN, KẾ HOẠCH',
      expect.stringContaining(DEMO_SCHEME_2018.name),
    ]);
    const targets = report.tables[0]!.rows.filter((r) => r.labels[0] !== '');
    const [degrees, theory] = targets.map((r) => r.values);
    expect([degrees![1]!.value, theory![1]!.value]).toEqual([
      DEMO_STUDIES_2018_2022.degrees,
      DEMO_STUDIES_2018_2022.theory,
    ]);
    expect([degrees![3]!.text, theory![3]!.text]).toEqual(['Đã đạt', 'Đã đạt']);
    const rows = await getJson<ReportRowPage>(
      leader,
      `${url}/rows?schemeId=${scheme.id}&cell=${theory![1]!.cell}&pageSize=200`,
    );
    expect(rows.total).toBe(DEMO_STUDIES_2018_2022.theory);
    expect(rows.items.every((i) => i.personId !== null)).toBe(true);
    // A year's figure adds up with the others to the period's.
    const years = report.tables[0]!.rows.slice(1, 6);
    expect(years.map((r) => r.labels[1])).toEqual(['Năm 2018', 'Năm 2019', 'Năm 2020', 'Năm 2021', 'Năm 2022']);
    expect(years.reduce((s, r) => s + r.values[1]!.value!, 0)).toBe(DEMO_STUDIES_2018_2022.degrees);
  });

  it('has the 2022–2027 and 2023–2027 schemes with several targets and live progress', async () => {
    for (const code of [DEMO_SCHEME_DIGITAL, DEMO_SCHEME_2023]) {
      const scheme = (await schemeByCode(admin, code))!;
      expect(scheme.targetCount).toBeGreaterThanOrEqual(4);
      const progress = await getJson<SchemeProgress>(admin, `/api/v1/schemes/${scheme.id}/progress`);
      expect(progress.targets.some((t) => t.actual > 0)).toBe(true);
    }
    // The title share is compared with its 90% as is, not with 90% × the time elapsed.
    const digital = (await schemeByCode(admin, DEMO_SCHEME_DIGITAL))!;
    const digitalProgress = await getJson<SchemeProgress>(admin, `/api/v1/schemes/${digital.id}/progress`);
    const share = digitalProgress.targets.find((t) => t.isShare)!;
    const short = digitalProgress.elapsedPercent >= 100 ? 'not_achieved' : 'behind';
    expect(share.status).toBe(share.actual >= 90 ? 'achieved' : short);
    const s2023 = (await schemeByCode(admin, DEMO_SCHEME_2023))!;
    const progress = await getJson<SchemeProgress>(admin, `/api/v1/schemes/${s2023.id}/progress`);
    const days2023 = progress.targets.find((t) => t.displayLabel === 'Ngày đi cơ sở của cán bộ cấp tỉnh, cấp huyện')!;
    expect(days2023.years[0]!.actual).toBe(VISITS_2023.province.days + VISITS_2023.district.days);
    const province = progress.targets.find((t) => t.displayLabel === 'Ngày đi cơ sở của cán bộ cấp tỉnh')!;
    expect(province.years[0]!.actual).toBe(VISITS_2023.province.days);
  });
});
