import { routes } from '@canbo/contract';
import { listSearch, type ListSearch } from '../../lib/listSearch';

/** The scheme list's state in the address, read as the API reads the list's query. */
export const readSchemeSearch = listSearch(routes.schemes.list);
export type SchemeSearch = ListSearch<typeof routes.schemes.list>;

/** A drill-down's address: the year or unit of the figure, and the page. */
export const readRowsSearch = listSearch(routes.schemes.rows);
export type RowsSearch = ListSearch<typeof routes.schemes.rows>;
