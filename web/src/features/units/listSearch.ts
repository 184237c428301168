import { z } from 'zod';
import { isoDate, routes } from '@canbo/contract';
import { listSearch, type ListSearch } from '../../lib/listSearch';

/** The tree view's keys, which the list API does not take: the view, the date drawn, ended units shown. */
const pageKeys = {
  view: z.enum(['table', 'tree']),
  asOf: isoDate,
  ended: z.literal('true').transform(() => true),
};

/** The units page's state in the address, read as the API reads the list's query. */
export const readUnitsSearch = listSearch(routes.units.list, pageKeys);
export type UnitsSearch = ListSearch<typeof routes.units.list, typeof pageKeys>;
