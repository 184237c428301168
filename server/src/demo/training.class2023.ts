import type { Title, UnitKind } from '@canbo/contract';
import { revokeCertificate } from '../modules/training/certificates/certificates.service.ts';
import { createAllocation } from '../modules/training/enrolments/allocations.service.ts';
import { nominatePeople } from '../modules/training/enrolments/nominate.service.ts';
import type { DemoCadres, DemoPosition } from './cadres.ts';
import { addPositions } from './load.cadres.ts';
import { unitId, type Loader } from './loader.ts';
import { flatten } from './organisation.ts';
import { Random } from './random.ts';
import { addDays } from '../lib/dates.ts';
import { openTitleClass, type DemoProgrammes } from './training.ts';
import { holdClass } from './training.held.ts';

/**
 * The article's class: Tỉnh đoàn Đắk Nông's June 2023 title class for the secretaries and deputy
 * secretaries of its grassroots unions, with Trường Chính trị tỉnh. It is loaded on the 2023 tree,
 * before the 2025 restructuring is applied: the seats go to the district-level unions of the time
 * and each nomination copies the trainee's unit and title as they stood.
 *
 * The article counts 243 trainees; the demo's cadre generator gives each grassroots union a
 * secretary and about half of them a deputy, so the class has every one of them there is — 93, from
 * eight district unions and three sector/armed-forces unions. Nobody is invented to fill it up.
 */

export const CLASS_2023 = {
  start: '2023-06-13',
  end: addDays('2023-06-13', 2),
  capacity: 250,
};

/** Đoàn cơ sở and chi đoàn cơ sở: the unions whose secretaries the title class trains. */
const GRASSROOTS_KINDS: readonly UnitKind[] = ['grassroots', 'standalone_branch'];
const TITLES: readonly Title[] = ['secretary', 'deputy_secretary'];

export interface Class2023 {
  /** District-level union of 2023 → the seats of its grassroots secretaries and deputies on the class days. */
  trainees: Map<string, DemoPosition[]>;
  /** District-level union → its grassroots unions: the province gives two seats to each. */
  unions: Map<string, number>;
}

/** Who sat the class, from the generated cadres: every grassroots secretary and deputy of Đắk Nông on its days. */
export function planClass2023(cadres: DemoCadres): Class2023 {
  const all = flatten();
  const parentOf = new Map(all.map((x) => [x.unit.code, x.parent]));
  const byCode = new Map(all.map((x) => [x.unit.code, x.unit]));
  /** The union directly under Tỉnh đoàn Đắk Nông that a unit belonged to in 2023. */
  const districtOf = (code: string): string | null => {
    let c = code;
    for (let p = parentOf.get(c); p; c = p, p = parentOf.get(c)) if (p === 'DNO') return c;
    return null;
  };
  const grassroots = (code: string) => {
    const u = byCode.get(code);
    return u !== undefined && u.organisation === 'doan' && GRASSROOTS_KINDS.includes(u.kind);
  };
  const plan: Class2023 = { trainees: new Map(), unions: new Map() };
  for (const { unit } of all) {
    const d = grassroots(unit.code) ? districtOf(unit.code) : null;
    if (d) plan.unions.set(d, (plan.unions.get(d) ?? 0) + 1);
  }
  for (const p of cadres.before) {
    if (!TITLES.includes(p.title) || !grassroots(p.unit)) continue;
    if (p.startDate > CLASS_2023.start || (p.endDate !== null && p.endDate < CLASS_2023.end)) continue;
    const d = districtOf(p.unit);
    if (d) plan.trainees.set(d, [...(plan.trainees.get(d) ?? []), p]);
  }
  return plan;
}

/** The trainees' seats, entered by the class loader rather than with the other positions before 2025. */
export function traineeSeats(plan: Class2023): Set<DemoPosition> {
  return new Set([...plan.trainees.values()].flat());
}

/**
 * The trainees' seats, with the dates the generator gives them (those the 2025 restructuring ends
 * end then): a nomination into a class that has begun records the titles held on its first day.
 */
async function seatTrainees(l: Loader, plan: Class2023): Promise<void> {
  await addPositions(l, [...traineeSeats(plan)]);
}

const REVOKE_REASON =
  'Bài thu hoạch sao chép bài của học viên khác; thu hồi theo Quyết định số 745-QĐ/TĐTN-BTC ' +
  'của Ban Thường vụ Tỉnh đoàn';

/**
 * Open → seats for each district-level union (two per grassroots union) → each union nominates its
 * grassroots secretaries and deputies → held, graded and certified → one certificate revoked.
 */
export async function addTitleClass2023(l: Loader, plan: Class2023, programmes: DemoProgrammes): Promise<number> {
  await seatTrainees(l, plan);
  const classId = await openTitleClass(
    l,
    {
      organiser: 'DNO',
      start: CLASS_2023.start,
      partner: 'Trường Chính trị tỉnh Đắk Nông',
      place: 'Trường Chính trị tỉnh Đắk Nông, Gia Nghĩa',
      capacity: CLASS_2023.capacity,
      decision: 'Quyết định số 512-QĐ/TĐTN-BTC',
    },
    programmes.title,
  );
  // While the class is open: seats to the district-level unions, then their nominations.
  for (const [district, seats] of plan.trainees) {
    const allocation = await createAllocation(l.ctx, l.actor, {
      classId,
      unitId: unitId(l, district),
      seats: 2 * (plan.unions.get(district) ?? 0),
    });
    await nominatePeople(l.ctx, l.actor, {
      classId,
      allocationId: allocation.id,
      personIds: seats.map((p) => l.people.get(p.person)!),
    });
  }
  const rng = new Random(20230613);
  const { certificates } = await holdClass(l, classId, rng, { shortfall: 0.06 });
  const revoked = rng.pick(certificates);
  await revokeCertificate(l.ctx, l.actor, { id: revoked.id, version: revoked.version, reason: REVOKE_REASON });
  return classId;
}
