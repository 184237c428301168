import { z } from 'zod';
import { routes, type TrainingClass } from '@canbo/contract';
import { listSearch, type ListSearch } from '../../../lib/listSearch';

/** The class list's state in the address, read as the API reads the list's query. */
export const readClassSearch = listSearch(routes.training.classes);
export type ClassSearch = ListSearch<typeof routes.training.classes>;

/** The tabs of a class page; which of them a class shows depends on the class and the user. */
const classTabs = [
  'info',
  'sessions',
  'allocations',
  'trainees',
  'headcount',
  'attendance',
  'results',
  'certificates',
] as const;
export type ClassTab = (typeof classTabs)[number];

/** A class page's address holds only the tab shown (the class route takes no query). */
export const readClassPageSearch = listSearch(routes.training.class, { tab: z.enum(classTabs) });

/**
 * The tabs a class shows. A class recorded by its headcount has no roster: its numbers take the
 * place of seats, trainees, attendance, results and certificates. Readers of the organiser unit see
 * the whole class — attendance, results and certificates too, read-only unless they manage it; a
 * unit editor nominating into its seats sees its own allocations and trainees (the server lists
 * only those).
 */
export function tabsFor(cls: Pick<TrainingClass, 'headcount' | 'readsAll'>): ClassTab[] {
  if (cls.headcount) return ['info', 'sessions', 'headcount'];
  const tabs: ClassTab[] = ['info', 'sessions', 'allocations', 'trainees'];
  return cls.readsAll ? [...tabs, 'attendance', 'results', 'certificates'] : tabs;
}
