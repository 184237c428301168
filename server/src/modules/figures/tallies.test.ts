import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureGrouping } from '@canbo/contract';
import { testApp, testDb } from '../../../test/app.ts';
import { makeAllocation, makeClass, makeEnrolment, makePerson, makeUnit } from '../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, type Session } from '../../../test/http.ts';
import { importSheet, kindSheet } from '../../../test/importSheets.ts';
import type { Actor } from '../../auth/actor.ts';
import { tempDir } from '../../backup/backup.testkit.ts';
import { backup } from '../../backup/backup.ts';
import { restore } from '../../backup/restore.ts';
import { inTransaction, reader, type Tx } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { TRAINEE_COLUMNS } from '../imports/trainees/trainees.columns.ts';
import { countFigures } from './figures.cache.repository.ts';
import { countFiguresLive, type Figure, type FigureFilters, type FigureQuery } from './figures.repository.ts';
import { fastFigures } from './tallies.read.ts';
import { rebuildIfMarked, talliesMarked } from './tallies.repository.ts';

/**
 * The tallies' figures are the records' figures: after every kind of write — through the services,
 * so in the write's own transaction — the fast path answers (nothing left marked) and gives what the
 * counting engine counts from the records, for several units, periods (a month, a year, many years,
 * partial months) and groupings.
 */

const admin: Actor = { userId: 0, login: 'test', displayName: 'Test', personId: null, isSuperadmin: true, grants: [] };

const PERIODS: { fromYear: number; toYear: number; days?: { from: string; to: string } }[] = [
  { fromYear: 2024, toYear: 2024, days: { from: '2024-05-01', to: '2024-05-31' } },
  { fromYear: 2024, toYear: 2024 },
  { fromYear: 2010, toYear: 2027 },
  { fromYear: 2024, toYear: 2024, days: { from: '2024-05-14', to: '2024-07-20' } },
  { fromYear: 2023, toYear: 2026, days: { from: '2023-11-15', to: '2026-02-03' } },
];
const GROUPINGS: (FigureGrouping | null)[] = [null, 'year', 'organiserLevel', 'kind', 'organisation'];
const FILTERS: FigureFilters[] = [{}, { organiserLevel: 'district' }, { kindCode: 'union_work' }];
const METRICS = ['classes', 'participations', 'people'] as const;

const sorted = (figures: Figure[]) => [...figures].sort((a, b) => String(a.key).localeCompare(String(b.key)));

/** Every combination on the tallies and from the records; returns how many the fast path answered. */
async function compare(tx: Tx, units: (number | null)[]): Promise<number> {
  expect(await talliesMarked(tx)).toBe(false);
  let answered = 0;
  let turn = 0;
  for (const unitId of units) {
    for (const period of PERIODS) {
      for (const by of GROUPINGS) {
        // Each filter in turn (all of them for every unit and period, not every combination: the suite is slow enough).
        const extra = FILTERS[turn++ % FILTERS.length]!;
        for (const metric of METRICS) {
          const q: FigureQuery = { metric, ...period, by, filters: { unitId, ...extra }, asOf: '2026-12-31' };
          const fast = await fastFigures(tx, admin, q);
          const live = await countFiguresLive(tx, admin, q);
          if (fast === null) continue;
          answered++;
          expect(sorted(fast), JSON.stringify(q)).toEqual(sorted(live));
        }
      }
    }
  }
  return answered;
}

describe('the training tallies', () => {
  let t: TestApp;
  let s: Session;
  let w: Awaited<ReturnType<typeof twoDistricts>>;
  let a1: number;
  let a2: number;
  let b1: number;
  let pa1: number;
  let pa3: number;
  let pb2: number;
  let c2: number;
  let c3: number;
  let units: (number | null)[];
  const check = async () => expect(await compare(reader(t.ctx), units)).toBeGreaterThan(300);
  const version = async (table: 'training_classes' | 'enrolments', id: number) =>
    (await t.db.kysely.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  beforeAll(async () => {
    t = await testApp();
    w = await twoDistricts(t);
    s = w.admin;
    a1 = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: w.cuJut, kind: 'commune' });
    a2 = await makeUnit(t.ctx, { name: 'Đoàn xã Tâm Thắng', parentId: w.cuJut, kind: 'commune' });
    b1 = await makeUnit(t.ctx, { name: 'Đoàn xã Đắk Gằn', parentId: w.dakMil, kind: 'commune' });
    const person = (unitId: number, givenName: string, nationalId?: string) =>
      makePerson(t.ctx, { unitId, familyName: 'Trần', givenName, nationalId });
    pa1 = await person(a1, 'An', '066094000123');
    const pa2 = await person(a1, 'Bình');
    pa3 = await person(a2, 'Cường');
    const pb1 = await person(b1, 'Dũng');
    pb2 = await person(w.dakMil, 'Giang');
    const klass = (
      organiserUnitId: number,
      level: 'province' | 'district' | 'grassroots',
      kindCode: string,
      day: string,
    ) => makeClass(t.ctx, { organiserUnitId, level, kindCode, status: 'completed', startDate: day, endDate: day });
    const c1 = await klass(w.province, 'province', 'title', '2024-05-13');
    for (const p of [pa1, pb1, pb2]) await makeEnrolment(t.ctx, { classId: c1, personId: p, status: 'confirmed' });
    await makeEnrolment(t.ctx, { classId: c1, personId: pa2, status: 'withdrawn' });
    c2 = await klass(w.cuJut, 'district', 'union_work', '2024-06-20');
    for (const p of [pa1, pa2, pa3]) await makeEnrolment(t.ctx, { classId: c2, personId: p, status: 'confirmed' });
    c3 = await makeClass(t.ctx, {
      organiserUnitId: w.dakMil,
      level: 'district',
      kindCode: 'skills',
      status: 'completed',
      startDate: '2024-07-05',
      endDate: '2024-07-06',
      capacity: null,
    });
    await t.db.kysely.updateTable('training_classes').set({ headcount_total: 40 }).where('id', '=', c3).execute();
    const c4 = await klass(a1, 'grassroots', 'union_work', '2023-12-10');
    for (const p of [pa1, pa3]) await makeEnrolment(t.ctx, { classId: c4, personId: p, status: 'confirmed' });
    const c5 = await klass(w.province, 'province', 'title', '2016-03-01');
    for (const p of [pa1, pb1]) await makeEnrolment(t.ctx, { classId: c5, personId: p, status: 'confirmed' });
    const c6 = await klass(w.dakMil, 'district', 'union_work', '2026-01-15');
    await makeEnrolment(t.ctx, { classId: c6, personId: pb1, status: 'nominated' });
    units = [null, w.province, w.cuJut, w.dakMil, a1, a2, b1];
    // The factories write straight to the tables, outside a service: the next transaction follows them.
    expect(await talliesMarked(reader(t.ctx))).toBe(true);
    await inTransaction(t.ctx, async () => {});
  });
  afterAll(() => t.close());

  it('hold the records’ figures for hand-made data', async () => {
    await check();
    const total = await countFigures(reader(t.ctx), admin, {
      metric: 'participations',
      fromYear: 2024,
      toYear: 2024,
      filters: { unitId: w.province },
      asOf: '2026-12-31',
    });
    expect(total).toEqual([{ key: null, value: 3 + 3 + 40, numerator: null, denominator: null }]);
  });

  it('after an enrolment, a class started and one cancelled, a withdrawal and a headcount change', async () => {
    const k = await makeClass(t.ctx, {
      organiserUnitId: w.province,
      level: 'province',
      kindCode: 'union_work',
      status: 'open',
      startDate: '2024-05-20',
      endDate: '2024-05-22',
    });
    const alloc = await makeAllocation(t.ctx, { classId: k, unitId: w.cuJut, seats: 5 });
    await inTransaction(t.ctx, async () => {});
    const nominated = await as(t.app, s).post(`/api/v1/training/classes/${k}/enrolments`, {
      allocationId: alloc,
      personIds: [pa1, pa3],
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    await check();
    // The class starts (as the workflow's repository writes it, in a transaction of its own).
    await inTransaction(t.ctx, (tx) =>
      tx.q.updateTable('training_classes').set({ status: 'in_progress' }).where('id', '=', k).execute(),
    );
    await check();
    const enrolment = await t.db.kysely
      .selectFrom('enrolments')
      .select('id')
      .where('class_id', '=', k)
      .where('person_id', '=', pa3)
      .executeTakeFirstOrThrow();
    const withdrawn = await as(t.app, s).post(`/api/v1/training/enrolments/${enrolment.id}/withdraw`, {
      version: await version('enrolments', enrolment.id),
      reason: 'Bận công tác',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    await check();
    const cancelled = await as(t.app, s).post(`/api/v1/training/classes/${k}/transitions`, {
      action: 'cancel',
      version: await version('training_classes', k),
      note: 'Hoãn',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await check();
    const headcount = await as(t.app, s).patch(`/api/v1/training/classes/${c3}`, {
      version: await version('training_classes', c3),
      headcount: { total: 55 },
    });
    expect(headcount.statusCode, headcount.body).toBe(200);
    await check();
  });

  it("after a cadre's move, which credits the classes after it to the new unit", async () => {
    const dakGan2024: FigureQuery = {
      metric: 'people',
      fromYear: 2024,
      toYear: 2024,
      filters: { unitId: b1 },
      asOf: '2026-12-31',
    };
    const before = await countFiguresLive(reader(t.ctx), admin, dakGan2024);
    const moved = await as(t.app, s).post(`/api/v1/people/${pa1}/moves`, {
      moveKind: 'transfer',
      fromUnitId: a1,
      toUnitId: b1,
      moveDate: '2024-06-01',
      decision: '45-QĐ/TĐTN',
      decisionDate: '2024-05-20',
      notes: null,
    });
    expect(moved.statusCode, moved.body).toBe(201);
    await check();
    const after = await countFigures(reader(t.ctx), admin, dakGan2024);
    // His June class now counts for Đắk Gằn.
    expect(after[0]!.value).toBe((before[0]?.value ?? 0) + 1);
  });

  it('after a merger applied after the fact: the figures before it stay, the target takes the lineage', async () => {
    const query = (metric: 'classes' | 'participations' | 'people', unitId: number): FigureQuery => ({
      metric,
      fromYear: 2010,
      toYear: 2024,
      filters: { unitId },
      by: 'year',
      asOf: '2026-12-31',
    });
    const figuresOf = async (unitId: number) =>
      Promise.all(METRICS.map((m) => countFigures(reader(t.ctx), admin, query(m, unitId))));
    const before = await Promise.all([w.province, w.cuJut, w.dakMil, a1].map(figuresOf));
    const merged = await as(t.app, s).post('/api/v1/units/merge', {
      sourceIds: [w.cuJut],
      targetId: w.dakMil,
      date: '2025-03-01',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    await check();
    // Pre-merger figures of the province, Cư Jút, Đắk Mil's own and Ea Pô do not change...
    const after = await Promise.all([w.province, w.cuJut, a1].map(figuresOf));
    expect(after).toEqual([before[0], before[1], before[3]]);
    // ...and Đắk Mil now holds Cư Jút's past too (its records roll into it).
    const dakMil = await countFigures(reader(t.ctx), admin, query('participations', w.dakMil));
    const sum = (f: Figure[]) => f.reduce((n, x) => n + x.value, 0);
    expect(sum(dakMil)).toBe(sum(before[2]![1]!) + sum(before[1]![1]!));
  });

  it('after an import of recorded classes with their trainees', async () => {
    const row = {
      name: 'Tập huấn nghiệp vụ 2024',
      kind: 'Bồi dưỡng nghiệp vụ công tác Đoàn',
      organiser: 'Tỉnh đoàn Đắk Nông',
      startDate: '13/05/2024',
      endDate: '15/05/2024',
      place: 'Hội trường Tỉnh đoàn',
      nationalId: '066094000123',
      outcome: 'Hoàn thành',
    };
    const result = await importSheet(t, s, 'trainees', await kindSheet(TRAINEE_COLUMNS, [row]), true);
    expect(result, JSON.stringify(result)).toMatchObject({ counts: { create: 1 }, committed: true });
    await check();
  });

  it('after a backup restored into a new database, once the tallies are rebuilt as the server starts', async () => {
    const dir = tempDir();
    const file = dir.path('tallies.canbo.gz');
    let target: { db: Db; drop: () => Promise<void> } | undefined;
    try {
      await backup(t.db, file);
      target = await testDb();
      const db = target.db;
      await restore(db, file);
      const tx: Tx = { q: db.kysely, engine: db.engine };
      // Restored, not yet rebuilt: the figures come from the records.
      expect(
        await fastFigures(tx, admin, { metric: 'classes', fromYear: 2024, toYear: 2024, asOf: '2026-12-31' }),
      ).toBe(null);
      await db.kysely.transaction().execute((q) => rebuildIfMarked({ q, engine: db.engine }));
      expect(await compare(tx, units)).toBeGreaterThan(300);
    } finally {
      await target?.drop();
      dir.remove();
    }
  });
});
