import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeMetric } from '@canbo/contract';
import { testApp } from '../../../test/app.ts';
import { actorOfUser, makeUser } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/fixtures.ts';
import type { Actor } from '../../auth/actor.ts';
import { reader } from '../../context.ts';
import { countFigures } from './figures.cache.repository.ts';
import { figureRows, type Figure, type FigureQuery } from './figures.repository.ts';
import { figuresData } from './figures.fixtures.ts';

const ASOF = '2025-06-01';

describe('the counting engine', () => {
  let t: TestApp;
  let data: Awaited<ReturnType<typeof figuresData>>;
  let all: Actor;
  let cuJut: Actor;

  const q = (metric: SchemeMetric, extra: Partial<FigureQuery> = {}): FigureQuery => ({
    metric,
    fromYear: 2021,
    toYear: 2023,
    asOf: ASOF,
    ...extra,
  });
  const count = (actor: Actor, query: FigureQuery) => countFigures(reader(t.ctx), actor, query);
  const byKey = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [String(f.key), f.value]));
  const total = async (actor: Actor, query: FigureQuery) => (await count(actor, query))[0]?.value ?? 0;

  beforeAll(async () => {
    t = await testApp();
    data = await figuresData(t);
    all = await actorOfUser(t.ctx, (await makeUser(t.ctx, { grants: [{ unitId: data.province, role: 'viewer' }] })).id);
    cuJut = await actorOfUser(t.ctx, (await makeUser(t.ctx, { grants: [{ unitId: data.cuJut, role: 'editor' }] })).id);
  });
  afterAll(() => t.close());

  it('counts every metric over the period for the whole province', async () => {
    expect(await total(all, q('classes'))).toBe(3);
    expect(await total(all, q('participations'))).toBe(45);
    expect(await total(all, q('people'))).toBe(4);
    expect(await total(all, q('studies_started'))).toBe(2);
    expect(await total(all, q('studies_graduated'))).toBe(2);
    expect(await total(all, q('visit_days'))).toBe(20);
    const share = await count(all, q('title_training_share', { filters: { title: 'secretary', withinMonths: 12 } }));
    expect(share).toEqual([{ key: null, value: 33.3, numerator: 1, denominator: 3 }]);
  });

  it('groups by year, splitting a trip across New Year, and people are distinct within each group', async () => {
    expect(byKey(await count(all, q('classes', { by: 'year' })))).toEqual({ 2021: 1, 2022: 2 });
    expect(byKey(await count(all, q('participations', { by: 'year' })))).toEqual({ 2021: 3, 2022: 42 });
    expect(byKey(await count(all, q('people', { by: 'year' })))).toEqual({ 2021: 3, 2022: 2 });
    expect(byKey(await count(all, q('visit_days', { by: 'year' })))).toEqual({ 2021: 4, 2022: 14, 2023: 2 });
    expect(byKey(await count(all, q('studies_graduated', { by: 'year' })))).toEqual({ 2022: 1, 2023: 1 });
    const share = await count(
      all,
      q('title_training_share', { by: 'year', filters: { title: 'secretary', withinMonths: 12 } }),
    );
    expect(share.map((f) => [f.key, f.value, f.numerator, f.denominator])).toEqual([
      [2021, 50, 1, 2],
      [2022, 33.3, 1, 3],
      [2023, 33.3, 1, 3],
    ]);
  });

  it('counts a holder whose title training ended within the months, to the day of the month', async () => {
    // pA1 appointed 2020-06-01 and pB1 2019-01-10 both completed the title class on 2021-03-05.
    const counted = async (withinMonths: number) =>
      (await count(all, q('title_training_share', { filters: { title: 'secretary', withinMonths } })))[0]?.numerator;
    expect(await counted(9)).toBe(0);
    expect(await counted(10)).toBe(1);
    expect(await counted(25)).toBe(1);
    expect(await counted(26)).toBe(2);
    const rows = await figureRows(
      reader(t.ctx),
      all,
      q('title_training_share', { filters: { title: 'secretary', withinMonths: 26 } }),
      { limit: 10, offset: 0 },
    );
    expect(
      rows.rows
        .filter((r) => r.counted)
        .map((r) => r.personId)
        .sort(),
    ).toEqual([data.people.pA1, data.people.pB1].sort());
  });

  it('groups by organiser level, kind and unit (participations credited to the unit at the time)', async () => {
    expect(byKey(await count(all, q('classes', { by: 'organiserLevel' })))).toEqual({ province: 1, district: 2 });
    expect(byKey(await count(all, q('classes', { by: 'kind' })))).toEqual({ title: 1, union_work: 1, skills: 1 });
    const units = [data.cuJut, data.dakMil];
    expect(byKey(await count(all, q('participations', { by: 'unit', groupUnits: units })))).toEqual({
      [data.cuJut]: 4,
      [data.dakMil]: 41,
    });
    // Without a list: the children of the filter's subtree root.
    expect(byKey(await count(all, q('visit_days', { by: 'unit', filters: { unitId: data.province } })))).toEqual({
      [data.cuJut]: 10,
      [data.dakMil]: 10,
    });
    expect(byKey(await count(all, q('visit_days', { by: 'organiserLevel' })))).toEqual({ district: 20 });
    expect(byKey(await count(all, q('studies_started', { by: 'kind' })))).toEqual({
      university: 1,
      theory_intermediate: 1,
    });
  });

  it('filters by kind, level, title, study kinds and subtree', async () => {
    expect(await total(all, q('participations', { filters: { kindCode: 'title' } }))).toBe(3);
    expect(await total(all, q('classes', { filters: { organiserLevel: 'district' } }))).toBe(2);
    // A title filter counts named trainees only: the headcount-only class names no one.
    expect(await total(all, q('participations', { filters: { title: 'secretary' } }))).toBe(3);
    expect(await total(all, q('studies_started', { filters: { studyKinds: ['university', 'master'] } }))).toBe(1);
    expect(await total(all, q('participations', { filters: { unitId: data.dakMil } }))).toBe(41);
    expect(await total(all, q('classes', { filters: { unitId: data.cuJut } }))).toBe(1);
  });

  it("counts only the actor's subtree: Cư Jút's editor sees Cư Jút's figures", async () => {
    expect(await total(cuJut, q('classes'))).toBe(1);
    expect(await total(cuJut, q('participations'))).toBe(4);
    expect(await total(cuJut, q('people'))).toBe(3);
    expect(await total(cuJut, q('studies_started'))).toBe(1);
    expect(await total(cuJut, q('studies_graduated'))).toBe(2);
    expect(await total(cuJut, q('visit_days'))).toBe(10);
    const share = await count(cuJut, q('title_training_share', { filters: { title: 'secretary', withinMonths: 12 } }));
    expect(share[0]).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
  });

  it('gives the rows behind every figure, adding up to it', async () => {
    const tx = reader(t.ctx);
    for (const metric of ['classes', 'participations', 'studies_started', 'studies_graduated', 'visit_days'] as const) {
      for (const actor of [all, cuJut]) {
        const figure = await total(actor, q(metric));
        const { rows, total: n } = await figureRows(tx, actor, q(metric), { limit: 200, offset: 0 });
        expect(rows.length).toBe(n);
        expect(rows.reduce((s, r) => s + r.value, 0)).toBe(figure);
      }
    }
    const people = await figureRows(tx, all, q('people'), { limit: 2, offset: 0 });
    expect(people.total).toBe(4);
    expect(people.rows).toHaveLength(2);
    const trips = await figureRows(tx, all, q('visit_days', { fromYear: 2022, toYear: 2022 }), {
      limit: 10,
      offset: 0,
    });
    expect(trips.rows.map((r) => [r.kind, r.value]).sort()).toEqual([
      ['trip', 10],
      ['trip', 4],
    ]);
    const share = await figureRows(
      tx,
      all,
      q('title_training_share', { filters: { title: 'secretary', withinMonths: 12 } }),
      {
        limit: 10,
        offset: 0,
      },
    );
    expect(share.total).toBe(3);
    expect(share.rows.filter((r) => r.counted).map((r) => r.personId)).toEqual([data.people.pA1]);
    const participations = await figureRows(tx, all, q('participations', { fromYear: 2022, toYear: 2022 }), {
      limit: 10,
      offset: 0,
    });
    expect(participations.rows.find((r) => r.kind === 'class')).toMatchObject({ classId: data.classes.c3, value: 40 });
  });
});
