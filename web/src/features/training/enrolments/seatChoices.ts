import type { TFunction } from 'i18next';
import type { Allocation, TrainingClass } from '@canbo/contract';

/** The organiser's own seats (capacity − all allocations): a nomination without an allocation. */
const OWN_SEATS = 'own';
export type SeatChoice = number | typeof OWN_SEATS;

export interface SeatOption {
  value: SeatChoice;
  label: string;
  /** Whose cadres may take these seats: the allocated unit's subtree, or the organiser's. */
  unitId: number;
}

/**
 * The seats the user may fill: allocations they nominate for, and — for the organiser — the class's
 * own seats. Each says how many are still free.
 */
export function seatOptions(t: TFunction, cls: TrainingClass, allocations: readonly Allocation[]): SeatOption[] {
  const options: SeatOption[] = allocations
    .filter((a) => a.canNominate)
    .map((a) => ({
      value: a.id,
      unitId: a.unitId,
      label: t('training:nominate.allocationOption', {
        unit: a.unitName,
        free: Math.max(a.seats - a.used, 0),
        seats: a.seats,
      }),
    }));
  if (cls.canManage) {
    options.push({
      value: OWN_SEATS,
      unitId: cls.organiserUnitId,
      label: t('training:nominate.ownSeats', { unit: cls.organiserUnitName }),
    });
  }
  return options;
}

/** What both nomination forms (one cadre, or a filter) are given. */
export interface NominationModalProps {
  cls: TrainingClass;
  seats: SeatOption[];
  open: boolean;
  onClose: () => void;
}

export const allocationIdOf = (c: SeatChoice | null | undefined): number | null =>
  c === OWN_SEATS || c === null || c === undefined ? null : c;
