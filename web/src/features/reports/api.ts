import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes, type QueryValues, type ReportName } from '@canbo/contract';
import { call } from '../../api/client';

export const REPORTS_KEY = ['reports'] as const;

export type ReportFilter = QueryValues<typeof routes.reports.get>;

export function useReportList() {
  return useQuery({ queryKey: [...REPORTS_KEY, 'list'], queryFn: () => call(routes.reports.list) });
}

export function useReport(name: ReportName, filter: ReportFilter, enabled = true) {
  return useQuery({
    queryKey: [...REPORTS_KEY, name, filter],
    queryFn: () => call(routes.reports.get, { params: { reportName: name }, query: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReportRows(
  name: ReportName,
  filter: ReportFilter,
  cell: string | null,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...REPORTS_KEY, name, 'rows', filter, cell, page, pageSize],
    queryFn: () =>
      call(routes.reports.rows, { params: { reportName: name }, query: { ...filter, cell: cell!, page, pageSize } }),
    placeholderData: keepPreviousData,
    enabled: cell !== null,
  });
}
