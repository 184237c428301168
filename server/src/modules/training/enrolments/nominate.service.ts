import { randomBytes } from 'node:crypto';
import {
  bulkNominate,
  nominate,
  type BulkNominateInput,
  type NominateInput,
  type NominationResult,
  type Title,
} from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import { can } from '../../../auth/policy.ts';
import type { Ctx, Tx } from '../../../context.ts';
import { inTransaction } from '../../../context.ts';
import { nowIso } from '../../../db/dialect.ts';
import { AppError, forbidden } from '../../../errors.ts';
import { writeAudits } from '../../audit/audit.writer.ts';
import { todayIso } from '../../../lib/dates.ts';
import { fieldError, parseInput } from '../../../lib/input.ts';
import { unitsOn } from '../../moves/unitAt.repository.ts';
import { currentTitlesOf } from '../../people/people.repository.ts';
import { findVisibleClass, requireRostered, requireStatus, type ClassForWrite } from '../classes/class.access.ts';
import { findAllocation } from './allocations.repository.ts';
import { classEnrolments, insertEnrolments, updateEnrolment } from './enrolments.repository.ts';
import { enrolmentAudit } from './enrolments.view.ts';
import { findCandidates, findFilterUnit, findNominees, unitName, type NomineeRow } from './nominees.repository.ts';
import { freeSeats, lockQuota, type Quota } from './quota.repository.ts';

/** A bulk filter that finds more people than this is too broad to review in a preview. */
export const MAX_CANDIDATES = 2000;

/** The seats a nomination goes to: an allocation, or the organiser's own (allocationId null). */
interface Target {
  cls: ClassForWrite;
  allocationId: number | null;
  unitId: number;
  unitName: string;
}

/**
 * The day whose titles a filter matches: today for a class still ahead, the class's first day for
 * one being recorded after it began (a roster typed in later must find who was secretary then).
 */
function titleDay(cls: ClassForWrite): string {
  const today = todayIso();
  return cls.start_date < today ? cls.start_date : today;
}

/**
 * Whose seats: with an allocation, the actor must nominate for the allocated unit; without, the
 * actor must run the class. Then the class must keep a roster and be taking nominations.
 */
async function nominationTarget(
  tx: Tx,
  actor: Actor,
  classId: number,
  allocationId: number | null | undefined,
): Promise<Target> {
  const cls = await findVisibleClass(tx, actor, classId);
  let target: Target;
  if (allocationId !== null && allocationId !== undefined) {
    const a = await findAllocation(tx, actor, allocationId);
    if (!a || a.class_id !== cls.id) {
      throw fieldError('allocationId', 'chỉ tiêu không có trong lớp này hoặc bạn không có quyền xem');
    }
    if (a.can_nominate !== 1) {
      throw forbidden({
        vi: `Chỉ cán bộ của ${a.unit_name} mới được cử học viên vào chỉ tiêu này`,
        en: `Only the staff of ${a.unit_name} may nominate into this quota`,
      });
    }
    target = { cls, allocationId: a.id, unitId: a.unit_id, unitName: a.unit_name };
  } else {
    if (!(await can(tx, actor, 'training.manage', cls.organiser_unit_id))) {
      throw forbidden('Chỉ đơn vị tổ chức lớp được cử học viên vào số chỗ của lớp: hãy chọn chỉ tiêu của đơn vị bạn');
    }
    const organiser = cls.organiser_unit_id;
    target = { cls, allocationId: null, unitId: organiser, unitName: await unitName(tx, organiser) };
  }
  requireRostered(cls);
  requireStatus(cls, ['open'], { vi: 'cử học viên', en: 'nominate trainees' });
  return target;
}

const names = (rows: { full_name: string }[]) => rows.map((r) => r.full_name).join(', ');

/**
 * Lock the quota, then read who of these people is already on the class — in that order, so a
 * concurrent nomination of the same people or seats waits instead of slipping in between.
 */
async function lockAndRead(tx: Tx, target: Target, personIds: number[]) {
  const quota = await lockQuota(tx, target.cls.id, target.allocationId);
  // The class may have started while this request waited for the lock.
  requireStatus({ ...target.cls, status: quota.classStatus }, ['open'], { vi: 'cử học viên', en: 'nominate trainees' });
  const rows = await classEnrolments(tx, target.cls.id, 'e.person_id', personIds);
  const active = rows.filter((r) => r.status !== 'withdrawn');
  const withdrawn = new Map(rows.filter((r) => r.status === 'withdrawn').map((r) => [r.person_id, r]));
  return { quota, active, withdrawn };
}

interface Placement {
  seated: NomineeRow[];
  waiting: NomineeRow[];
  remainingSeats: number | null;
}

/**
 * Share the quota's free seats out to `people`, in order. Beyond them the request is refused whole
 * — unless the extra people are to wait. A preview reports the same numbers without refusing, so
 * the user sees how far over the seats the filter goes.
 */
function place(quota: Quota, target: Target, people: NomineeRow[], opts: { waitlist: boolean; preview: boolean }) {
  const free = freeSeats(quota);
  if (people.length > free && !opts.waitlist && !opts.preview) {
    throw new AppError(
      'conflict',
      {
        vi:
          `Đơn vị chỉ còn ${free} chỉ tiêu (${target.unitName}: ${quota.seats} chỉ tiêu, đã cử ${quota.seated}) ` +
          `nhưng danh sách có ${people.length} người. Hãy bớt người, hoặc chọn đưa số người vượt chỉ tiêu vào danh sách chờ.`,
        en:
          `The unit has only ${free} seats left (${target.unitName}: ${quota.seats} seats, ${quota.seated} nominated) ` +
          `but the list has ${people.length} people. Take some off, or put those beyond the seats on the waiting list.`,
      },
      { field: 'personIds', free, requested: people.length },
    );
  }
  const cut = Math.min(free, people.length);
  const seated = people.slice(0, cut);
  const placement: Placement = {
    seated,
    waiting: opts.waitlist ? people.slice(cut) : [],
    remainingSeats: Number.isFinite(free) ? free - seated.length : null,
  };
  return placement;
}

type Titles = Awaited<ReturnType<typeof currentTitlesOf>>;
const titleOf = (titles: Titles, personId: number): Title | null => titles.get(personId)?.[0]?.title ?? null;

/**
 * Where a participation is credited: each person's unit (moves) and most senior title (dated
 * positions) on the class's FIRST day, so a later move does not carry a past class's credit along,
 * and a move recorded late re-derives it (credit.repository.ts).
 */
async function creditsOf(tx: Tx, cls: ClassForWrite, personIds: NomineeRow['id'][]) {
  const [units, titles] = await Promise.all([
    unitsOn(tx, personIds, cls.start_date),
    currentTitlesOf(tx, personIds, cls.start_date),
  ]);
  return { units, titles };
}
type Credits = Awaited<ReturnType<typeof creditsOf>>;

/**
 * Write the enrolments: each copies the person's credit on the class's first day (unit id and name,
 * most senior title) and name sort key. New rows go in multi-row
 * inserts and every audit row in one write, so a nomination of hundreds holds the quota lock for a
 * few statements. A person who had withdrawn gets their row back (one row per class and person);
 * those are few, and each keeps its own version, so they are updated one by one.
 */
async function enrol(
  tx: Tx,
  actor: Actor,
  target: Target,
  placement: Placement,
  credits: Credits,
  withdrawn: Map<number, { id: number; version: number }>,
): Promise<void> {
  const at = nowIso();
  const unitOf = (p: NomineeRow) => credits.units.get(p.id) ?? { unitId: p.unit_id, unitName: p.unit_name };
  const rows = [
    ...placement.seated.map((person) => ({ person, status: 'nominated' as const })),
    ...placement.waiting.map((person) => ({ person, status: 'waitlisted' as const })),
  ].map(({ person, status }) => ({
    person,
    values: {
      allocation_id: target.allocationId,
      unit_id: unitOf(person).unitId,
      unit_name: unitOf(person).unitName,
      title: titleOf(credits.titles, person.id),
      status,
      waitlisted_at: status === 'waitlisted' ? at : null,
      nominated_by: actor.userId,
      nominated_at: at,
      withdraw_reason: null,
      score: null,
      grade: null,
      rule_outcome: null,
      outcome_override: null,
      override_reason: null,
      attendance_percent: null,
      sort_key: person.sort_key,
    },
  }));
  const fresh = rows.filter((r) => !withdrawn.has(r.person.id));
  // Seated before waiting, in the order given: the insert order is the waitlist's tie-break (id).
  const ids = await insertEnrolments(
    tx,
    fresh.map((r) => ({
      ...r.values,
      class_id: target.cls.id,
      person_id: r.person.id,
      checkin_code: randomBytes(24).toString('base64url'),
    })),
    at,
  );
  for (const r of rows) {
    const old = withdrawn.get(r.person.id);
    if (old) await updateEnrolment(tx, old.id, old.version, r.values, at);
  }
  await writeAudits(
    tx,
    actor,
    rows.map(({ person, values }) => {
      const old = withdrawn.get(person.id);
      const id = old?.id ?? ids.get(person.id);
      if (id === undefined) throw new Error(`enrolment of person ${person.id} was not written`);
      return {
        entity: 'enrolment',
        entityId: id,
        action: 'nominate',
        unitId: values.unit_id,
        ...(old ? { before: { status: 'withdrawn' } } : {}),
        after: enrolmentAudit({
          classId: target.cls.id,
          personId: person.id,
          personName: person.full_name,
          unitId: values.unit_id,
          unitName: values.unit_name,
          title: values.title,
          allocationId: target.allocationId,
          status: values.status,
        }),
      };
    }),
  );
}

function result(
  placement: Placement,
  people: NomineeRow[],
  titles: Titles,
  skip: Set<number>,
  applied: boolean,
): NominationResult {
  return {
    added: placement.seated.length,
    waitlisted: placement.waiting.length,
    skipped: skip.size,
    remainingSeats: placement.remainingSeats,
    candidates: people.map((p) => ({
      personId: p.id,
      personName: p.full_name,
      unitName: p.unit_name,
      title: titleOf(titles, p.id),
      alreadyEnrolled: skip.has(p.id),
    })),
    applied,
  };
}

/**
 * Nominate the listed people, all or nothing: each must be visible to the actor and kept by a unit
 * in the quota unit's subtree, none may already be on the class, and they must fit the free seats
 * (or the extra ones wait, when asked).
 */
export async function nominatePeople(
  ctx: Ctx,
  actor: Actor,
  input: { classId: number } & NominateInput,
): Promise<NominationResult> {
  const { classId, ...rest } = input;
  const data = parseInput(nominate, rest);
  const personIds = [...new Set(data.personIds)];
  return inTransaction(ctx, async (tx) => {
    const target = await nominationTarget(tx, actor, classId, data.allocationId);
    const found = await findNominees(tx, actor, personIds, target.unitId);
    if (found.length < personIds.length) {
      const n = personIds.length - found.length;
      throw fieldError('personIds', {
        vi: `${n} cán bộ không tồn tại hoặc bạn không có quyền xem`,
        en: `${n} cadre${n === 1 ? ' does' : 's do'} not exist or you may not see them`,
      });
    }
    const outside = found.filter((p) => p.in_quota !== 1);
    if (outside.length) {
      throw fieldError('personIds', {
        vi: `${names(outside)} không thuộc ${target.unitName}: chỉ được cử cán bộ của đơn vị mình`,
        en: `not in ${target.unitName}: ${names(outside)}; only your unit’s cadres can be nominated`,
      });
    }
    const byId = new Map<number, NomineeRow>(found.map((p) => [p.id, p]));
    const people = personIds.map((id) => byId.get(id)!);
    const { quota, active, withdrawn } = await lockAndRead(tx, target, personIds);
    if (active.length) {
      throw new AppError(
        'conflict',
        { vi: `Đã có tên trong lớp: ${names(active)}`, en: `Already on the class: ${names(active)}` },
        {
          field: 'personIds',
          personIds: active.map((r) => r.person_id),
        },
      );
    }
    const placement = place(quota, target, people, { waitlist: data.waitlist, preview: false });
    const credits = await creditsOf(
      tx,
      target.cls,
      people.map((p) => p.id),
    );
    await enrol(tx, actor, target, placement, credits, withdrawn);
    return result(placement, people, credits.titles, new Set(), true);
  });
}

/**
 * Nominate everyone a filter finds ("secretaries and deputies of grassroots unions in my subtree").
 * People already on the class are skipped; the rest go in all or nothing, like a listed nomination.
 * A dry run lists the candidates and what would happen, and writes nothing.
 */
export async function nominateByFilter(
  ctx: Ctx,
  actor: Actor,
  input: { classId: number } & BulkNominateInput,
): Promise<NominationResult> {
  const { classId, ...rest } = input;
  const data = parseInput(bulkNominate, rest);
  return inTransaction(ctx, async (tx) => {
    const target = await nominationTarget(tx, actor, classId, data.allocationId);
    const within = await findFilterUnit(tx, actor, data.filter.within, target.unitId);
    if (!within) throw fieldError('filter.within', 'đơn vị không tồn tại hoặc bạn không có quyền xem');
    if (within.in_quota !== 1) {
      throw fieldError('filter.within', {
        vi: `${within.name} không thuộc ${target.unitName}`,
        en: `${within.name} is not within ${target.unitName}`,
      });
    }
    const day = titleDay(target.cls);
    const found = await findCandidates(tx, actor, data.filter, target.unitId, day, MAX_CANDIDATES + 1);
    if (found.length > MAX_CANDIDATES) {
      throw fieldError('filter', {
        vi: `điều kiện chọn ra hơn ${MAX_CANDIDATES} cán bộ: hãy thu hẹp (đơn vị nhỏ hơn, ít chức danh hoặc loại đơn vị hơn)`,
        en: `the conditions pick more than ${MAX_CANDIDATES} cadres: narrow them (a smaller unit, fewer titles or unit kinds)`,
      });
    }
    const ids = found.map((p) => p.id);
    const { quota, active, withdrawn } = await lockAndRead(tx, target, ids);
    const skip = new Set(active.map((r) => r.person_id));
    const fresh = found.filter((p) => !skip.has(p.id));
    const placement = place(quota, target, fresh, { waitlist: data.waitlist, preview: data.dryRun });
    const credits = await creditsOf(
      tx,
      target.cls,
      found.map((p) => p.id),
    );
    if (!data.dryRun) await enrol(tx, actor, target, placement, credits, withdrawn);
    return result(placement, found, credits.titles, skip, !data.dryRun);
  });
}
