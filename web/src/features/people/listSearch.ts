import { routes } from '@canbo/contract';
import { listSearch } from '../../lib/listSearch';

/** The cadre list's filters in the address, read as the API reads the list's query. */
export const readPeopleSearch = listSearch(routes.people.list);
