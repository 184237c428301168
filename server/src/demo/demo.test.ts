import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, TrainingClass, UnitTreeNode } from '@canbo/contract';
import { testApp } from '../../test/app.ts';
import { as, login, type Session } from '../../test/http.ts';
import type { App } from '../http.ts';
import type { Ctx } from '../context.ts';
import { DEMO_LOGINS, demoLoginsPresent, loadDemo } from './demo.ts';

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
    const res = await as(app, admin).get('/api/v1/training/classes?sort=startDate&order=asc&pageSize=50');
    expect(res.statusCode).toBe(200);
    const classes = res.json<{ items: TrainingClass[] }>().items;
    const title2023 = classes.find((c) => c.startDate.startsWith('2023') && c.kindCode === 'title');
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
    expect(historical.every((c) => c.status === 'completed' && c.endDate < '2023-01-01')).toBe(true);
    const open = classes.filter((c) => c.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ organiserUnitName: 'Tỉnh đoàn Lâm Đồng', level: 'province' });
    expect(open[0]!.startDate > new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('does not load twice', async () => {
    expect(await loadDemo(ctx)).toBe(false);
  });
});
