import type { Tx } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { can, canOverAll } from '../../auth/policy.ts';
import { AppError, invalid, stale } from '../../errors.ts';
import type { Words } from '../../i18n/messages.ts';
import type { UnitDetail } from '@canbo/contract';
import { vnDate } from '../../lib/dates.ts';
import {
  activeChildCount,
  findUnit,
  lastEventDate,
  lockUnits,
  pathOf,
  toUnit,
  type UnitRow,
} from './units.repository.ts';

export function unitNotFound(field?: string): AppError {
  return new AppError(
    'not_found',
    { vi: 'Đơn vị không tồn tại hoặc bạn không có quyền xem', en: 'The unit does not exist or you may not see it' },
    field ? { field } : undefined,
  );
}

/**
 * A unit the actor may change: out of read scope is "not found" (naming `field` when the unit is
 * not the one in the URL), readable but not writable is "forbidden".
 */
export async function writableUnit(tx: Tx, actor: Actor, id: number, field?: string): Promise<UnitRow> {
  const row = await findUnit(tx, actor, id);
  if (!row) throw unitNotFound(field);
  if (!(await can(tx, actor, 'unit.write', id))) {
    throw new AppError(
      'forbidden',
      { vi: `Bạn không có quyền sửa đơn vị ${row.name}`, en: `You are not allowed to change the unit ${row.name}` },
      field ? { field } : undefined,
    );
  }
  return row;
}

/** Only the installation's administrators may change the top of the tree. */
export function mustBeSuperadmin(actor: Actor, field?: string): void {
  if (!actor.isSuperadmin) {
    throw new AppError(
      'forbidden',
      {
        vi: 'Chỉ quản trị hệ thống mới thao tác được với đơn vị cấp cao nhất',
        en: 'Only the system administrator may act on a top-level unit',
      },
      field ? { field } : undefined,
    );
  }
}

/**
 * Under the Union's charter the committee of the level above decides on establishing, renaming,
 * moving, merging, splitting, dissolving a unit and on its interim or regular status, so these
 * need a grant on the unit's parent; a grant on the unit itself keeps only its everyday details.
 */
export async function mayRestructure(tx: Tx, actor: Actor, row: UnitRow): Promise<boolean> {
  if (row.parent_id === null) return actor.isSuperadmin;
  return can(tx, actor, 'unit.write', row.parent_id);
}

export async function mustRestructure(tx: Tx, actor: Actor, row: UnitRow, field?: string): Promise<void> {
  if (row.parent_id === null) return mustBeSuperadmin(actor, field);
  if (!(await mayRestructure(tx, actor, row))) {
    const parent = row.parent_name ?? '';
    throw new AppError(
      'forbidden',
      {
        vi: `Thay đổi tổ chức của ${row.name} do cấp trên (${parent}) quyết định; bạn không có quyền sửa ${parent}`,
        en: `Changes to the structure of ${row.name} are decided by its parent (${parent}); you are not allowed to change ${parent}`,
      },
      field ? { field } : undefined,
    );
  }
}

/**
 * A restructuring that concerns units under different parents (a merge, a move) is decided by
 * their common superior: one grant must cover every deciding unit (null: the top of the tree).
 */
export async function mustDecideTogether(
  tx: Tx,
  actor: Actor,
  deciding: (number | null)[],
  field: string,
  action: Words,
): Promise<void> {
  if (deciding.some((id) => id === null)) return mustBeSuperadmin(actor, field);
  if (!(await canOverAll(tx, actor, 'unit.write', deciding as number[]))) {
    throw new AppError(
      'forbidden',
      {
        vi: `${action.vi} giữa những đơn vị cấp trên khác nhau do cấp trên chung của các đơn vị đó quyết định; bạn không có quyền trên đơn vị cấp trên chung`,
        en: `${action.en} across different parents is decided by their common superior; you have no rights on that common superior`,
      },
      { field },
    );
  }
}

export function notEnded(row: UnitRow, field?: string): void {
  if (row.status === 'dissolved') {
    throw new AppError(
      'conflict',
      {
        vi: `Đơn vị ${row.name} đã ngừng hoạt động từ ngày ${vnDate(row.valid_to ?? row.valid_from)}, không thể thao tác`,
        en: `The unit ${row.name} has ceased since ${vnDate(row.valid_to ?? row.valid_from)}: nothing can be done on it`,
      },
      field ? { field } : undefined,
    );
  }
}

export function sameVersion(row: UnitRow, version: number): void {
  if (row.version !== version) throw stale();
}

/** A unit the actor may see and restructure (a grant on its parent), else 404 or 403 naming `field`. */
export async function restructurableUnit(tx: Tx, actor: Actor, id: number, field?: string): Promise<UnitRow> {
  const row = await findUnit(tx, actor, id);
  if (!row) throw unitNotFound(field);
  await mustRestructure(tx, actor, row, field);
  return row;
}

/**
 * The working unit a dated restructuring changes, locked (with `alsoLock`, e.g. its new parent) for
 * the rest of the transaction and checked against the version the user saw.
 */
export async function unitToRestructure(
  tx: Tx,
  actor: Actor,
  input: { id: number; version: number },
  alsoLock: number[] = [],
): Promise<UnitRow> {
  await lockUnits(tx, [input.id, ...alsoLock]);
  const row = await restructurableUnit(tx, actor, input.id);
  notEnded(row);
  sameVersion(row, input.version);
  return row;
}

/** A dated action may not come before the unit existed nor before its last recorded event. */
export async function checkDate(tx: Tx, row: UnitRow, date: string): Promise<void> {
  if (date < row.valid_from) {
    throw invalid('date', beforeEstablished(date, row.name, row.valid_from));
  }
  const last = await lastEventDate(tx, row.id);
  if (last && date < last) {
    throw invalid('date', {
      vi: `Ngày: ${vnDate(date)} trước sự kiện gần nhất của ${row.name} (${vnDate(last)})`,
      en: `Date: ${vnDate(date)} is before the latest event of ${row.name} (${vnDate(last)})`,
    });
  }
}

/** "Date: … before <unit> was established (…)"; the establishment date left out when not given. */
export function beforeEstablished(date: string, unit: string, validFrom?: string): Words {
  const since = validFrom ? ` (${vnDate(validFrom)})` : '';
  return {
    vi: `Ngày: ${vnDate(date)} trước ngày thành lập của ${unit}${since}`,
    en: `Date: ${vnDate(date)} is before ${unit} was established${since}`,
  };
}

export async function detailOf(tx: Tx, actor: Actor, id: number): Promise<UnitDetail> {
  const row = await findUnit(tx, actor, id);
  if (!row) throw unitNotFound();
  const path = await pathOf(tx, id);
  const childCount = await activeChildCount(tx, id);
  const canEdit = await can(tx, actor, 'unit.write', id);
  const canRestructure = await mayRestructure(tx, actor, row);
  return { ...toUnit(row), path, childCount, canEdit, canRestructure };
}

export function codeConflict(field: string, code: string): AppError {
  return new AppError(
    'conflict',
    {
      vi: `Mã đơn vị "${code}" đã được dùng cho đơn vị khác`,
      en: `The unit code "${code}" is already used by another unit`,
    },
    { field },
  );
}

export type Dated = { date: string; decision?: string | null; note?: string | null };

export function decisionOf(input: Dated) {
  return { date: input.date, decision: input.decision ?? null, note: input.note ?? null };
}
