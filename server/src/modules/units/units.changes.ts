import { foldVietnamese, vietnameseTextKey, type Organisation, type UnitKind } from '@canbo/contract';
import type { Tx } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { addToClosure, reparentInClosure } from './units.closure.ts';
import {
  closeEdge,
  insertUnit,
  nameFrom,
  openEdge,
  setUnitColumns,
  toUnit,
  unitById,
  type UnitRow,
} from './units.repository.ts';

/** Building blocks every restructuring shares; each keeps the closure, the dated edges and the audit in step. */

export interface NewUnitInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: UnitKind;
  organisation: Organisation;
  parentId: number | null;
  interim?: boolean;
  place?: string | null;
}

export function nameColumns(name: string) {
  return { name, search_text: foldVietnamese(name), sort_key: vietnameseTextKey(name) };
}

/** A row of `unit_names` without its dates. */
export function datedName(name: string, shortName: string | null) {
  return { name, short_name: shortName, sort_key: vietnameseTextKey(name), search_text: foldVietnamese(name) };
}

export async function insertNewUnit(tx: Tx, actor: Actor, u: NewUnitInput, date: string): Promise<UnitRow> {
  const id = await insertUnit(tx, {
    code: u.code,
    ...nameColumns(u.name),
    short_name: u.shortName ?? null,
    kind: u.kind,
    organisation: u.organisation,
    parent_id: u.parentId,
    status: u.interim ? 'interim' : 'active',
    valid_from: date,
    place: u.place ?? null,
  });
  await addToClosure(tx, id, u.parentId);
  await openEdge(tx, id, u.parentId, date);
  await nameFrom(tx, id, datedName(u.name, u.shortName ?? null), date);
  const row = await unitById(tx, id);
  await writeAudit(tx, actor, { entity: 'unit', entityId: id, action: 'create', unitId: id, after: toUnit(row) });
  return row;
}

/** Hang a unit (and its subtree) under another parent from `date` on. */
export async function rehang(tx: Tx, actor: Actor, row: UnitRow, parentId: number, date: string): Promise<void> {
  await reparentInClosure(tx, row.id, parentId);
  await setUnitColumns(tx, row.id, { parent_id: parentId });
  await closeEdge(tx, row.id, date);
  await openEdge(tx, row.id, parentId, date);
  await auditChange(tx, actor, row, 'move');
}

/** End a unit on `date`: it leaves the dated tree; `rollsInto` becomes the parent its records roll up into. */
export async function endUnit(tx: Tx, row: UnitRow, date: string, rollsInto: number | null): Promise<void> {
  if (rollsInto !== row.parent_id) await reparentInClosure(tx, row.id, rollsInto);
  await setUnitColumns(tx, row.id, { parent_id: rollsInto, status: 'dissolved', valid_to: date });
  await closeEdge(tx, row.id, date);
}

export async function auditChange(tx: Tx, actor: Actor, before: UnitRow, action: string): Promise<UnitRow> {
  const after = await unitById(tx, before.id);
  await writeAudit(tx, actor, {
    entity: 'unit',
    entityId: before.id,
    action,
    unitId: before.id,
    before: toUnit(before),
    after: toUnit(after),
  });
  return after;
}
