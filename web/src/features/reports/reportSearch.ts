import { routes } from '@canbo/contract';
import { listSearch, type ListSearch } from '../../lib/listSearch';

/** A report's parameters in the address, read as the API reads them. */
export const readReportSearch = listSearch(routes.reports.get);
export type ReportSearch = ListSearch<typeof routes.reports.get>;
