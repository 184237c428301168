import {
  allocationCreate,
  allocationListQuery,
  allocationUpdate,
  type Allocation,
  type ClassStatus,
  type Page,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx, Tx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { nowIso } from '../../../db/dialect.ts';
import { AppError, notFound, stale } from '../../../errors.ts';
import { offsetOf, pageFrom } from '../../../lib/paging.ts';
import { updateVersioned } from '../../../lib/versioned.ts';
import { writeAudit } from '../../audit/audit.writer.ts';
import { fieldError, parseInput } from '../../../lib/input.ts';
import { findVisibleClass, requireManagedClass, requireRostered, requireStatus } from '../classes/class.access.ts';
import { refreshOutcomes } from '../results/outcomes.ts';
import {
  allocationOfUnit,
  countAllocations,
  deleteAllocation as deleteAllocationRow,
  enrolmentsOnAllocation,
  findAllocatableUnit,
  findAllocation,
  findAllocationsPage,
  insertAllocation,
  type AllocationRow,
} from './allocations.repository.ts';
import { allocatedSeats, lockClassRow, lockQuota, seatedCount } from './quota.repository.ts';
import { fillFreedSeats } from './waitlist.ts';

const NOT_FOUND = 'Chỉ tiêu phân bổ';

/** Seats are shared out before and while nominations are taken, not once the class runs. */
const ALLOCATING: readonly ClassStatus[] = ['draft', 'planned', 'open'];

function toAllocation(r: AllocationRow): Allocation {
  return {
    id: r.id,
    classId: r.class_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    seats: r.seats,
    used: Number(r.used),
    waitlisted: Number(r.waitlisted),
    version: r.version,
    canNominate: r.can_nominate === 1,
  };
}

const auditView = (r: AllocationRow) => ({
  classId: r.class_id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  seats: r.seats,
});

export async function listAllocations(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof allocationListQuery>,
): Promise<Page<Allocation>> {
  const { id, ...rest } = input;
  const { page, pageSize, sort, order, ...filter } = parseInput(allocationListQuery, rest);
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, id);
  const [rows, total] = await Promise.all([
    findAllocationsPage(tx, actor, cls.id, filter, sort, order, {
      limit: pageSize,
      offset: offsetOf({ page, pageSize }),
    }),
    countAllocations(tx, actor, cls.id, filter),
  ]);
  return pageFrom(rows.map(toAllocation), total, { page, pageSize });
}

/**
 * With `seats` on one allocation (the others as stored), the allocations must fit the capacity and
 * leave the organiser room for the trainees it already seated on its own quota. Run under the class
 * lock, so two organisers sharing out seats at once cannot both pass.
 */
async function checkSeatsFit(tx: Tx, classId: number, exceptAllocationId: number | undefined, seats: number) {
  const { capacity } = await lockClassRow(tx, classId);
  if (capacity === null) return;
  const total = (await allocatedSeats(tx, classId, exceptAllocationId)) + seats;
  if (total > capacity) {
    throw new AppError(
      'conflict',
      {
        vi: `Tổng chỉ tiêu phân bổ (${total}) vượt quá số học viên tối đa của lớp (${capacity})`,
        en: `The seats allocated in all (${total}) exceed the class's capacity (${capacity})`,
      },
      { field: 'seats', capacity, allocated: total - seats },
    );
  }
  const organiserSeated = await seatedCount(tx, classId, null);
  if (capacity - total < organiserSeated) {
    const room = capacity - (total - seats) - organiserSeated;
    throw new AppError(
      'conflict',
      {
        vi:
          `Đơn vị tổ chức đã cử ${organiserSeated} học viên vào số chỗ còn lại của lớp: ` +
          `chỉ còn có thể phân bổ tối đa ${room} chỉ tiêu`,
        en:
          `The organising unit has nominated ${organiserSeated} trainees into the class's remaining seats: ` +
          `at most ${room} seats can still be allocated`,
      },
      { field: 'seats' },
    );
  }
}

async function allocationOrNotFound(tx: Tx, actor: Actor, id: number): Promise<AllocationRow> {
  const row = await findAllocation(tx, actor, id);
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

export async function createAllocation(
  ctx: Ctx,
  actor: Actor,
  input: { classId: number } & z.input<typeof allocationCreate>,
): Promise<Allocation> {
  const { classId, ...rest } = input;
  const data = parseInput(allocationCreate, rest);
  return inTransaction(ctx, async (tx) => {
    const cls = await requireManagedClass(tx, actor, classId);
    requireRostered(cls);
    requireStatus(cls, ALLOCATING, { vi: 'phân bổ chỉ tiêu', en: 'allocate seats' });
    const unit = await findAllocatableUnit(tx, actor, data.unitId, cls.organiser_unit_id);
    if (!unit) throw fieldError('unitId', 'đơn vị không tồn tại hoặc bạn không có quyền xem');
    if (unit.id === cls.organiser_unit_id) {
      throw fieldError('unitId', 'đơn vị tổ chức cử học viên vào số chỗ còn lại của lớp, không tự phân bổ chỉ tiêu');
    }
    if (unit.in_organiser !== 1)
      throw fieldError('unitId', {
        vi: `${unit.name} không trực thuộc đơn vị tổ chức lớp`,
        en: `${unit.name} is not under the organising unit`,
      });
    // An interim union works as any other; only a dissolved one can no longer send anybody.
    if (unit.status === 'dissolved')
      throw fieldError('unitId', {
        vi: `${unit.name} đã giải thể, không thể nhận chỉ tiêu`,
        en: `${unit.name} has been dissolved and cannot receive seats`,
      });
    // Under the class lock, so two organisers giving the same unit seats at once cannot both pass.
    await lockClassRow(tx, cls.id);
    if (await allocationOfUnit(tx, cls.id, unit.id)) {
      throw new AppError(
        'conflict',
        {
          vi: `${unit.name} đã có chỉ tiêu trong lớp này: hãy sửa số chỉ tiêu đã phân bổ`,
          en: `${unit.name} already has seats in this class: change the seats allocated`,
        },
        { field: 'unitId' },
      );
    }
    await checkSeatsFit(tx, cls.id, undefined, data.seats);
    const id = await insertAllocation(tx, { class_id: cls.id, unit_id: unit.id, seats: data.seats }, nowIso());
    const row = await allocationOrNotFound(tx, actor, id);
    await writeAudit(tx, actor, {
      entity: 'allocation',
      entityId: id,
      action: 'create',
      unitId: row.unit_id,
      after: auditView(row),
    });
    return toAllocation(row);
  });
}

/**
 * A change of seats. Fewer seats than are taken is refused (withdraw someone first); more seats
 * seat the allocation's waitlist, and fewer seats give the organiser room to seat its own.
 */
export async function updateAllocation(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof allocationUpdate>,
): Promise<Allocation> {
  const { id, ...rest } = input;
  const patch = parseInput(allocationUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    const before = await allocationOrNotFound(tx, actor, id);
    const cls = await requireManagedClass(tx, actor, before.class_id);
    requireStatus(cls, ALLOCATING, { vi: 'sửa chỉ tiêu', en: 'change seats' });
    if (before.version !== patch.version) throw stale();
    await checkSeatsFit(tx, cls.id, id, patch.seats);
    const quota = await lockQuota(tx, cls.id, id);
    if (patch.seats < quota.seated) {
      throw new AppError(
        'conflict',
        {
          vi:
            `${before.unit_name} đã có ${quota.seated} học viên được cử: không thể giảm chỉ tiêu xuống ${patch.seats}. ` +
            'Hãy cho học viên rút tên trước.',
          en:
            `${before.unit_name} has ${quota.seated} trainees nominated: the seats cannot go down to ${patch.seats}. ` +
            'Withdraw trainees first.',
        },
        { field: 'seats', seated: quota.seated },
      );
    }
    await updateVersioned(tx, 'seat_allocations', id, patch.version, { seats: patch.seats });
    const promoted =
      patch.seats > before.seats
        ? await fillFreedSeats(tx, cls.id, id, actor)
        : await fillFreedSeats(tx, cls.id, null, actor);
    await refreshOutcomes(tx, cls.id, promoted);
    const after = await allocationOrNotFound(tx, actor, id);
    await writeAudit(tx, actor, {
      entity: 'allocation',
      entityId: id,
      action: 'update',
      unitId: after.unit_id,
      before: auditView(before),
      after: auditView(after),
    });
    return toAllocation(after);
  });
}

/** Only seats nobody was ever nominated on can be taken back: enrolments keep pointing at them. */
export async function deleteAllocation(ctx: Ctx, actor: Actor, input: { id: number }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await allocationOrNotFound(tx, actor, input.id);
    const cls = await requireManagedClass(tx, actor, before.class_id);
    requireStatus(cls, ALLOCATING, { vi: 'xoá chỉ tiêu', en: 'remove seats' });
    await lockQuota(tx, cls.id, before.id);
    const enrolled = await enrolmentsOnAllocation(tx, before.id);
    if (enrolled > 0) {
      throw new AppError(
        'conflict',
        {
          vi: `${before.unit_name} đã cử ${enrolled} học viên vào chỉ tiêu này (kể cả người đã rút tên): không thể xoá`,
          en: `${before.unit_name} has nominated ${enrolled} trainees into these seats (withdrawn ones included): they cannot be removed`,
        },
        { field: 'id', enrolled },
      );
    }
    await deleteAllocationRow(tx, before.id);
    await writeAudit(tx, actor, {
      entity: 'allocation',
      entityId: before.id,
      action: 'delete',
      unitId: before.unit_id,
      before: auditView(before),
    });
    // The seats return to the organiser, whose own waitlist may now sit down.
    await refreshOutcomes(tx, cls.id, await fillFreedSeats(tx, cls.id, null, actor));
  });
}
