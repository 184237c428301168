import { moveCreate, moveKindLabels, type MoveCreate } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import type { ReadFormRow } from '../../../documents/xlsx/headed.ts';
import { messages, type Words } from '../../../i18n/messages.ts';
import { todayIso, vnDate } from '../../../lib/dates.ts';
import { createMovesIn } from '../../moves/moves.service.ts';
import type { CheckedSheet, ImportKindDef } from '../kind.ts';
import { issuesFor, peopleOfRows, unitLookup, whoIs, type UnitLookup } from '../lookups.ts';
import type { StoredPerson, UnitHit } from '../lookups.repository.ts';
import { RowReader, writablePerson } from '../rows.ts';
import { MOVE_COLUMNS, MOVES_EXAMPLE, MOVES_FORM, type MoveKey } from './moves.columns.ts';
import { movesOf } from './moves.import.repository.ts';

const KEYS = MOVE_COLUMNS.map((c) => c.key);
const ISSUES = issuesFor<MoveKey>(MOVE_COLUMNS);
const FIELD_KEY: Record<string, MoveKey> = { fromUnitId: 'fromUnit', toUnitId: 'toUnit' };
/** The move's fields read from the cells; the units are checked by name, then given their ids. */
const fields = moveCreate.omit({ fromUnitId: true, toUnitId: true });

interface Row {
  reader: RowReader<MoveKey>;
  person: StoredPerson | null;
  move: MoveCreate | null;
}

/** A link of a person's chain: stored, or a row of the file. */
interface Link {
  row: Row | null;
  from: number;
  to: number;
  date: string;
}

/** The unit a cell names, on the day of the move: it must exist that day. */
function unitOn(reader: RowReader<MoveKey>, key: 'fromUnit' | 'toUnit', units: UnitLookup, day: string | undefined) {
  const cell = reader.cells[key];
  if (!cell) return null;
  const found = units.find(cell);
  if ('error' in found) {
    reader.fail(key, found.error, found.ids);
    return null;
  }
  const u: UnitHit = found.unit;
  if (key === 'toUnit' && u.writable !== 1) {
    reader.fail(
      key,
      {
        vi: `Bạn không có quyền cập nhật hồ sơ cán bộ của ${u.name}`,
        en: `You are not allowed to update the cadres’ records of ${u.name}`,
      },
      [u.id],
    );
  } else if (key === 'fromUnit' && u.readable !== 1) {
    reader.fail(key, {
      vi: `không có đơn vị mã hoặc tên "${cell}" trong phạm vi bạn được xem`,
      en: `no unit with the code or name "${cell}" is within what you may see`,
    });
  } else if (day && u.valid_from > day) {
    reader.fail(key, messages.unitNotYet(u.name, day, u.valid_from), [u.id]);
  } else if (day && u.valid_to !== null && u.valid_to <= day) {
    reader.fail(key, messages.unitCeased(u.name, u.valid_to), [u.id]);
  } else return u;
  return null;
}

/**
 * A cadre's transfers, checked as the moves form checks them (moves.service.ts: a writable person
 * and unit moved to, units existing that day, no date after today, one move a day, an unbroken
 * chain) over the stored moves and the sheet's together, and written through `createMovesIn` (the
 * person's unit of today and the credits of their classes follow). The same person, date and unit
 * moved to as a stored move is that move: skipped.
 */
async function checkMoves(tx: Tx, actor: Actor, sheetRows: readonly ReadFormRow[]): Promise<CheckedSheet> {
  const today = todayIso();
  const readers = sheetRows.map((r) => {
    const reader = new RowReader<MoveKey>(r, KEYS, ISSUES);
    for (const key of ['nationalId', 'fullName', 'decision', 'notes'] as const) reader.text(key);
    reader.date('birthDate');
    reader.date('moveDate');
    reader.date('decisionDate');
    reader.word('moveKind', moveKindLabels);
    reader.required('moveKind', 'fromUnit', 'toUnit', 'moveDate');
    return reader;
  });
  const found = await peopleOfRows(tx, actor, readers);
  const units = await unitLookup(
    tx,
    actor,
    readers.flatMap((r) => [r.cells.fromUnit ?? '', r.cells.toUnit ?? '']),
  );
  const rows: Row[] = readers.map((reader, i) => {
    const f = reader.parse(fields, (field) => FIELD_KEY[field] ?? (field as MoveKey));
    const day = f?.moveDate;
    const notAfterToday = messages.notAfterToday(today);
    if (f && f.moveDate > today) reader.fail('moveDate', notAfterToday);
    if (f?.decisionDate && f.decisionDate > today) reader.fail('decisionDate', notAfterToday);
    const person = writablePerson(reader, found[i]!);
    const from = unitOn(reader, 'fromUnit', units, day);
    const to = unitOn(reader, 'toUnit', units, day);
    if (from && to && from.id === to.id)
      reader.fail('toUnit', { vi: 'phải khác Từ đơn vị', en: 'must differ from "From unit"' });
    const move = f && from && to && !reader.failed ? { ...f, fromUnitId: from.id, toUnitId: to.id } : null;
    return { reader, person, move };
  });

  // Each person's chain: the stored moves and the sheet's, in date order.
  const chains = new Map<number, Link[]>();
  for (const m of await movesOf(
    tx,
    rows.flatMap((r) => (r.person ? [r.person.id] : [])),
  )) {
    const chain = chains.get(m.person_id) ?? [];
    chain.push({ row: null, from: m.from_unit_id, to: m.to_unit_id, date: m.move_date });
    chains.set(m.person_id, chain);
  }
  const names = new Map(units.units.map((u) => [u.id, u.name]));
  const nameOf = (id: number): Words => {
    const name = names.get(id);
    return name ? { vi: name, en: name } : { vi: `đơn vị số ${id}`, en: `unit number ${id}` };
  };
  let skip = 0;
  const added = new Set<number>();
  for (const r of rows) {
    if (!r.move || !r.person) continue;
    const chain = chains.get(r.person.id) ?? [];
    const sameDay = chain.find((l) => l.date === r.move!.moveDate);
    if (sameDay?.row === null && sameDay.to === r.move.toUnitId && sameDay.from === r.move.fromUnitId) {
      skip++;
      r.move = null;
      continue;
    }
    if (sameDay) {
      const who = whoIs(r.person);
      const date = vnDate(sameDay.date);
      r.reader.fail(
        'moveDate',
        sameDay.row
          ? {
              vi: `${who.name.vi} đã có lần điều chuyển ngày ${date} ở dòng ${sameDay.row.reader.row} của tệp`,
              en: `${who.name.en} already has a move on ${date} on row ${sameDay.row.reader.row} of the file`,
            }
          : {
              vi: `${who.name.vi} đã có một lần điều chuyển ngày ${date}: mỗi ngày chỉ ghi một lần`,
              en: `${who.name.en} already has a move on ${date}: one move a day`,
            },
        who.ids,
      );
      continue;
    }
    chain.push({ row: r, from: r.move.fromUnitId, to: r.move.toUnitId, date: r.move.moveDate });
    chain.sort((a, b) => (a.date < b.date ? -1 : 1));
    chains.set(r.person.id, chain);
    added.add(r.person.id);
  }
  // The chain must hold: each move leaves the unit the one before it reached.
  for (const personId of added) {
    const chain = chains.get(personId)!;
    chain.forEach((l, i) => {
      const before = chain[i - 1];
      const after = chain[i + 1];
      if (!l.row) return;
      const { reader } = l.row;
      if (before && before.to !== l.from) {
        const [at, from] = [nameOf(before.to), nameOf(l.from)];
        reader.fail(
          'fromUnit',
          {
            vi: `ngày ${vnDate(l.date)} cán bộ đang ở ${at.vi} (điều chuyển đến ngày ${vnDate(before.date)}), không ở ${from.vi}`,
            en: `on ${vnDate(l.date)} the cadre is in ${at.en} (moved there on ${vnDate(before.date)}), not in ${from.en}`,
          },
          [personId],
        );
      } else if (after && after.from !== l.to && !after.row) {
        const next = nameOf(after.from);
        reader.fail(
          'toUnit',
          {
            vi: `lần điều chuyển sau (ngày ${vnDate(after.date)}) đi từ ${next.vi}, nên lần này phải đến ${next.vi}`,
            en: `the next move (on ${vnDate(after.date)}) leaves ${next.en}, so this one must reach ${next.en}`,
          },
          [personId],
        );
      }
    });
  }
  const valid = rows.filter((r) => r.move && r.person && !r.reader.failed);
  const byPerson = new Map<number, MoveCreate[]>();
  for (const r of valid) byPerson.set(r.person!.id, [...(byPerson.get(r.person!.id) ?? []), r.move!]);
  return {
    issues: rows.flatMap((r) => r.reader.issues),
    counts: { create: valid.length, update: 0, skip },
    writes: byPerson.size,
    write: async (progress) => {
      let done = 0;
      for (const [personId, moves] of byPerson) {
        await progress(done++);
        await createMovesIn(tx, actor, personId, moves);
      }
    },
  };
}

/** A cadre's moves between units. */
export const movesImport: ImportKindDef = {
  kind: 'moves',
  form: () => Promise.resolve(MOVES_FORM),
  example: MOVES_EXAMPLE,
  limits: { maxRows: 100_010, maxCellsPerRow: 32, maxUnpacked: 256 * 2 ** 20, maxSharedStrings: 32 * 2 ** 20 },
  check: checkMoves,
};
