import type { z } from 'zod';
import type { UnitDetail, UnitMerge, UnitSplit, UnitSplitResult, unitMove, unitStatusChange } from '@canbo/contract';
import type { Ctx, Tx } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { AppError, invalid } from '../../errors.ts';
import { updateVersioned } from '../../lib/versioned.ts';
import {
  activeChildIds,
  closeEdge,
  codeTaken,
  endOpenPositions,
  insertEvent,
  insertLinks,
  isInSubtree,
  lockUnits,
  movePeople,
  openEdge,
  toUnit,
  unitById,
  type UnitRow,
} from './units.repository.ts';
import { reparentInClosure } from './units.closure.ts';
import {
  beforeEstablished,
  checkDate,
  codeConflict,
  decisionOf,
  detailOf,
  mustBeSuperadmin,
  mustDecideTogether,
  notEnded,
  restructurableUnit,
  unitToRestructure,
  writableUnit,
} from './units.access.ts';
import { auditChange, endUnit, insertNewUnit, rehang } from './units.changes.ts';

/**
 * Restructuring: move, merge, split, dissolve. `units.parent_id` of an ended unit is where its
 * records roll up (merge target, or its last parent), so the closure keeps showing them to the
 * people responsible for them today; the dated edges keep the tree as it stood.
 *
 * Each is decided by the level above (units.access.ts `mustRestructure`): a grant on the parent of
 * every unit that changes, and one grant over all of them when they hang under different parents.
 */

const CYCLE = {
  vi: 'Đơn vị cấp trên: không thể chuyển đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó',
  en: 'Parent unit: a unit cannot move into itself or into one of its sub-units',
};

const notInside = (unit: string) => ({
  vi: `Đơn vị cấp trên: không thể đặt đơn vị mới trong ${unit}`,
  en: `Parent unit: a new unit cannot be placed inside ${unit}`,
});

/** The parent a unit is placed under (as when creating under it): writable, working, and existing on the date. */
async function usableParent(tx: Tx, actor: Actor, parentId: number, field: string, date: string): Promise<UnitRow> {
  const parent = await writableUnit(tx, actor, parentId, field);
  notEnded(parent, field);
  if (date < parent.valid_from) {
    throw invalid('date', beforeEstablished(date, parent.name, parent.valid_from));
  }
  return parent;
}

export type MoveUnitInput = { id: number } & z.output<typeof unitMove>;

export async function moveUnit(ctx: Ctx, actor: Actor, input: MoveUnitInput): Promise<UnitDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await unitToRestructure(tx, actor, input, [input.parentId]);
    if (input.parentId === row.id || (await isInSubtree(tx, row.id, input.parentId))) {
      throw invalid('parentId', CYCLE);
    }
    const parent = await usableParent(tx, actor, input.parentId, 'parentId', input.date);
    if (row.parent_id === parent.id)
      throw invalid('parentId', {
        vi: `Đơn vị cấp trên: ${row.name} đã trực thuộc ${parent.name}`,
        en: `Parent unit: ${row.name} is already under ${parent.name}`,
      });
    await mustDecideTogether(tx, actor, [row.parent_id, parent.id], 'parentId', {
      vi: 'Chuyển đơn vị',
      en: 'Moving a unit',
    });
    await checkDate(tx, row, input.date);

    await reparentInClosure(tx, row.id, parent.id);
    await updateVersioned(tx, 'units', row.id, input.version, { parent_id: parent.id });
    await closeEdge(tx, row.id, input.date);
    await openEdge(tx, row.id, parent.id, input.date);
    await insertEvent(tx, actor, {
      unitId: row.id,
      kind: 'move',
      ...decisionOf(input),
      details: {
        fromParentId: row.parent_id,
        fromParentName: row.parent_name,
        toParentId: parent.id,
        toParentName: parent.name,
      },
    });
    await auditChange(tx, actor, row, 'move');
    return detailOf(tx, actor, row.id);
  });
}

export type DissolveUnitInput = { id: number } & z.output<typeof unitStatusChange>;

/** A dissolved unit's records roll up into its last parent; its sub-units must be placed first. */
export async function dissolveUnit(ctx: Ctx, actor: Actor, input: DissolveUnitInput): Promise<UnitDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await unitToRestructure(tx, actor, input);
    await checkDate(tx, row, input.date);
    const children = await activeChildIds(tx, row.id);
    if (children.length) {
      throw new AppError(
        'conflict',
        {
          vi: `Đơn vị ${row.name} còn ${children.length} đơn vị trực thuộc đang hoạt động; hãy chuyển, sáp nhập hoặc giải thể các đơn vị đó trước`,
          en: `The unit ${row.name} still has ${children.length} working sub-units; move, merge or dissolve them first`,
        },
        { children },
      );
    }
    await updateVersioned(tx, 'units', row.id, input.version, { status: 'dissolved', valid_to: input.date });
    await closeEdge(tx, row.id, input.date);
    const positionsEnded = await endOpenPositions(tx, row.id, input.date);
    await insertEvent(tx, actor, {
      unitId: row.id,
      kind: 'dissolve',
      ...decisionOf(input),
      details: { rollsUpInto: row.parent_id, rollsUpIntoName: row.parent_name, positionsEnded },
    });
    await auditChange(tx, actor, row, 'dissolve');
    return detailOf(tx, actor, row.id);
  });
}

export type MergeUnitsInput = Omit<UnitMerge, 'newUnit'> & {
  newUnit?: Omit<NonNullable<UnitMerge['newUnit']>, 'interim'> & { interim?: boolean };
};

/**
 * Merge N units into an existing unit or a new one. Each source ends on the date, its records and
 * people roll into the target, its working sub-units move under the target, its open positions end.
 */
export async function mergeUnits(ctx: Ctx, actor: Actor, input: MergeUnitsInput): Promise<UnitDetail> {
  return inTransaction(ctx, async (tx) => {
    const ids = input.sourceIds;
    if (new Set(ids).size !== ids.length) throw invalid('sourceIds', 'Đơn vị sáp nhập: có đơn vị được chọn hai lần');
    if (input.targetId !== undefined && ids.includes(input.targetId)) {
      throw invalid('targetId', 'Đơn vị nhận sáp nhập: không thể sáp nhập một đơn vị vào chính nó');
    }
    const parentOfNew = input.newUnit?.parentId ?? null;
    await lockUnits(tx, [...ids, ...(input.targetId ? [input.targetId] : []), ...(parentOfNew ? [parentOfNew] : [])]);

    const sources: UnitRow[] = [];
    for (const id of ids) {
      const s = await restructurableUnit(tx, actor, id, 'sourceIds');
      notEnded(s, 'sourceIds');
      await checkDate(tx, s, input.date);
      sources.push(s);
    }
    // The sources' parents decide together with the target's parent (or the new unit's, which
    // establishes it): one grant over all of them.
    const decideTogether = (decidingForTarget: number | null) =>
      mustDecideTogether(tx, actor, [...sources.map((s) => s.parent_id), decidingForTarget], 'sourceIds', {
        vi: 'Sáp nhập đơn vị',
        en: 'Merging units',
      });
    const insideASource = async (unitId: number) => {
      for (const s of sources) if (await isInSubtree(tx, s.id, unitId)) return s;
      return undefined;
    };

    let target: UnitRow;
    if (input.targetId !== undefined) {
      target = await restructurableUnit(tx, actor, input.targetId, 'targetId');
      notEnded(target, 'targetId');
      await checkDate(tx, target, input.date);
      const inside = await insideASource(target.id);
      if (inside)
        throw invalid('targetId', {
          vi: `Đơn vị nhận sáp nhập: ${target.name} là đơn vị cấp dưới của ${inside.name}`,
          en: `Unit merged into: ${target.name} is a sub-unit of ${inside.name}`,
        });
      await decideTogether(target.parent_id);
    } else if (input.newUnit) {
      const n = input.newUnit;
      if (n.parentId === null) mustBeSuperadmin(actor, 'newUnit.parentId');
      else {
        const inside = await insideASource(n.parentId);
        if (inside) throw invalid('newUnit.parentId', notInside(inside.name));
        await usableParent(tx, actor, n.parentId, 'newUnit.parentId', input.date);
      }
      await decideTogether(n.parentId);
      if (await codeTaken(tx, n.code)) throw codeConflict('newUnit.code', n.code);
      target = await insertNewUnit(
        tx,
        actor,
        { ...n, organisation: n.organisation ?? sources[0]?.organisation ?? 'doan' },
        input.date,
      );
    } else {
      throw invalid('targetId', 'Chọn một đơn vị nhận sáp nhập hoặc khai báo đơn vị mới');
    }

    const movedChildren: number[] = [];
    let positionsEnded = 0;
    let peopleMoved = 0;
    for (const s of sources) {
      for (const childId of await activeChildIds(tx, s.id)) {
        if (ids.includes(childId)) continue;
        const child = await unitById(tx, childId);
        await checkDate(tx, child, input.date);
        await rehang(tx, actor, child, target.id, input.date);
        movedChildren.push(childId);
      }
      positionsEnded += await endOpenPositions(tx, s.id, input.date);
      peopleMoved += await movePeople(tx, s.id, target.id);
      await endUnit(tx, s, input.date, target.id);
      await auditChange(tx, actor, s, 'merge');
    }
    const eventId = await insertEvent(tx, actor, {
      unitId: target.id,
      kind: 'merge',
      ...decisionOf(input),
      details: {
        sources: sources.map((s) => ({ id: s.id, code: s.code, name: s.name })),
        targetId: target.id,
        targetName: target.name,
        created: input.targetId === undefined,
        movedChildren,
        positionsEnded,
        peopleMoved,
      },
    });
    await insertLinks(
      tx,
      eventId,
      sources.map((s) => ({ from: s.id, to: target.id })),
    );
    return detailOf(tx, actor, target.id);
  });
}

export type SplitUnitInput = { id: number } & Omit<UnitSplit, 'into'> & {
    into: (Omit<UnitSplit['into'][number], 'children' | 'interim'> & { children?: number[]; interim?: boolean })[];
  };

/**
 * Split a unit into several new ones. The source ends on the date and its records roll up into
 * its last parent; each working sub-unit goes to the new unit that lists it.
 */
export async function splitUnit(ctx: Ctx, actor: Actor, input: SplitUnitInput): Promise<UnitSplitResult> {
  return inTransaction(ctx, async (tx) => {
    const parentIds = input.into.map((u) => u.parentId).filter((p): p is number => p !== undefined);
    const source = await unitToRestructure(tx, actor, input, parentIds);
    await checkDate(tx, source, input.date);

    const codes = new Set<string>();
    for (const [i, u] of input.into.entries()) {
      if (codes.has(u.code)) {
        throw invalid(`into.${i}.code`, {
          vi: `Mã đơn vị: "${u.code}" bị lặp giữa các đơn vị mới`,
          en: `Unit code: "${u.code}" is repeated among the new units`,
        });
      }
      codes.add(u.code);
      if (await codeTaken(tx, u.code)) throw codeConflict(`into.${i}.code`, u.code);
    }

    const children = new Set(await activeChildIds(tx, source.id));
    const assigned = new Set<number>();
    for (const [i, u] of input.into.entries()) {
      for (const c of u.children ?? []) {
        if (!children.has(c)) {
          throw invalid(`into.${i}.children`, {
            vi: `Đơn vị trực thuộc: đơn vị ${c} không trực thuộc ${source.name}`,
            en: `Sub-units: unit ${c} is not under ${source.name}`,
          });
        }
        if (assigned.has(c)) {
          throw invalid(`into.${i}.children`, {
            vi: `Đơn vị trực thuộc: đơn vị ${c} được giao cho hai đơn vị mới`,
            en: `Sub-units: unit ${c} is given to two new units`,
          });
        }
        assigned.add(c);
      }
    }
    const left = [...children].filter((c) => !assigned.has(c));
    if (left.length) {
      throw new AppError(
        'validation',
        {
          vi: `Đơn vị sau chia tách: còn ${left.length} đơn vị trực thuộc ${source.name} chưa được giao cho đơn vị mới nào`,
          en: `Units after the split: ${left.length} sub-units of ${source.name} are given to no new unit`,
        },
        { field: 'into', children: left },
      );
    }

    const parentOf = (u: SplitUnitInput['into'][number]) => u.parentId ?? source.parent_id;
    for (const [i, u] of input.into.entries()) {
      const field = `into.${i}.parentId`;
      const parentId = parentOf(u);
      if (parentId === null) mustBeSuperadmin(actor, field);
      else {
        if (await isInSubtree(tx, source.id, parentId)) {
          throw invalid(field, notInside(source.name));
        }
        await usableParent(tx, actor, parentId, field, input.date);
      }
    }
    await mustDecideTogether(tx, actor, [source.parent_id, ...input.into.map(parentOf)], 'into', {
      vi: 'Chia tách đơn vị',
      en: 'Splitting a unit',
    });

    const created: UnitRow[] = [];
    for (const u of input.into) {
      const parentId = parentOf(u);
      const row = await insertNewUnit(
        tx,
        actor,
        { ...u, parentId, organisation: u.organisation ?? source.organisation },
        input.date,
      );
      created.push(row);
      for (const c of u.children ?? []) {
        const child = await unitById(tx, c);
        await checkDate(tx, child, input.date);
        await rehang(tx, actor, child, row.id, input.date);
      }
    }

    const positionsEnded = await endOpenPositions(tx, source.id, input.date);
    await updateVersioned(tx, 'units', source.id, input.version, { status: 'dissolved', valid_to: input.date });
    await closeEdge(tx, source.id, input.date);
    const eventId = await insertEvent(tx, actor, {
      unitId: source.id,
      kind: 'split',
      ...decisionOf(input),
      details: {
        into: created.map((u) => ({ id: u.id, code: u.code, name: u.name })),
        rollsUpInto: source.parent_id,
        positionsEnded,
      },
    });
    await insertLinks(
      tx,
      eventId,
      created.map((u) => ({ from: source.id, to: u.id })),
    );
    const after = await auditChange(tx, actor, source, 'split');
    const units = [];
    for (const u of created) units.push(toUnit(await unitById(tx, u.id)));
    return { source: toUnit(after), units };
  });
}
