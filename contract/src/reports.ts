import { z } from 'zod';
import { id, isoDate, MAX_INT } from './common.ts';
import { line, optionalMultilineText, optionalText } from './text.ts';

/**
 * Reports (issue 10): one frame, one definition per report on the server. A report is named in the
 * address by a key in Vietnamese words without diacritics; its parameters are a unit subtree and a
 * date or a period. Each number of a report carries the key of the cell it fills, by which the rows
 * behind it are listed.
 */
export const reportNames = [
  'doi-ngu-can-bo',
  'chuan-hoa-can-bo',
  'chuc-danh-chua-boi-duong',
  'di-co-so',
  'dao-tao-dai-han',
  'tien-do-de-an',
  'tong-hop-dao-tao',
] as const;
export const reportName = z.enum(reportNames);
export type ReportName = z.infer<typeof reportName>;
export const reportParams = z.object({ reportName });

/** What a report's form asks: one date ("tính đến ngày") or a period (from, to). */
export const reportPeriodKinds = ['date', 'range'] as const;
export type ReportPeriodKind = (typeof reportPeriodKinds)[number];

/** Every report's parameters; each report reads the ones it has (its own schema, on the server). */
export const reportQuery = z.object({
  unitId: id.optional(),
  at: isoDate.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The title-training gap report's window: trained within this many months of the appointment. */
  months: z.coerce
    .number()
    .int('phải là số nguyên')
    .min(1, 'phải từ 1 tháng')
    .max(120, 'không được quá 120 tháng')
    .optional(),
  /** The scheme-progress report's scheme. */
  schemeId: id.optional(),
  /** The narrative's large numbers in words ("hơn 12 ngàn") instead of exact ("12.046"). */
  rounded: z.enum(['true', 'false']).optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;

/** The parameters of the reports that count at one date. */
export const reportAtParams = reportQuery.pick({ unitId: true, at: true });
/** The parameters of the reports that count over a period (from, to). */
export const reportRangeParams = reportQuery.pick({ unitId: true, from: true, to: true });
/** A period report with a narrative, whose numbers may be rounded in words. */
export const reportRangeRoundedParams = reportQuery.pick({ unitId: true, from: true, to: true, rounded: true });
/** A date report that also asks how many months after the appointment a title training counts. */
export const reportAtMonthsParams = reportQuery.pick({ unitId: true, at: true, months: true });
/** The scheme-progress report: a scheme (required) and the day its progress is counted to. */
export const reportSchemeParams = reportQuery.pick({ unitId: true, at: true }).extend({ schemeId: id });

/** A number's cell key: letters, digits and the separators the definitions use. */
export const reportCellKey = line(100)
  .min(1)
  .regex(/^[a-z0-9_.:-]+$/, 'không phải ô số liệu của báo cáo');

export const reportRowsQuery = reportQuery.extend({
  cell: reportCellKey,
  page: z.coerce.number().int().min(1).max(MAX_INT).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReportRowsQuery = z.infer<typeof reportRowsQuery>;
export const reportRowsExportQuery = reportQuery.extend({ cell: reportCellKey });

export const reportFormats = ['xlsx', 'docx'] as const;
/** The export; a .docx takes the document's number, signer and recipients (one a line) from the user. */
export const reportExportQuery = reportQuery.extend({
  format: z.enum(reportFormats),
  number: z.coerce.number().int().min(1).max(99_999).optional(),
  signerName: optionalText(100),
  signerTitle: optionalText(100),
  recipients: optionalMultilineText(1000),
});
export type ReportExportQuery = z.infer<typeof reportExportQuery>;

// ---- Answers ----

export const reportListItem = z.object({
  name: reportName,
  title: z.string(),
  period: z.enum(reportPeriodKinds),
  /** Whether its form also asks the months a title training counts within (`months`). */
  asksMonths: z.boolean(),
  /** Whether its form asks a scheme (`schemeId`) instead of a unit. */
  asksScheme: z.boolean(),
  /** Whether it writes a narrative whose numbers may be rounded in words (`rounded`). */
  asksRounded: z.boolean().optional(),
});
export const reportList = z.object({ items: z.array(reportListItem) });
export type ReportListItem = z.infer<typeof reportListItem>;

/** A header cell as official forms draw them: spanning columns and rows. */
export const reportHeaderCell = z.object({
  text: z.string(),
  colSpan: z.number().int(),
  rowSpan: z.number().int(),
});
export type ReportHeaderCell = z.infer<typeof reportHeaderCell>;

/**
 * A number and the key of the rows behind it (null: nothing to list, such as a total of nothing).
 * A cell of a number column may instead hold words (`text`, such as an assessment: "Đã đạt"), or
 * nothing (`value` null: no figure, such as a year without a target).
 */
export const reportValue = z.object({
  value: z.number().nullable(),
  cell: z.string().nullable(),
  text: z.string().optional(),
});
export type ReportValue = z.infer<typeof reportValue>;

export const reportRow = z.object({
  /** The text cells at the start of the row (STT, the row's name). */
  labels: z.array(z.string()),
  values: z.array(reportValue),
  /** A total or a group's heading, printed bold. */
  strong: z.boolean(),
});
export type ReportRow = z.infer<typeof reportRow>;

export const reportTable = z.object({
  caption: z.string().nullable(),
  /** Header rows, top first; the cells of each row in order, skipping places a span above covers. */
  header: z.array(z.array(reportHeaderCell)),
  rows: z.array(reportRow),
});
export type ReportTable = z.infer<typeof reportTable>;

export const reportResult = z.object({
  name: reportName,
  /** The title lines: the report's name first, then what it covers (unit, date or period). */
  title: z.array(z.string()),
  unitId: z.number().int(),
  unitName: z.string(),
  at: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** A narrative in sentences, printed above the tables (the page, the .docx body, the .xlsx). */
  paragraphs: z.array(z.string()).optional(),
  tables: z.array(reportTable),
  /** Explanations printed under the tables (how the figures are counted). */
  notes: z.array(z.string()),
});
export type ReportResult = z.infer<typeof reportResult>;

/** The rows behind one number: the columns they show and a page of them. */
export const reportRowColumn = z.object({ key: z.string(), header: z.string() });
export const reportRowItem = z.object({
  personId: z.number().int().nullable(),
  values: z.array(z.union([z.string(), z.number(), z.null()])),
});
export type ReportRowItem = z.infer<typeof reportRowItem>;
export const reportRowPage = z.object({
  /** What the number is, in words ("Bí thư — Nữ"). */
  label: z.string(),
  /** What the rows are when not people: classes, or entries (trainees and headcount-only classes). */
  counting: z.enum(['classes', 'entries']).optional(),
  columns: z.array(reportRowColumn),
  items: z.array(reportRowItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReportRowPage = z.infer<typeof reportRowPage>;
