import { createUnit, getUnit, renameUnit, splitUnit } from '../modules/units/units.service.ts';
import { flatten, HISTORY, type DemoUnit } from './organisation.ts';
import { unitId, type Loader } from './loader.ts';

/** The tree before 2025, built through the units service: every unit has its "create" event. */
export async function buildTree(l: Loader): Promise<void> {
  const all = flatten();
  const byCode = new Map(all.map((x) => [x.unit.code, x.unit]));
  const madeBySplit = new Set<string>(HISTORY.split.into);
  for (const { unit: u, parent } of all) {
    if (madeBySplit.has(u.code)) continue;
    const created = await createUnit(l.ctx, l.actor, {
      code: u.code,
      name: u.name,
      shortName: u.shortName ?? null,
      kind: u.kind,
      organisation: u.organisation,
      parentId: parent === null ? null : unitId(l, parent),
      interim: false,
      place: u.place ?? null,
      date: u.from,
      decision: parent === null ? `Quyết định số ${u.from.slice(0, 4)}-QĐ/TWĐTN` : l.decision(),
      note: null,
    });
    l.units.set(u.code, created.id);
    if (u.code === HISTORY.split.code)
      await split(
        l,
        created.version,
        HISTORY.split.into.map((c) => byCode.get(c)!),
      );
  }
  const r = HISTORY.rename;
  const gn = await getUnit(l.ctx, l.actor, { id: unitId(l, r.code) });
  await renameUnit(l.ctx, l.actor, {
    id: gn.id,
    version: gn.version,
    name: r.name,
    shortName: null,
    date: r.date,
    decision: r.decision,
    note: null,
  });
}

/** Huyện đoàn Đắk Nông → Thị đoàn Gia Nghĩa + Huyện đoàn Đắk Glong (2005). */
async function split(l: Loader, version: number, into: DemoUnit[]): Promise<void> {
  const s = HISTORY.split;
  const result = await splitUnit(l.ctx, l.actor, {
    id: unitId(l, s.code),
    version,
    into: into.map((u) => ({
      code: u.code,
      name: u.name,
      shortName: u.shortName ?? null,
      kind: u.kind,
      organisation: u.organisation,
      place: u.place ?? null,
      interim: false,
      children: [],
    })),
    date: s.date,
    decision: s.decision,
    note: 'Thành lập thị xã Gia Nghĩa và huyện Đắk Glong (Nghị định 82/2005/NĐ-CP)',
  });
  for (const u of result.units) l.units.set(u.code, u.id);
}
