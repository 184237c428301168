import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeMetric } from '@canbo/contract';
import { testApp } from '../../../test/app.ts';
import { actorOfUser, makeEnrolment, makeUnit, makeUser } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/fixtures.ts';
import type { Actor } from '../../auth/actor.ts';
import { reader } from '../../context.ts';
import { countFigures } from './figures.cache.repository.ts';
import { figuresData } from './figures.fixtures.ts';
import { countFiguresLive, type FigureQuery } from './figures.repository.ts';

const ASOF = '2025-06-01';
/** What a figure reads as once the stored entries are overwritten: only a cached figure shows it. */
const TAMPERED = -1;

describe("the figures' cache", () => {
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
  const total = async (actor: Actor, query: FigureQuery) =>
    (await countFigures(reader(t.ctx), actor, query))[0]?.value ?? 0;
  const live = async (actor: Actor, query: FigureQuery) =>
    (await countFiguresLive(reader(t.ctx), actor, query))[0]?.value ?? 0;
  /** Overwrites every cached figure, so that a figure read from the cache reads TAMPERED. */
  const tamper = () =>
    t.db.kysely
      .updateTable('figure_cache')
      .set({ value: JSON.stringify([{ key: null, value: TAMPERED, numerator: null, denominator: null }]) })
      .execute();

  beforeAll(async () => {
    t = await testApp();
    data = await figuresData(t);
    all = await actorOfUser(t.ctx, (await makeUser(t.ctx, { grants: [{ unitId: data.province, role: 'viewer' }] })).id);
    cuJut = await actorOfUser(t.ctx, (await makeUser(t.ctx, { grants: [{ unitId: data.cuJut, role: 'editor' }] })).id);
  });
  afterAll(() => t.close());

  it('serves a figure from the cache while its records are unchanged, one entry per read scope', async () => {
    expect(await total(all, q('participations'))).toBe(45);
    await tamper();
    expect(await total(all, q('participations'))).toBe(TAMPERED);
    // Another scope counts other rows: its own entry.
    expect(await total(cuJut, q('participations'))).toBe(4);
    // Another period is another figure.
    expect(await total(all, q('participations', { fromYear: 2022 }))).toBe(42);
  });

  /**
   * Each change is written straight to the tables, as an import or any future code would: the
   * triggers, not the services, void what depends on it.
   */
  const changes: {
    name: string;
    actor: () => Actor;
    query: () => FigureQuery;
    before: number;
    after: number;
    change: () => Promise<unknown>;
  }[] = [
    {
      name: 'a trainee added to a class of the period',
      actor: () => all,
      query: () => q('participations'),
      before: 45,
      after: 46,
      change: () => makeEnrolment(t.ctx, { classId: data.classes.c2, personId: data.people.pB2 }),
    },
    {
      name: 'a class moved into the period from an earlier year',
      actor: () => all,
      query: () => q('classes'),
      before: 3,
      after: 4,
      change: () =>
        t.db.kysely
          .updateTable('training_classes')
          .set({ start_date: '2021-05-01', end_date: '2021-05-02' })
          .where('start_date', '=', '2020-05-01')
          .execute(),
    },
    {
      name: 'a study graduating',
      actor: () => all,
      query: () => q('studies_graduated'),
      before: 2,
      after: 3,
      change: () =>
        t.db.kysely
          .updateTable('studies')
          .set({ status: 'graduated', end_date: '2023-01-15', diploma_number: 'VB-2', grade: 'good' })
          .where('id', '=', data.studies.sB1)
          .execute(),
    },
    {
      name: 'a trip deleted',
      actor: () => all,
      query: () => q('visit_days'),
      before: 20,
      after: 10,
      change: () => t.db.kysely.deleteFrom('visit_trips').where('person_id', '=', data.people.pB1).execute(),
    },
    {
      name: "a holder's position ending",
      actor: () => all,
      query: () => q('title_training_share', { filters: { title: 'secretary', withinMonths: 12 } }),
      before: 33.3,
      after: 50,
      change: () =>
        t.db.kysely
          .updateTable('positions')
          .set({ end_date: '2022-12-31' })
          .where('person_id', '=', data.people.pB1)
          .execute(),
    },
    {
      name: 'a cadre moving to another unit (studies are credited to it)',
      actor: () => cuJut,
      query: () => q('studies_started'),
      before: 1,
      after: 0,
      change: () =>
        t.db.kysely.updateTable('people').set({ unit_id: data.dakMil }).where('id', '=', data.people.pA1).execute(),
    },
    {
      // pA1 moved to Đắk Mil above; pB1's study of 01/09/2022 was in Cư Jút if the move is after it.
      name: 'a back-dated move written to the moves (the unit of today unchanged)',
      actor: () => cuJut,
      query: () => q('studies_started'),
      before: 0,
      after: 1,
      change: () =>
        t.db.kysely
          .insertInto('moves')
          .values({
            person_id: data.people.pB1,
            kind: 'transfer',
            from_unit_id: data.cuJut,
            to_unit_id: data.dakMil,
            move_date: '2023-01-01',
            decision: null,
            decision_date: null,
            notes: null,
            created_at: new Date().toISOString(),
            updated_at: new Date().toISOString(),
          })
          .execute(),
    },
    {
      name: 'the tree changing',
      actor: () => all,
      query: () => q('people'),
      // pB2 joined c2 above.
      before: 5,
      after: 5,
      change: () => makeUnit(t.ctx, { name: 'Đoàn xã mới', parentId: data.cuJut, kind: 'commune' }),
    },
  ];

  for (const c of changes) {
    it(`counts again after ${c.name}`, async () => {
      await t.db.kysely.deleteFrom('figure_cache').execute();
      expect(await total(c.actor(), c.query())).toBe(c.before);
      await tamper();
      await c.change();
      expect(await total(c.actor(), c.query())).toBe(c.after);
      expect(await live(c.actor(), c.query())).toBe(c.after);
    });
  }

  it('counts a linked figure again when a class is linked to the scheme', async () => {
    const now = new Date().toISOString();
    const scheme = await t.db.kysely
      .insertInto('schemes')
      .values({
        name: 'Đề án thử',
        code: 'DA-THU',
        issuing_unit_id: data.province,
        decision: null,
        decision_date: null,
        start_year: 2021,
        end_year: 2023,
        description: null,
        search_text: 'de an thu',
        sort_key: 'de an thu',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const linked = q('classes', { filters: { schemeId: scheme.id } });
    expect(await total(all, linked)).toBe(0);
    await tamper();
    await t.db.kysely
      .insertInto('scheme_classes')
      .values({ scheme_id: scheme.id, class_id: data.classes.c1 })
      .execute();
    expect(await total(all, linked)).toBe(1);
  });

  it('keeps a figure when the change is outside its years, or rolled back', async () => {
    const period = q('visit_days', { fromYear: 2022, toYear: 2022 });
    const days = await live(all, period);
    expect(await total(all, period)).toBe(days);
    await tamper();
    // A trip of 2023–2024 does not touch 2022's days.
    await t.db.kysely.updateTable('visit_trips').set({ purpose: 'Khảo sát' }).where('start_year', '=', 2023).execute();
    expect(await total(all, period)).toBe(TAMPERED);
    await expect(
      t.db.kysely.transaction().execute(async (tx) => {
        await tx.deleteFrom('visit_trips').execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await total(all, period)).toBe(TAMPERED);
    expect(await live(all, period)).toBe(days);
  });

  it('folds many changes together and keeps what is cached valid', async () => {
    const query = q('classes');
    for (let i = 0; i < 520; i++) {
      await t.db.kysely
        .updateTable('training_classes')
        .set({ name: `Lớp ${i}` })
        .where('id', '=', data.classes.c2)
        .execute();
    }
    // The first count after them folds the rows (PostgreSQL appends one per statement).
    expect(await total(all, query)).toBe(await live(all, query));
    const rows = await t.db.kysely
      .selectFrom('figure_changes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(rows?.n)).toBeLessThan(40);
    await tamper();
    expect(await total(all, query)).toBe(TAMPERED);
  });

  it('lets go of entries nobody counted for 30 days when another figure is counted', async () => {
    await total(all, q('classes', { fromYear: 2021, toYear: 2021 }));
    const kept = await t.db.kysely.selectFrom('figure_cache').select('key').execute();
    await t.db.kysely.updateTable('figure_cache').set({ computed_at: '2000-01-01T00:00:00.000Z' }).execute();
    await total(all, q('classes', { fromYear: 2022, toYear: 2022 }));
    const left = await t.db.kysely.selectFrom('figure_cache').select('key').execute();
    expect(kept.length).toBeGreaterThan(0);
    expect(left).toHaveLength(1);
  });
});
