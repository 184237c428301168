import { z } from 'zod';
import { routes } from '@canbo/contract';
import { listSearch, type ListSearch } from '../../lib/listSearch';

/**
 * The page's own keys, which the list API does not take: the view (the tree unless the table is
 * asked for) and whether the tree shows ended units. The date (`asOf`) is the list's own key: one
 * date governs the tree, the table and the navigator's tree beside them.
 */
const pageKeys = {
  view: z.enum(['table', 'tree']),
  ended: z.literal('true').transform(() => true),
};

/** The units page's state in the address, read as the API reads the list's query. */
export const readUnitsSearch = listSearch(routes.units.list, pageKeys);
export type UnitsSearch = ListSearch<typeof routes.units.list, typeof pageKeys>;
