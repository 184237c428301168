import { confirmEnrolments, enrolmentListQuery, withdrawEnrolment, type Enrolment, type Page } from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import { can } from '../../../auth/policy.ts';
import type { Ctx, Tx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { nowIso } from '../../../db/dialect.ts';
import { offsetBatches } from '../../../db/keyset.ts';
import { AppError, forbidden, notFound, stale } from '../../../errors.ts';
import { offsetOf, pageFrom } from '../../../lib/paging.ts';
import { updateVersioned } from '../../../lib/versioned.ts';
import { writeAudit, writeAudits } from '../../audit/audit.writer.ts';
import { fieldError, parseInput } from '../../../lib/input.ts';
import { findVisibleClass, requireManagedClass, requireRostered, requireStatus } from '../classes/class.access.ts';
import { refreshOutcomes } from '../results/outcomes.ts';
import {
  classEnrolments,
  confirmNominated,
  countEnrolments,
  findEnrolment,
  findEnrolmentForWrite,
  findEnrolmentsPage,
} from './enrolments.repository.ts';
import { enrolmentAudit, toEnrolment } from './enrolments.view.ts';
import { lockQuota } from './quota.repository.ts';
import { fillFreedSeats } from './waitlist.ts';
import type { Roster } from './roster.export.ts';
import { issuingUnit } from './summons.repository.ts';

const NOT_FOUND = 'Học viên';

type ListInput = { id: number } & z.input<typeof enrolmentListQuery>;

export async function listEnrolments(ctx: Ctx, actor: Actor, input: ListInput): Promise<Page<Enrolment>> {
  const { id, ...rest } = input;
  const { page, pageSize, sort, order, ...filter } = parseInput(enrolmentListQuery, rest);
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, id);
  const [rows, total] = await Promise.all([
    findEnrolmentsPage(tx, actor, cls.id, filter, sort, order, {
      limit: pageSize,
      offset: offsetOf({ page, pageSize }),
    }),
    countEnrolments(tx, actor, cls.id, filter),
  ]);
  return pageFrom(rows.map(toEnrolment), total, { page, pageSize });
}

const ROSTER_BATCH = 500;

/**
 * The roster for the .xlsx export: the list's filters, scoping and order, every page of it, read a
 * batch at a time as the file is written. The class is checked first, so an unseen class is a 404
 * before any byte is sent. With it, what the sheet's title names (the class, its organiser and
 * dates) and whether any row listed waits for a seat (else the sheet has no waitlist column).
 */
export async function rosterOf(ctx: Ctx, actor: Actor, input: ListInput): Promise<Roster> {
  const { id, ...rest } = input;
  const { sort, order, ...query } = parseInput(enrolmentListQuery, rest);
  const { page: _p, pageSize: _s, ...filter } = query;
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, id);
  const waitlisted =
    filter.status !== undefined && filter.status !== 'waitlisted'
      ? false
      : (await countEnrolments(tx, actor, cls.id, { ...filter, status: 'waitlisted' })) > 0;
  return {
    className: cls.name,
    organiserName: (await issuingUnit(tx, cls.organiser_unit_id)).name,
    startDate: cls.start_date,
    endDate: cls.end_date,
    waitlisted,
    rows: {
      async *[Symbol.asyncIterator]() {
        const batches = offsetBatches(
          (window) => findEnrolmentsPage(tx, actor, cls.id, filter, sort, order, window),
          ROSTER_BATCH,
        );
        for await (const batch of batches) yield* batch.map(toEnrolment);
      },
    },
  };
}

/** The organiser summons nominated trainees; those already confirmed are left as they are. */
export async function confirmTrainees(
  ctx: Ctx,
  actor: Actor,
  input: { classId: number } & z.input<typeof confirmEnrolments>,
): Promise<{ confirmed: number }> {
  const { classId, ...rest } = input;
  const ids = [...new Set(parseInput(confirmEnrolments, rest).enrolmentIds)];
  return inTransaction(ctx, async (tx) => {
    const cls = await requireManagedClass(tx, actor, classId);
    requireRostered(cls);
    requireStatus(cls, ['open', 'in_progress'], { vi: 'triệu tập học viên', en: 'summon trainees' });
    const rows = await classEnrolments(tx, cls.id, 'e.id', ids);
    if (rows.length < ids.length) {
      const n = ids.length - rows.length;
      throw fieldError('enrolmentIds', {
        vi: `${n} học viên không có trong lớp này`,
        en: `${n} trainee${n === 1 ? ' is' : 's are'} not in this class`,
      });
    }
    const unseated = rows.filter((r) => r.status === 'waitlisted' || r.status === 'withdrawn');
    if (unseated.length) {
      throw new AppError(
        'conflict',
        {
          vi: `Chỉ triệu tập được học viên đã có chỗ; đang chờ hoặc đã rút tên: ${unseated.map((r) => r.full_name).join(', ')}`,
          en: `Only trainees with a seat can be summoned; waiting or withdrawn: ${unseated.map((r) => r.full_name).join(', ')}`,
        },
        { field: 'enrolmentIds', enrolmentIds: unseated.map((r) => r.id) },
      );
    }
    const confirmed = await confirmNominated(
      tx,
      cls.id,
      rows.filter((r) => r.status === 'nominated').map((r) => r.id),
      nowIso(),
    );
    await writeAudits(
      tx,
      actor,
      confirmed.map((r) => ({
        entity: 'enrolment',
        entityId: r.id,
        action: 'confirm',
        unitId: r.unit_id,
        before: { status: 'nominated' },
        after: { status: 'confirmed' },
      })),
    );
    return { confirmed: confirmed.length };
  });
}

async function enrolmentOrNotFound(tx: Tx, actor: Actor, id: number): Promise<Enrolment> {
  const row = await findEnrolment(tx, actor, id);
  if (!row) throw notFound(NOT_FOUND);
  return toEnrolment(row);
}

/**
 * A trainee leaves the class: by the unit that nominated them onto its seats, or by the organiser.
 * The seat goes to the first on that quota's waitlist, in the same transaction.
 */
export async function withdrawTrainee(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof withdrawEnrolment>,
): Promise<{ withdrawn: Enrolment; promoted: Enrolment | null }> {
  const { id, ...rest } = input;
  const data = parseInput(withdrawEnrolment, rest);
  return inTransaction(ctx, async (tx) => {
    const e = await findEnrolmentForWrite(tx, actor, id);
    if (!e) throw notFound(NOT_FOUND);
    const cls = await findVisibleClass(tx, actor, e.class_id);
    const nominator =
      e.allocation_unit_id !== null && (await can(tx, actor, 'training.nominate', e.allocation_unit_id));
    if (!nominator && !(await can(tx, actor, 'training.manage', cls.organiser_unit_id))) {
      throw forbidden(
        e.allocation_unit_name
          ? `Chỉ ${e.allocation_unit_name} (đơn vị cử) hoặc đơn vị tổ chức lớp mới được cho học viên rút tên`
          : 'Chỉ đơn vị tổ chức lớp mới được cho học viên này rút tên',
      );
    }
    requireStatus(cls, ['open', 'in_progress'], { vi: 'rút tên học viên', en: 'withdraw a trainee' });
    if (e.version !== data.version) throw stale();
    if (e.status === 'withdrawn') throw new AppError('conflict', 'Học viên này đã rút tên', { field: 'status' });
    await lockQuota(tx, cls.id, e.allocation_id);
    const before = await enrolmentOrNotFound(tx, actor, id);
    await updateVersioned(tx, 'enrolments', id, data.version, { status: 'withdrawn', withdraw_reason: data.reason });
    const promotedIds = await fillFreedSeats(tx, cls.id, e.allocation_id, actor);
    await refreshOutcomes(tx, cls.id, [id, ...promotedIds]);
    const withdrawn = await enrolmentOrNotFound(tx, actor, id);
    await writeAudit(tx, actor, {
      entity: 'enrolment',
      entityId: id,
      action: 'withdraw',
      unitId: e.unit_id,
      before: enrolmentAudit(before),
      after: { ...enrolmentAudit(withdrawn), withdrawReason: data.reason },
    });
    const first = promotedIds[0];
    const promoted = first === undefined ? null : ((await findEnrolment(tx, actor, first)) ?? null);
    return { withdrawn, promoted: promoted && toEnrolment(promoted) };
  });
}
