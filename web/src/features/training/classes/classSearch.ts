import { classLevels, classStatuses, type ClassLevel, type ClassStatus, type TrainingClass } from '@canbo/contract';
import { compact, intIn, isoDateOf, oneOf, positiveId, str } from '../search';

/** The class list's state in the address, so a filtered list can be bookmarked and shared. */
export interface ClassSearch {
  q?: string;
  organiserWithin?: number;
  status?: ClassStatus;
  kindCode?: string;
  level?: ClassLevel;
  from?: string;
  to?: string;
  sort?: 'startDate' | 'name' | 'status';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export function parseClassSearch(raw: Record<string, unknown>): ClassSearch {
  return compact<ClassSearch>({
    q: str(raw.q),
    organiserWithin: positiveId(raw.organiserWithin),
    status: oneOf(raw.status, classStatuses),
    kindCode: typeof raw.kindCode === 'string' && /^[a-z0-9_]{1,40}$/.test(raw.kindCode) ? raw.kindCode : undefined,
    level: oneOf(raw.level, classLevels),
    from: isoDateOf(raw.from),
    to: isoDateOf(raw.to),
    sort: oneOf(raw.sort, ['startDate', 'name', 'status'] as const),
    order: oneOf(raw.order, ['asc', 'desc'] as const),
    page: intIn(raw.page, 1, 100_000),
    pageSize: intIn(raw.pageSize, 1, 200),
  });
}

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

export function parseClassPageSearch(raw: Record<string, unknown>): { tab?: ClassTab } {
  return compact({ tab: oneOf(raw.tab, classTabs) });
}

/**
 * The tabs a class shows. A class recorded by its headcount has no roster: its numbers take the
 * place of seats, trainees, attendance, results and certificates. Attendance, results and
 * certificates are the organiser's work; a unit editor nominating into its seats sees its own
 * allocations and trainees (the server lists only those).
 */
export function tabsFor(cls: Pick<TrainingClass, 'headcount' | 'canManage'>): ClassTab[] {
  if (cls.headcount) return ['info', 'sessions', 'headcount'];
  const tabs: ClassTab[] = ['info', 'sessions', 'allocations', 'trainees'];
  return cls.canManage ? [...tabs, 'attendance', 'results', 'certificates'] : tabs;
}
