import {
  activateUnit,
  createUnit,
  dissolveUnit,
  getUnit,
  mergeUnits,
  moveUnit,
  renameUnit,
  updateUnit,
} from '../modules/units/units.service.ts';
import { flatten, type DemoUnit } from './organisation.ts';
import { CENTRAL_DECISION, NEW_UNITS, RESTRUCTURE_DATE } from './restructure.ts';
import { unitId, type Loader } from './loader.ts';

const date = RESTRUCTURE_DATE;

async function versionOf(l: Loader, id: number): Promise<number> {
  return (await getUnit(l.ctx, l.actor, { id })).version;
}

/**
 * 1 July 2025, as the events a provincial organisation board would record: the new units first,
 * then every old unit from the bottom of the tree up — grassroots unions merge into the new
 * commune unions (their branches follow), schools move, district unions are dissolved once empty,
 * and finally Đắk Nông and Bình Thuận merge into Lâm Đồng. New commune unions then hold their
 * first congresses.
 */
export async function restructure(l: Loader): Promise<void> {
  const lamDong = unitId(l, 'LDO');
  for (const n of NEW_UNITS) {
    const created = await createUnit(l.ctx, l.actor, {
      code: n.code,
      name: n.name,
      shortName: null,
      kind: n.kind,
      organisation: 'doan',
      parentId: lamDong,
      // A commune union starts with an appointed interim committee (Ban Chấp hành lâm thời).
      interim: n.kind === 'commune',
      place: n.place,
      date,
      decision: l.decision(),
      note: null,
    });
    l.units.set(n.code, created.id);
  }

  const depth = new Map<string, number>();
  const fated: { unit: DemoUnit; depth: number }[] = [];
  for (const { unit, parent } of flatten()) {
    const d = parent === null ? 0 : depth.get(parent)! + 1;
    depth.set(unit.code, d);
    if (unit.fate) fated.push({ unit, depth: d });
  }
  const maxDepth = Math.max(...fated.map((f) => f.depth));
  for (let d = maxDepth; d >= 0; d--) {
    const level = fated.filter((f) => f.depth === d).map((f) => f.unit);
    await applyLevel(l, level, d === 0 ? CENTRAL_DECISION : null);
  }

  for (const n of NEW_UNITS) {
    if (n.kind !== 'commune' || !n.congress) continue;
    const id = unitId(l, n.code);
    await activateUnit(l.ctx, l.actor, {
      id,
      version: await versionOf(l, id),
      date: n.congress,
      decision: l.decision(),
      note: 'Đại hội đại biểu lần thứ I, nhiệm kỳ 2025–2030',
    });
  }
}

/** One level of the old tree: moves and renames, then merges (one event per target), then dissolutions. */
async function applyLevel(l: Loader, units: DemoUnit[], decision: string | null): Promise<void> {
  const dec = () => decision ?? l.decision();
  for (const u of units) {
    const f = u.fate!;
    if (!('move' in f)) continue;
    const id = unitId(l, u.code);
    if ('rename' in f) {
      await renameUnit(l.ctx, l.actor, {
        id,
        version: await versionOf(l, id),
        name: f.rename,
        shortName: null,
        date,
        decision: dec(),
        note: null,
      });
      await updateUnit(l.ctx, l.actor, { id, version: await versionOf(l, id), kind: f.kind });
    }
    await moveUnit(l.ctx, l.actor, {
      id,
      version: await versionOf(l, id),
      parentId: unitId(l, f.move),
      date,
      decision: dec(),
      note: null,
    });
  }
  const merges = new Map<string, number[]>();
  for (const u of units) {
    const f = u.fate!;
    if ('merge' in f) merges.set(f.merge, [...(merges.get(f.merge) ?? []), unitId(l, u.code)]);
  }
  for (const [target, sourceIds] of merges) {
    await mergeUnits(l.ctx, l.actor, { sourceIds, targetId: unitId(l, target), date, decision: dec(), note: null });
  }
  for (const u of units) {
    if (!('dissolve' in u.fate!)) continue;
    const id = unitId(l, u.code);
    await dissolveUnit(l.ctx, l.actor, { id, version: await versionOf(l, id), date, decision: dec(), note: null });
  }
}
