import { expect } from 'vitest';
import type { ReportResult, ReportRowPage } from '@canbo/contract';
import type { App } from '../src/http.ts';
import { as, type Session } from './http.ts';

/**
 * A report's requests as its tests make them (the app is read when asked: tests build it in
 * `beforeAll`): a GET that must answer 200, the report, and the rows behind a number (up to 200).
 */
export function reportRequests(app: () => App, url: string) {
  const get = async (s: Session, path: string) => {
    const res = await as(app(), s).get(path);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  return {
    get,
    report: async (s: Session, query: string) => (await get(s, `${url}?${query}`)).json<ReportResult>(),
    rows: async (s: Session, query: string) =>
      (await get(s, `${url}/rows?pageSize=200&${query}`)).json<ReportRowPage>(),
  };
}

/** Each row of a report's first table: its name and its numbers (a section's heading has none). */
export const rowFigures = (r: ReportResult) =>
  r.tables[0]!.rows.map((row) => [row.labels[1], ...row.values.map((v) => v.value)]);
