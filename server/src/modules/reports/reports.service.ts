import {
  reportExportQuery,
  reportQuery,
  reportRowsExportQuery,
  reportRowsQuery,
  type ReportListItem,
  type ReportName,
  type ReportResult,
  type ReportRowItem,
  type ReportRowPage,
} from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { can, grantRoots } from '../../auth/policy.ts';
import { reader, type Ctx, type Tx } from '../../context.ts';
import { issuerOf } from '../../documents/issuer.ts';
import { DOCX, XLSX, fileDate, fileSlug, type DocumentFile } from '../../documents/file.ts';
import type { XlsxColumn, XlsxTable } from '../../documents/xlsx/table.ts';
import { notFound } from '../../errors.ts';
import { todayIso } from '../../lib/dates.ts';
import { fieldError, parseInput } from '../../lib/input.ts';
import { asBuffer } from '../../workers/pool.ts';
import { offsetBatches } from '../../db/keyset.ts';
import { offsetOf } from '../../lib/paging.ts';
import { issuingUnit } from '../training/enrolments/summons.repository.ts';
import type { ReportDefinition, ReportParams } from './report.ts';
import { REPORTS, reportByName } from './reports.ts';
import { firstTopUnit, unitName } from './reports.repository.ts';

/** The training summary's figures, as the report counts them: the dashboard shows them. */
export { trainingSummary, type TrainingSummary } from './training/trainingSummary.ts';

/** Reports count cadres' records: whoever reads people somewhere may run them, over what they read. */
export const mayRun = (actor: Actor) => actor.isSuperadmin || grantRoots(actor, 'person.read').length > 0;

/**
 * The subtree a report (or the dashboard) counts: the unit asked for if the actor reads it, else the
 * actor's first granted unit (a system administrator's: the first top unit); with its name on `day`.
 * A unit the actor does not read is a 404.
 */
export async function reportUnit(
  tx: Tx,
  actor: Actor,
  asked: number | undefined,
  day: string,
): Promise<{ unitId: number; unitName: string }> {
  const unitId = asked ?? grantRoots(actor, 'person.read')[0] ?? (await firstTopUnit(tx));
  if (unitId == null || !(await can(tx, actor, 'person.read', unitId))) throw notFound('Đơn vị');
  const name = await unitName(tx, unitId, day);
  if (name == null) throw notFound('Đơn vị');
  return { unitId, unitName: name };
}

export function listReports(actor: Actor): { items: ReportListItem[] } {
  return {
    items: mayRun(actor)
      ? REPORTS.map((r) => ({
          name: r.name,
          title: r.title,
          period: r.period,
          asksMonths: r.asksMonths ?? false,
          asksScheme: r.asksScheme ?? false,
          asksRounded: r.asksRounded ?? false,
        }))
      : [],
  };
}

function definition(actor: Actor, name: ReportName): ReportDefinition {
  const def = reportByName(name);
  if (!def || !mayRun(actor)) throw notFound('Báo cáo');
  return def;
}

/**
 * The report's parameters, checked with its own schema, with the unit filled in — the one asked
 * for if the actor reads it, else the report's own default if the actor reads it (a scheme's
 * issuing unit), else the actor's first granted unit (a system administrator's: the first top
 * unit) — and a date report's day (today in Vietnam by default).
 */
async function resolve(tx: Tx, actor: Actor, def: ReportDefinition, query: unknown): Promise<ReportParams> {
  const p = parseInput(def.params, query);
  const own = p.unitId === undefined && def.defaultUnit ? await def.defaultUnit(tx, actor, p) : null;
  const usable = own !== null && (await can(tx, actor, 'person.read', own)) ? own : undefined;
  const at = def.period === 'date' ? (p.at ?? todayIso()) : undefined;
  const unit = await reportUnit(tx, actor, p.unitId ?? usable, at ?? p.to ?? todayIso());
  if (def.period === 'range' && p.from && p.to && p.from > p.to) throw fieldError('to', 'phải từ "Từ ngày" trở đi');
  return { ...p, ...(at ? { at } : {}), ...unit };
}

/**
 * The numbers of a report by their cells (a number of 0 has none): what the dashboard shows of a
 * report it links to is the report's own count.
 */
export async function reportCells(
  tx: Tx,
  actor: Actor,
  name: ReportName,
  params: ReportParams,
): Promise<Map<string, number>> {
  const result = await definition(actor, name).compute(tx, actor, params);
  const cells = new Map<string, number>();
  for (const table of result.tables)
    for (const row of table.rows)
      for (const v of row.values) if (v.cell && v.value !== null) cells.set(v.cell, v.value);
  return cells;
}

export async function runReport(ctx: Ctx, actor: Actor, name: ReportName, query: unknown): Promise<ReportResult> {
  const def = definition(actor, name);
  const tx = reader(ctx);
  return def.compute(tx, actor, await resolve(tx, actor, def, parseInput(reportQuery, query)));
}

/** The rows behind the number keyed `cell`, or the refusal of a key the report does not have. */
async function rowsBehind(tx: Tx, actor: Actor, def: ReportDefinition, params: ReportParams, cell: string) {
  const behind = await def.rows(tx, actor, params, cell);
  if (!behind) throw fieldError('cell', 'không phải ô số liệu của báo cáo');
  return behind;
}

export async function reportRows(ctx: Ctx, actor: Actor, name: ReportName, query: unknown): Promise<ReportRowPage> {
  const def = definition(actor, name);
  const q = parseInput(reportRowsQuery, query);
  const tx = reader(ctx);
  const behind = await rowsBehind(tx, actor, def, await resolve(tx, actor, def, q), q.cell);
  const [total, items] = await Promise.all([behind.count(), behind.read({ limit: q.pageSize, offset: offsetOf(q) })]);
  const { label, counting, columns } = behind;
  return { label, ...(counting ? { counting } : {}), columns, items, total, page: q.page, pageSize: q.pageSize };
}

type Numbered = ReportRowItem & { no: number };

/** A batch of the rows behind a number as the export reads them (a list report's: from the list read once). */
const EXPORT_BATCH = 500;

/**
 * The rows behind a number as a list export, read a batch at a time as the file is written, under the
 * report's title lines (nothing is counted for them).
 */
export async function exportReportRows(
  ctx: Ctx,
  actor: Actor,
  name: ReportName,
  query: unknown,
): Promise<{ baseName: string; table: XlsxTable<Numbered> }> {
  const def = definition(actor, name);
  const q = parseInput(reportRowsExportQuery, query);
  const tx = reader(ctx);
  const params = await resolve(tx, actor, def, q);
  const behind = await rowsBehind(tx, actor, def, params, q.cell);
  async function* rows(): AsyncIterable<Numbered> {
    let no = 0;
    for await (const batch of offsetBatches((w) => behind.read(w), EXPORT_BATCH)) {
      for (const item of batch) yield { ...item, no: ++no };
    }
  }
  const columns: XlsxColumn<Numbered>[] = [
    { header: 'STT', width: 6, type: 'number', value: (r) => r.no },
    ...behind.columns.map((c, i) => ({
      header: c.header,
      width: i === 0 ? 28 : 16,
      value: (r: Numbered) => r.values[i],
    })),
  ];
  return {
    baseName: `so-lieu-${fileSlug(def.title)}`,
    table: {
      sheetName: 'Số liệu chi tiết',
      title: [...def.titleLines(params), behind.label],
      columns,
      rows: rows(),
    },
  };
}

/** The report as .xlsx or as a .docx in the Union's format, with the number, signer and recipients given. */
export async function exportReport(
  ctx: Ctx,
  actor: Actor,
  name: ReportName,
  query: unknown,
): Promise<{ type: string; file: DocumentFile }> {
  const def = definition(actor, name);
  const q = parseInput(reportExportQuery, query);
  const tx = reader(ctx);
  const params = await resolve(tx, actor, def, q);
  const report = await def.compute(tx, actor, params);
  const base = [
    'bao-cao',
    // "Báo cáo đào tạo dài hạn" is bao-cao-dao-tao-dai-han, not bao-cao-bao-cao-…
    fileSlug(def.title).replace(/^bao-cao-/, ''),
    fileSlug(params.unitName),
    fileDate(report.at ?? report.to ?? todayIso()),
  ]
    .filter(Boolean)
    .join('-');
  if (q.format === 'xlsx') {
    const bytes = await ctx.heavy.run(actor.userId, 'reportXlsx', report);
    return { type: XLSX, file: { fileName: `${base}.xlsx`, bytes: asBuffer(bytes) } };
  }
  const recipients = (q.recipients ?? '')
    .split('\n')
    .map((l) =>
      l
        .trim()
        .replace(/^[-–•]\s*/, '')
        .replace(/[;.,]$/, ''),
    )
    .filter(Boolean);
  const bytes = await ctx.heavy.run(actor.userId, 'reportDocx', {
    issuer: issuerOf(await issuingUnit(tx, params.unitId)),
    number: q.number ?? null,
    date: todayIso(),
    report,
    signerTitle: (q.signerTitle ?? 'Bí thư').toLocaleUpperCase('vi'),
    signerName: q.signerName ?? null,
    recipients: recipients.length ? recipients : ['Lưu VP'],
  });
  return { type: DOCX, file: { fileName: `${base}.docx`, bytes: asBuffer(bytes) } };
}
