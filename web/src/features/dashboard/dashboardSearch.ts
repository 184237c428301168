import { routes } from '@canbo/contract';
import { listSearch, type ListSearch } from '../../lib/listSearch';

/** The dashboard's unit and period in the address, read as the API reads them. */
export const readDashboardSearch = listSearch(routes.dashboard.get);
export type DashboardSearch = ListSearch<typeof routes.dashboard.get>;

/** The spans the period picker offers, in years ending with the year chosen. */
export const SPANS = [1, 5, 10, 15] as const;

/** The year and span an address stands for (this year alone by default). */
export function periodOf(search: DashboardSearch, thisYear: number): { year: number; span: number } {
  const year = search.to ? Number(search.to.slice(0, 4)) : search.from ? Number(search.from.slice(0, 4)) : thisYear;
  const first = search.from ? Number(search.from.slice(0, 4)) : year;
  return { year, span: Math.max(1, year - first + 1) };
}

/** The address of a year and span: whole years. */
export function periodSearch(year: number, span: number): { from: string; to: string } {
  return { from: `${year - span + 1}-01-01`, to: `${year}-12-31` };
}
