import { createAllocation } from '../modules/training/enrolments/allocations.service.ts';
import { nominateByFilter } from '../modules/training/enrolments/nominate.service.ts';
import { unitId, type Loader } from './loader.ts';
import { DEMO_COMMUNE } from './load.users.ts';

/**
 * Lâm Đồng's next class is taking nominations: a few commune unions have seats, and one of them
 * has already called its secretary and deputies. Đoàn xã Cư Jút, which the `cujut` login edits, has
 * all its seats still free — a visitor (and the browser test) nominates its cadres there.
 */
export const UPCOMING_SEATS: Record<string, number> = {
  [DEMO_COMMUNE]: 10,
  'LDO-X-NAMDONG': 6,
  'LDO-X-DAKWIL': 6,
  'LDO-X-BACGIANGHIA': 8,
  'LDO-X-XUANHUONG': 6,
  'LDO-X-PHANTHIET': 6,
};

/** The commune that has nominated already. */
export const UPCOMING_NOMINATING = 'LDO-X-BACGIANGHIA';

export async function takeNominations(l: Loader, classId: number): Promise<void> {
  for (const [code, seats] of Object.entries(UPCOMING_SEATS)) {
    const allocation = await createAllocation(l.ctx, l.actor, { classId, unitId: unitId(l, code), seats });
    if (code !== UPCOMING_NOMINATING) continue;
    // Today's secretaries and deputies of the commune union and the school unions under it.
    await nominateByFilter(l.ctx, l.actor, {
      classId,
      allocationId: allocation.id,
      filter: {
        within: unitId(l, code),
        titles: ['secretary', 'deputy_secretary'],
        unitKinds: ['commune', 'grassroots'],
      },
    });
  }
}
