import { reportCellKey, routes } from '@canbo/contract';
import { listSearch, type ListSearch } from '../../lib/listSearch';

/**
 * A report's parameters in the address, read as the API reads them, and the number whose rows are
 * open (`cell`): a link from elsewhere (the dashboard) lands on the rows behind its figure.
 */
const pageKeys = { cell: reportCellKey };
export const readReportSearch = listSearch(routes.reports.get, pageKeys);
export type ReportSearch = ListSearch<typeof routes.reports.get, typeof pageKeys>;
