import {
  reportExportQuery,
  reportList,
  reportParams,
  reportQuery,
  reportResult,
  reportRowPage,
  reportRowsExportQuery,
  reportRowsQuery,
} from '../reports.ts';
import { defineRoute } from './define.ts';

const tags = ['reports'];

/**
 * Reports: counted from the records in the actor's scope (inside the SQL), over a unit subtree the
 * actor may read (by default the actor's first granted unit). Every number links to its rows.
 */
export const reports = {
  /** The reports the actor may run. */
  list: defineRoute({ method: 'GET', path: '/reports', tags, responses: { 200: reportList } }),
  get: defineRoute({
    method: 'GET',
    path: '/reports/:reportName',
    tags,
    params: reportParams,
    query: reportQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, at: '2024-06-30' }),
    responses: { 200: reportResult },
  }),
  /** The rows behind one number (`cell`, as the report gave it). */
  rows: defineRoute({
    method: 'GET',
    path: '/reports/:reportName/rows',
    tags,
    params: reportParams,
    query: reportRowsQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, at: '2024-06-30', cell: 'total:total', pageSize: 200 }),
    responses: { 200: reportRowPage },
  }),
  rowsExport: defineRoute({
    method: 'GET',
    path: '/reports/:reportName/rows.xlsx',
    tags,
    params: reportParams,
    query: reportRowsExportQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, at: '2024-06-30', cell: 'total:total' }),
    file: 'xlsx',
  }),
  /** The report as .xlsx (the form's header, numbers as numbers) or .docx (the Union's document format). */
  export: defineRoute({
    method: 'GET',
    path: '/reports/:reportName/export',
    tags,
    params: reportParams,
    query: reportExportQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, at: '2024-06-30', format: 'docx' as const }),
    file: 'docx',
  }),
};
