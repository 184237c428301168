import { foldVietnamese, type Permission } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../context.ts';
import type { ReadFormRow } from '../../documents/xlsx/headed.ts';
import type { Words } from '../../i18n/messages.ts';
import { groupBy } from '../../lib/chunks.ts';
import { MAX_CELL_CHARS, foldCell } from './cells.ts';
import { cellTooLong, type Finding } from './findings.ts';
import { unitsNamed, peopleByName, peopleByNationalId, type StoredPerson, type UnitHit } from './lookups.repository.ts';

/**
 * What every kind shares: findings keyed by the sheet's columns, the over-long cell refusal, and
 * naming a unit or a person in a cell, resolved against look-ups made once for the whole sheet.
 */

export interface Issues<K extends string> {
  error(row: number, key: K | null, message: Words, ids?: number[]): Finding;
  warning(row: number, key: K | null, message: Words, ids?: number[]): Finding;
}

/** Findings that name a column by its Vietnamese header. */
export function issuesFor<K extends string>(columns: readonly { key: K; header: string }[]): Issues<K> {
  const header = new Map<string, string>(columns.map((c) => [c.key, c.header]));
  const make =
    (severity: 'error' | 'warning') =>
    (row: number, key: K | null, message: Words, ids: number[] = []): Finding => ({
      row,
      column: key ? (header.get(key) ?? null) : null,
      message,
      severity,
      ids,
    });
  return { error: make('error'), warning: make('warning') };
}

export const hasError = (issues: readonly Finding[]) => issues.some((i) => i.severity === 'error');

/**
 * The row's cells, trimmed of nothing but refused when longer than any field takes: such a cell is
 * reported on its column and read as empty.
 */
export function cellsOf<K extends string>(
  r: ReadFormRow,
  keys: readonly K[],
  fail: (key: K, message: Words) => void,
): Partial<Record<K, string>> {
  const cells = { ...(r.cells as Partial<Record<K, string>>) };
  for (const key of keys) {
    const v = cells[key];
    if (v && v.length > MAX_CELL_CHARS) {
      fail(key, cellTooLong(v.length, MAX_CELL_CHARS));
      delete cells[key];
    }
  }
  return cells;
}

/** The units a sheet names (by code or name, any case or diacritics), read once. */
export async function unitLookup(tx: Tx, actor: Actor, cells: readonly string[], permission?: Permission) {
  const named = [...new Set(cells.filter(Boolean))];
  return new UnitLookup(await unitsNamed(tx, actor, named, named.map(foldVietnamese), permission));
}

export type UnitFound = { unit: UnitHit } | { error: Words; ids: number[] };

export class UnitLookup {
  // Looked up by key, never searched: 100,000 rows against thousands of units.
  private readonly byCode: Map<string, UnitHit[]>;
  private readonly byName: Map<string, UnitHit[]>;

  constructor(readonly units: UnitHit[]) {
    this.byCode = groupBy(units, (u) => u.code);
    this.byName = groupBy(units, (u) => u.search_text);
  }

  /** The one unit a cell names: by code first, else by its name as written, never by a guess. */
  find(cell: string): UnitFound {
    const found = this.byCode.get(cell) ?? this.byName.get(foldCell(cell)) ?? [];
    // A unit outside the actor's scope is found too, so that the row says why it is refused.
    if (!found.length) {
      return {
        error: {
          vi: `không có đơn vị mã hoặc tên "${cell}" trong Canbo`,
          en: `no unit has the code or name "${cell}" in Canbo`,
        },
        ids: [],
      };
    }
    if (found.length > 1) {
      const codes = found.map((u) => u.code).join(', ');
      return {
        error: {
          vi: `có ${found.length} đơn vị tên "${cell}": hãy ghi mã đơn vị (${codes})`,
          en: `${found.length} units are named "${cell}": write the unit's code (${codes})`,
        },
        ids: found.map((u) => u.id),
      };
    }
    return { unit: found[0]! };
  }
}

/** How a row names a person: the national ID, else the full name and birth date. */
export interface PersonNamed {
  nationalId?: string | undefined;
  fullName?: string | undefined;
  birthDate?: string | undefined;
}

export type PersonFound = { person: StoredPerson } | { error: Words; ids: number[]; key: 'nationalId' | 'fullName' };

/** How findings speak of the national ID's holder when the actor may not see them. */
const HOLDER_OF_ID: Words = { vi: 'người có số CCCD này', en: 'the holder of this national ID number' };

/**
 * How a finding names a stored person: by name, with their id to link, when the actor may see
 * their record; else only as the holder of the national ID the row gave (a name look-up finds
 * nobody outside the actor's sight, so only a national ID reaches such a person), and no id.
 */
export function whoIs(p: StoredPerson): { name: Words; ids: number[] } {
  return p.readable === 1
    ? { name: { vi: p.full_name, en: p.full_name }, ids: [p.id] }
    : { name: HOLDER_OF_ID, ids: [] };
}

/** The people a sheet names, read once: by national ID across the registry, by name among those the actor sees. */
export async function personLookup(tx: Tx, actor: Actor, named: readonly PersonNamed[]) {
  const ids = [...new Set(named.map((n) => n.nationalId).filter((x): x is string => !!x))];
  const names = [...new Set(named.map((n) => n.fullName).filter((x): x is string => !!x))];
  return new PersonLookup(await peopleByNationalId(tx, actor, ids), await peopleByName(tx, actor, names));
}

export class PersonLookup {
  private readonly byId: Map<string, StoredPerson>;
  private readonly byName: Map<string, StoredPerson[]>;

  constructor(byNationalId: StoredPerson[], named: StoredPerson[]) {
    this.byId = new Map(byNationalId.map((p) => [p.national_id!, p]));
    this.byName = groupBy(named, (p) => foldCell(p.full_name));
  }

  /**
   * The stored person a row names: a national ID must be known (a person kept out of the actor's
   * reach is not named); without one, the name and birth date must fit exactly one record.
   */
  find(n: PersonNamed): PersonFound {
    if (n.nationalId) {
      const p = this.byId.get(n.nationalId);
      if (!p) {
        return {
          error: {
            vi: `không có cán bộ số CCCD ${n.nationalId} trong Canbo`,
            en: `no cadre has the national ID number ${n.nationalId} in Canbo`,
          },
          ids: [],
          key: 'nationalId',
        };
      }
      return { person: p };
    }
    if (!n.fullName || !n.birthDate) {
      return {
        error: {
          vi: 'hãy ghi số CCCD, hoặc họ và tên cùng ngày sinh của cán bộ',
          en: 'write the cadre’s national ID number, or their full name and date of birth',
        },
        ids: [],
        key: 'fullName',
      };
    }
    const same = (this.byName.get(foldCell(n.fullName)) ?? []).filter((p) => p.birth_date === n.birthDate);
    if (!same.length) {
      return {
        error: {
          vi: `không có cán bộ ${n.fullName} sinh ngày này trong phạm vi của bạn`,
          en: `no cadre ${n.fullName} born on this day is within your reach`,
        },
        ids: [],
        key: 'fullName',
      };
    }
    if (same.length > 1) {
      const units = same.map((p) => p.unit_name).join('; ');
      return {
        error: {
          vi: `có ${same.length} hồ sơ ${n.fullName} cùng ngày sinh (${units}): hãy ghi số CCCD`,
          en: `${same.length} records of ${n.fullName} have this date of birth (${units}): write the national ID number`,
        },
        ids: same.map((p) => p.id),
        key: 'fullName',
      };
    }
    return { person: same[0]! };
  }
}

/** The stored person each row names by its Số CCCD, Họ và tên and Ngày sinh cells (see person.columns.ts). */
export async function peopleOfRows(
  tx: Tx,
  actor: Actor,
  rows: readonly { cells: { nationalId?: string; fullName?: string }; input: Record<string, unknown> }[],
): Promise<PersonFound[]> {
  const named = rows.map((r) => ({
    nationalId: r.cells.nationalId,
    fullName: r.cells.fullName,
    birthDate: r.input.birthDate as string | undefined,
  }));
  const people = await personLookup(tx, actor, named);
  return named.map((n) => people.find(n));
}
