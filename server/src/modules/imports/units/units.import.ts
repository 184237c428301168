import { foldVietnamese, organisationLabels, unitCreate, unitKindLabels, type UnitCreate } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import type { ReadFormRow } from '../../../documents/xlsx/headed.ts';
import { vnDate } from '../../../lib/dates.ts';
import { createUnitIn } from '../../units/units.service.ts';
import type { CheckedSheet, ImportKindDef } from '../kind.ts';
import { issuesFor, unitLookup } from '../lookups.ts';
import type { UnitHit } from '../lookups.repository.ts';
import { RowReader } from '../rows.ts';
import { UNIT_COLUMNS, UNITS_EXAMPLE, UNITS_FORM, type UnitKey } from './units.columns.ts';

const KEYS = UNIT_COLUMNS.map((c) => c.key);
const ISSUES = issuesFor<UnitKey>(UNIT_COLUMNS);
const fields = unitCreate.omit({ parentId: true });
type Fields = Omit<UnitCreate, 'parentId'>;

/** A row to create: its parent is a stored unit, a row above it in the file, or none (the top). */
interface Planned {
  row: number;
  fields: Fields;
  parent: { stored: UnitHit } | { planned: Planned } | null;
}

function readRow(r: ReadFormRow): { reader: RowReader<UnitKey>; fields: Fields | null } {
  const reader = new RowReader<UnitKey>(r, KEYS, ISSUES);
  for (const key of ['code', 'name', 'shortName', 'place', 'decision', 'note'] as const) reader.text(key);
  reader.word('kind', unitKindLabels);
  reader.word('organisation', organisationLabels);
  reader.yesNo('interim');
  reader.date('date');
  reader.required('code', 'name', 'kind', 'organisation', 'date');
  return { reader, fields: reader.parse(fields) };
}

/**
 * Units established, as the unit form establishes them (`createUnitIn`: a grant on the parent, a
 * parent still active and established before, a code nobody has). A code already in Canbo is the
 * same unit — skipped when its name agrees, refused when it does not — so a re-upload adds nothing.
 */
async function checkUnits(tx: Tx, actor: Actor, sheetRows: readonly ReadFormRow[]): Promise<CheckedSheet> {
  const read = sheetRows.map(readRow);
  const lookup = await unitLookup(
    tx,
    actor,
    read.flatMap(({ reader }) => [reader.cells.code ?? '', reader.cells.parent ?? '']),
    'unit.write',
  );
  const byCode = new Map(lookup.units.map((u) => [u.code, u]));
  const fileCodes = new Map<string, number>();
  // The rows above, by code and by folded name: a parent established in the same sheet.
  const above = new Map<string, Planned | { row: number; failed: true }>();
  const plans: Planned[] = [];
  let skip = 0;
  for (const { reader, fields: f } of read) {
    const code = reader.cells.code;
    if (code) {
      const first = fileCodes.get(code);
      if (first) {
        reader.fail('code', {
          vi: `mã ${code} đã có ở dòng ${first} của tệp`,
          en: `the code ${code} is already on row ${first} of the file`,
        });
      } else fileCodes.set(code, reader.row);
    }
    const stored = code ? byCode.get(code) : undefined;
    if (stored && f) {
      if (foldVietnamese(stored.name) === foldVietnamese(f.name)) {
        skip++;
        continue;
      }
      reader.fail(
        'code',
        stored.readable === 1
          ? { vi: `mã ${code} đã dùng cho ${stored.name}`, en: `the code ${code} is already used by ${stored.name}` }
          : { vi: `mã ${code} đã được dùng`, en: `the code ${code} is already used` },
        stored.readable === 1 ? [stored.id] : [],
      );
    }
    let parent: Planned['parent'] = null;
    const parentCell = reader.cells.parent;
    if (!parentCell) {
      if (!actor.isSuperadmin) {
        reader.fail('parent', {
          vi: 'bắt buộc: chỉ quản trị hệ thống thành lập được đơn vị cấp cao nhất',
          en: 'required: only the system administrator may establish a top-level unit',
        });
      }
    } else {
      const inFile = above.get(parentCell) ?? above.get(foldVietnamese(parentCell));
      const found = lookup.find(parentCell);
      if ('unit' in found) {
        const u = found.unit;
        if (u.writable !== 1) {
          reader.fail(
            'parent',
            { vi: `Bạn không có quyền sửa đơn vị ${u.name}`, en: `You are not allowed to change the unit ${u.name}` },
            [u.id],
          );
        } else if (u.status === 'dissolved') {
          const since = vnDate(u.valid_to ?? u.valid_from);
          reader.fail(
            'parent',
            { vi: `${u.name} đã ngừng hoạt động từ ngày ${since}`, en: `${u.name} has ceased since ${since}` },
            [u.id],
          );
        } else if (f && f.date < u.valid_from) {
          reader.fail(
            'date',
            {
              vi: `${vnDate(f.date)} trước ngày thành lập của ${u.name} (${vnDate(u.valid_from)})`,
              en: `${vnDate(f.date)} is before ${u.name} was established (${vnDate(u.valid_from)})`,
            },
            [u.id],
          );
        } else parent = { stored: u };
      } else if (inFile && 'failed' in inFile) {
        reader.fail('parent', {
          vi: `đơn vị cấp trên ở dòng ${inFile.row} của tệp có lỗi`,
          en: `the parent unit on row ${inFile.row} of the file has errors`,
        });
      } else if (inFile) {
        if (f && f.date < inFile.fields.date) {
          reader.fail('date', {
            vi: `trước ngày thành lập của ${inFile.fields.name} (dòng ${inFile.row})`,
            en: `before ${inFile.fields.name} is established (row ${inFile.row})`,
          });
        } else parent = { planned: inFile };
      } else reader.fail('parent', found.error, found.ids);
    }
    const plan = f && !reader.failed ? { row: reader.row, fields: f, parent } : null;
    if (plan) plans.push(plan);
    const entry = plan ?? { row: reader.row, failed: true as const };
    const { code: ownCode, name } = reader.cells;
    for (const key of [ownCode, name && foldVietnamese(name)]) if (key && !above.has(key)) above.set(key, entry);
  }
  return {
    issues: read.flatMap(({ reader }) => reader.issues),
    counts: { create: plans.length, update: 0, skip },
    writes: plans.length,
    write: async (progress) => {
      const created = new Map<Planned, number>();
      for (const [done, p] of plans.entries()) {
        await progress(done);
        const parentId = !p.parent ? null : 'stored' in p.parent ? p.parent.stored.id : created.get(p.parent.planned)!;
        created.set(p, await createUnitIn(tx, actor, { ...p.fields, parentId }));
      }
    },
  };
}

/** Units of the tree, parents above their children. */
export const unitsImport: ImportKindDef = {
  kind: 'units',
  form: () => Promise.resolve(UNITS_FORM),
  example: UNITS_EXAMPLE,
  limits: { maxRows: 100_010, maxCellsPerRow: 32, maxUnpacked: 256 * 2 ** 20, maxSharedStrings: 32 * 2 ** 20 },
  check: checkUnits,
};
