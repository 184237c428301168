import type { TrainingClass } from '@canbo/contract';
import { formatDate } from '../../../lib/format';

/** "01/03/2025 – 03/03/2025", or one date for a one-day class. */
export function classDates(c: Pick<TrainingClass, 'startDate' | 'endDate'>): string {
  return c.startDate === c.endDate ? formatDate(c.startDate) : `${formatDate(c.startDate)} – ${formatDate(c.endDate)}`;
}
