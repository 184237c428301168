import { visitTripCreate } from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import type { ReadFormRow } from '../../../documents/xlsx/headed.ts';
import { vnDate } from '../../../lib/dates.ts';
import { checkTrip, insertCheckedTrip, type CheckedTrip } from '../../visits/visits.service.ts';
import type { CheckedSheet, ImportKindDef, RowProgress } from '../kind.ts';
import { issuesFor, peopleOfRows, unitLookup } from '../lookups.ts';
import { RowReader, ruleCheck, writablePerson } from '../rows.ts';
import { VISIT_COLUMNS, VISITS_EXAMPLE, VISITS_FORM, type VisitKey } from './visits.columns.ts';
import { tripsOf } from './visits.import.repository.ts';

const KEYS = VISIT_COLUMNS.map((c) => c.key);
const ISSUES = issuesFor<VisitKey>(VISIT_COLUMNS);
const fields = visitTripCreate.omit({ personId: true, hostUnitId: true });
type Trip = z.output<typeof visitTripCreate>;
const keyOf = (field: string): VisitKey | null =>
  field === 'hostUnitId'
    ? 'hostUnit'
    : field === 'personId'
      ? 'fullName'
      : (KEYS as string[]).includes(field)
        ? (field as VisitKey)
        : null;

/**
 * Grassroots visit trips, each checked once by the trip form's own rule (`checkTrip`: the person
 * writable, a host unit below theirs, days to count, no overlapping trip) and, at the commit, written
 * as checked (`insertCheckedTrip`, in the same transaction). A trip stored with the same cadre, dates
 * and host unit is skipped.
 */
async function checkVisits(
  tx: Tx,
  actor: Actor,
  sheetRows: readonly ReadFormRow[],
  progress: RowProgress,
): Promise<CheckedSheet> {
  const readers = sheetRows.map((r) => {
    const reader = new RowReader<VisitKey>(r, KEYS, ISSUES);
    for (const key of ['nationalId', 'fullName', 'purpose'] as const) reader.text(key);
    for (const key of ['birthDate', 'startDate', 'endDate'] as const) reader.date(key);
    reader.required('hostUnit', 'startDate', 'endDate', 'purpose');
    return reader;
  });
  const found = await peopleOfRows(tx, actor, readers);
  const units = await unitLookup(
    tx,
    actor,
    readers.map((r) => r.cells.hostUnit ?? ''),
  );
  const stored = await tripsOf(
    tx,
    found.flatMap((f) => ('person' in f ? [f.person.id] : [])),
  );
  const same = new Set(stored.map((s) => `${s.person_id}|${s.host_unit_id}|${s.start_date}|${s.end_date}`));
  const plans: CheckedTrip[] = [];
  // The file's own trips, by person: two may not overlap either.
  const filed = new Map<number, { row: number; start: string; end: string }[]>();
  let skip = 0;
  for (const [i, reader] of readers.entries()) {
    // Each row runs the feature's own check (a few queries): the progress bar follows this loop.
    await progress(i);
    const f = reader.parse(fields);
    // A cadre may record their own trips (as the trip form lets them).
    const person = writablePerson(reader, found[i]!, actor.personId);
    if (!person) continue;
    const host = reader.cells.hostUnit ? units.find(reader.cells.hostUnit) : null;
    if (host && 'error' in host) reader.fail('hostUnit', host.error, host.ids);
    if (!f || !host || !('unit' in host) || reader.failed) continue;
    const trip: Trip = { ...f, personId: person.id, hostUnitId: host.unit.id };
    if (same.has(`${trip.personId}|${trip.hostUnitId}|${trip.startDate}|${trip.endDate}`)) {
      skip++;
      continue;
    }
    const mine = filed.get(trip.personId) ?? [];
    const clash = mine.find((t) => t.start <= trip.endDate && t.end >= trip.startDate);
    if (clash) {
      reader.fail(
        'startDate',
        {
          vi: `trùng với đợt đi cơ sở từ ${vnDate(clash.start)} đến ${vnDate(clash.end)} ở dòng ${clash.row} của tệp`,
          en: `overlaps the trip from ${vnDate(clash.start)} to ${vnDate(clash.end)} on row ${clash.row} of the file`,
        },
        [trip.personId],
      );
      continue;
    }
    const checked = await ruleCheck(reader, keyOf, () => checkTrip(tx, actor, trip));
    if (!checked) continue;
    mine.push({ row: reader.row, start: trip.startDate, end: trip.endDate });
    filed.set(trip.personId, mine);
    plans.push(checked.ok);
  }
  return {
    issues: readers.flatMap((r) => r.issues),
    counts: { create: plans.length, update: 0, skip },
    writes: plans.length,
    write: async (progress) => {
      for (const [done, p] of plans.entries()) {
        await progress(done);
        await insertCheckedTrip(tx, actor, p);
      }
    },
  };
}

/** Grassroots "1+2" visit trips. */
export const visitsImport: ImportKindDef = {
  kind: 'visits',
  form: () => Promise.resolve(VISITS_FORM),
  example: VISITS_EXAMPLE,
  limits: { maxRows: 100_010, maxCellsPerRow: 32, maxUnpacked: 256 * 2 ** 20, maxSharedStrings: 32 * 2 ** 20 },
  check: checkVisits,
};
