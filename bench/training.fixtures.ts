import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  certificateNumberOf,
  DEFAULT_CERTIFICATE_PATTERN,
  foldVietnamese,
  sessionPartHours,
  type Title,
} from '@canbo/contract';
import type { Database } from '../server/src/db/schema.ts';
import { addDays } from './training.plan.ts';

/**
 * The two classes the training benchmark measures, added to the bench database once and found
 * again by their decision number on later runs: a class of 2,000 trainees × 10 sessions with every
 * cell marked, and a class of 243 grassroots secretaries and deputies with a certificate each (the
 * 2023 title class of the article). Written directly, as the generator writes: setting them up is
 * not what is measured.
 */
export interface BenchClass {
  id: number;
  seated: number;
  sessions: number;
  certificates: number;
  /** Added by this run (false: found from an earlier run). */
  created: boolean;
}

const STAMP = new Date().toISOString();
const BATCH = 2000;

async function insertBatches<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

async function describe(q: Kysely<Database>, id: number, created: boolean): Promise<BenchClass> {
  const n = async (table: 'class_sessions' | 'enrolments') => {
    const r = await q
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .where('class_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  const certs = await q
    .selectFrom('certificates as cert')
    .innerJoin('enrolments as e', 'e.id', 'cert.enrolment_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('e.class_id', '=', id)
    .where('cert.revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    id,
    sessions: await n('class_sessions'),
    seated: await n('enrolments'),
    certificates: Number(certs.n),
    created,
  };
}

interface Spec {
  decision: string;
  name: string;
  organiser: { id: number };
  people: { id: number; unit_id: number; unit_name: string; sort_key: string; title: Title | null }[];
  sessions: number;
  start: string;
  /** Marks for trainee i in session k. */
  mark: (i: number, k: number) => string;
  certify: boolean;
}

async function findOrCreate(q: Kysely<Database>, spec: Spec): Promise<BenchClass> {
  const found = await q
    .selectFrom('training_classes')
    .select('id')
    .where('decision', '=', spec.decision)
    .where('organiser_unit_id', '=', spec.organiser.id)
    .executeTakeFirst();
  if (found) return describe(q, found.id, false);
  const end = addDays(spec.start, Math.ceil(spec.sessions / 2) - 1);
  const id = await q.transaction().execute(async (trx) => {
    const cls = await trx
      .insertInto('training_classes')
      .values({
        name: spec.name,
        organiser_unit_id: spec.organiser.id,
        level: 'province',
        partners: '["Trường Chính trị tỉnh"]',
        kind_code: 'title',
        programme_id: null,
        target_titles: '["secretary","deputy_secretary"]',
        start_date: spec.start,
        end_date: end,
        place: 'Hội trường Tỉnh đoàn',
        mode: 'in_person',
        capacity: spec.people.length,
        decision: spec.decision,
        status: 'completed',
        headcount_total: null,
        headcount_women: null,
        headcount_minority: null,
        headcount_doan: null,
        headcount_hoi: null,
        headcount_doi: null,
        min_attendance_percent: 80,
        pass_grade: 'average',
        search_text: foldVietnamese(spec.name),
        created_at: STAMP,
        updated_at: STAMP,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sessionIds: number[] = [];
    for (let k = 0; k < spec.sessions; k++) {
      const part = k % 2 ? 'afternoon' : 'morning';
      const s = await trx
        .insertInto('class_sessions')
        .values({
          class_id: cls.id,
          session_date: addDays(spec.start, Math.floor(k / 2)),
          part,
          starts_at: sessionPartHours[part].startsAt,
          ends_at: sessionPartHours[part].endsAt,
          topic: `Chuyên đề ${k + 1}`,
          lecturer: null,
          checkin_token: randomBytes(18).toString('base64url'),
          created_at: STAMP,
          updated_at: STAMP,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      sessionIds.push(s.id);
    }
    const enrolments: { id: number }[] = [];
    // 1,000 rows of 20 values: under SQLite's and PostgreSQL's limits on bound parameters.
    for (let i = 0; i < spec.people.length; i += 1000) {
      enrolments.push(
        ...(await trx
          .insertInto('enrolments')
          .values(
            spec.people.slice(i, i + 1000).map((p) => ({
              class_id: cls.id,
              person_id: p.id,
              allocation_id: null,
              unit_id: p.unit_id,
              unit_name: p.unit_name,
              title: p.title,
              status: 'confirmed',
              waitlisted_at: null,
              nominated_by: null,
              nominated_at: STAMP,
              withdraw_reason: null,
              score: 8,
              grade: 'good',
              rule_outcome: 'completed',
              outcome_override: null,
              override_reason: null,
              checkin_code: randomBytes(18).toString('base64url'),
              sort_key: p.sort_key,
              created_at: STAMP,
              updated_at: STAMP,
            })),
          )
          .returning('id')
          .execute()),
      );
    }
    await insertBatches(
      trx,
      'attendance',
      enrolments.flatMap((e, i) =>
        sessionIds.map((s, k) => ({
          enrolment_id: e.id,
          session_id: s,
          mark: spec.mark(i, k),
          method: 'grid',
          marked_at: STAMP,
          marked_by: null,
        })),
      ),
    );
    if (spec.certify) {
      const year = Number(end.slice(0, 4));
      const unit = await trx
        .selectFrom('units')
        .select('code')
        .where('id', '=', spec.organiser.id)
        .executeTakeFirstOrThrow();
      const last = await trx
        .selectFrom('certificates')
        .select(sql<number | null>`max(seq)`.as('m'))
        .where('issuing_unit_id', '=', spec.organiser.id)
        .where('year', '=', year)
        .executeTakeFirst();
      const first = Number(last?.m ?? 0) + 1;
      await insertBatches(
        trx,
        'certificates',
        enrolments.map((e, i) => ({
          enrolment_id: e.id,
          issuing_unit_id: spec.organiser.id,
          year,
          seq: first + i,
          number: certificateNumberOf(DEFAULT_CERTIFICATE_PATTERN, { seq: first + i, year, unitCode: unit.code }),
          verify_code: randomBytes(18).toString('base64url'),
          issued_at: STAMP,
          issued_by: null,
          revoked_at: null,
          revoke_reason: null,
          revoked_by: null,
          created_at: STAMP,
          updated_at: STAMP,
        })),
      );
    }
    return cls.id;
  });
  return describe(q, id, true);
}

/** People of the unit's subtree with their unit's name and the title they hold today, in name order. */
function candidates(q: Kysely<Database>, unitId: number) {
  return q
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('unit_closure as uc', 'uc.descendant_id', 'p.unit_id')
    .leftJoin('positions as t', (j) => j.onRef('t.person_id', '=', 'p.id').on('t.end_date', 'is', null))
    .select(['p.id', 'p.unit_id', 'u.name as unit_name', 'p.sort_key', 't.title'])
    .where('uc.ancestor_id', '=', unitId)
    .orderBy('p.sort_key')
    .orderBy('p.id');
}

export async function benchClasses(
  q: Kysely<Database>,
  organiser: { id: number },
  o: { trainees: number; sessions: number; certificates: number; today: string },
): Promise<{ grid: BenchClass; certificates: BenchClass }> {
  // Spread over the subtree: every n-th person in name order, not the first names of the alphabet.
  const everyone = await candidates(q, organiser.id).execute();
  if (everyone.length < o.trainees) throw new Error(`Đơn vị ${organiser.id} chỉ có ${everyone.length} người`);
  const step = everyone.length / o.trainees;
  const grid = await findOrCreate(q, {
    decision: `BENCH-GRID-${o.trainees}x${o.sessions}`,
    name: `Lớp bồi dưỡng (benchmark) ${o.trainees} học viên × ${o.sessions} buổi`,
    organiser,
    people: Array.from({ length: o.trainees }, (_, i) => everyone[Math.floor(i * step)]!),
    sessions: o.sessions,
    start: addDays(o.today, -30),
    // Mostly present, with late, excused and absent cells scattered over the grid.
    mark: (i, k) => ['absent', 'late', 'excused'][(i * 7 + k * 3) % 23] ?? 'present',
    certify: false,
  });
  const leaders = await candidates(q, organiser.id)
    .where('u.kind', '=', 'grassroots')
    .where('t.title', 'in', ['secretary', 'deputy_secretary'])
    .limit(o.certificates)
    .execute();
  const fill = everyone.filter((p) => !leaders.some((l) => l.id === p.id)).slice(0, o.certificates - leaders.length);
  const certificates = await findOrCreate(q, {
    decision: `BENCH-CERT-${o.certificates}`,
    name: 'Bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023 (benchmark)',
    organiser,
    people: [...leaders, ...fill],
    sessions: 4,
    start: addDays(o.today, -60),
    mark: () => 'present',
    certify: true,
  });
  return { grid, certificates };
}
