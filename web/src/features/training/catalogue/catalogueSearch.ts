import { routes } from '@canbo/contract';
import { listSearch } from '../../../lib/listSearch';

/** The programme list's address, read as the API reads its query (kept apart from api.ts so the shell's router loads no page code). */
export const readProgrammeSearch = listSearch(routes.catalog.programmes);
