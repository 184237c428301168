import { levelOfUnitKind, type ClassLevel } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import { countDays } from './days.ts';

/** A trip of the subtree's cadres touching a period, with the days of it inside the period. */
export interface PeriodTrip {
  id: number;
  personId: number;
  personName: string;
  unitName: string;
  level: ClassLevel;
  hostUnitName: string;
  startDate: string;
  endDate: string;
  /** Its days inside the period: all of them, or the part the period cuts off. */
  days: number;
}

/**
 * The trips credited to units of the subtree (their cadre's unit on the first day, as the figures)
 * that overlap [from, to], the actor's scope in the SQL. The visits page's totals (a calendar year)
 * and the grassroots visits report (any period) both count from this list, so they cannot disagree.
 */
export async function findTripsInPeriod(
  tx: Tx,
  actor: Actor,
  unitId: number,
  period: { from: string; to: string },
): Promise<PeriodTrip[]> {
  const rows = await tx.q
    .selectFrom('visit_trips as t')
    .innerJoin('unit_closure as c', 'c.descendant_id', 't.person_unit_id')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .innerJoin('units as u', 'u.id', 't.person_unit_id')
    .innerJoin('units as h', 'h.id', 't.host_unit_id')
    .where('c.ancestor_id', '=', unitId)
    .where((eb) => inScope(eb, actor, 'person.read', 't.person_unit_id'))
    .where('t.start_date', '<=', period.to)
    .where('t.end_date', '>=', period.from)
    .select([
      't.id',
      't.person_id',
      'p.full_name',
      'u.name as unit_name',
      't.person_unit_kind',
      'h.name as host_unit_name',
      't.start_date',
      't.end_date',
      't.days',
    ])
    .orderBy('t.start_date')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    personName: r.full_name,
    unitName: r.unit_name,
    level: levelOfUnitKind[r.person_unit_kind],
    hostUnitName: r.host_unit_name,
    startDate: r.start_date,
    endDate: r.end_date,
    days: daysInside(r.start_date, r.end_date, Number(r.days), period),
  }));
}

/**
 * A trip's days inside the period. The stored count follows the day counting in force when it was
 * logged; it equals the calendar count exactly when that was calendar days or the trip has no
 * weekend, and in both cases counting the cut-off part the same way is right.
 */
function daysInside(start: string, end: string, days: number, period: { from: string; to: string }): number {
  if (start >= period.from && end <= period.to) return days;
  const counting = countDays(start, end, 'calendar') === days ? 'calendar' : 'working';
  return countDays(start < period.from ? period.from : start, end > period.to ? period.to : end, counting);
}

/** Levels from the top down, as the totals list them. */
export const LEVEL_ORDER: readonly ClassLevel[] = ['central', 'province', 'district', 'commune', 'grassroots'];

/** Trips and days by the cadre's level, the levels with trips only, top down. */
export function totalsByLevel(trips: readonly PeriodTrip[]): { level: ClassLevel; trips: number; days: number }[] {
  return LEVEL_ORDER.flatMap((level) => {
    const of = trips.filter((t) => t.level === level);
    return of.length ? [{ level, trips: of.length, days: of.reduce((s, t) => s + t.days, 0) }] : [];
  });
}
