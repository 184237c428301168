import type { z } from 'zod';
import type {
  ReportName,
  ReportPeriodKind,
  ReportQuery,
  ReportResult,
  ReportRowItem,
  ReportRowPage,
} from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../context.ts';
import type { OffsetWindow } from '../../db/keyset.ts';
import { todayIso } from '../../lib/dates.ts';

/**
 * A report of the frame: one file per report. The service resolves what every report shares (the
 * unit subtree the actor may read, today's date as the default), checks the report's own
 * parameters with its contract schema, and gives the definition a transaction; the definition counts
 * in SQL with the actor's scope inside it, and lists the rows behind any of its numbers.
 */
export interface ReportDefinition {
  /** The key in the address (`/reports/doi-ngu-can-bo`). */
  name: ReportName;
  /** Its Vietnamese name, as the list and the documents show it. */
  title: string;
  /** What its form asks: one date or a period. */
  period: ReportPeriodKind;
  /** Its parameters (a contract schema); `unitId` is always among them. */
  params: z.ZodType<ReportQuery>;
  /** Its form also asks `months` (a title training's window). */
  asksMonths?: boolean;
  /** Its title lines (the result's `title`): what the rows behind a number are exported under, without counting. */
  titleLines(params: ReportParams): string[];
  /** Its form asks a scheme (`schemeId`) instead of a unit. */
  asksScheme?: boolean;
  /**
   * The unit the report is issued by when none is asked (before the actor's first granted unit),
   * or null; a unit the actor does not read is passed over.
   */
  defaultUnit?(tx: Tx, actor: Actor, params: ReportQuery): Promise<number | null>;
  /** It writes a narrative whose numbers the form may ask rounded in words (`rounded`). */
  asksRounded?: boolean;
  compute(tx: Tx, actor: Actor, params: ReportParams): Promise<ReportResult>;
  /** The rows behind the number keyed `cell`; null when the key is not one of the report's. */
  rows(tx: Tx, actor: Actor, params: ReportParams, cell: string): Promise<RowsBehind | null>;
}

/**
 * The rows behind one number: their heading and columns, how many they are, and a window of them in
 * their order. A page counts and reads one window; an export reads window after window, never
 * counting, and a report that counts from a list it reads whole reads it once for all of them.
 */
export interface RowsBehind {
  label: string;
  /** What the rows are when not people (`ReportRowPage.counting`). */
  counting?: ReportRowPage['counting'];
  columns: ReportRowPage['columns'];
  count(): Promise<number>;
  read(window: OffsetWindow): Promise<ReportRowItem[]>;
}

/** A report's parameters once the service has filled in the unit (and the date, where it has one). */
export type ReportParams = ReportQuery & { unitId: number; unitName: string };

/** A period report's days: those asked, by default this year up to today. */
export function periodOf(p: ReportParams): { from: string; to: string } {
  const to = p.to ?? todayIso();
  return { from: p.from ?? `${to.slice(0, 4)}-01-01`, to };
}

/** A header cell spanning `colSpan` columns and `rowSpan` rows (1 by default). */
export const head = (text: string, colSpan = 1, rowSpan = 1) => ({ text, colSpan, rowSpan });

/**
 * A form's header: STT and the row's name over two rows, then each column — a column of a group under
 * the group's spanning cell, one without a group over both rows — then the columns' numbers.
 */
export function formHeader(
  rowHeader: string,
  columns: readonly { header: string; group: string | null }[],
): { text: string; colSpan: number; rowSpan: number }[][] {
  const top = [head('STT', 1, 2), head(rowHeader, 1, 2)];
  const below: ReturnType<typeof head>[] = [];
  for (let i = 0; i < columns.length;) {
    const group = columns[i]!.group;
    if (group === null) {
      top.push(head(columns[i]!.header, 1, 2));
      i++;
      continue;
    }
    const members = columns.slice(i).findIndex((c) => c.group !== group);
    const span = members === -1 ? columns.length - i : members;
    top.push(head(group, span));
    below.push(...columns.slice(i, i + span).map((c) => head(c.header)));
    i += span;
  }
  return [top, below, Array.from({ length: columns.length + 2 }, (_, i) => head(`(${i + 1})`))];
}

/** The rows behind a number from the whole list a report counted it from, read once. */
export function listBehind<R>(
  label: string,
  columns: ReportRowPage['columns'],
  all: readonly R[],
  item: (r: R) => ReportRowItem,
): RowsBehind {
  return {
    label,
    columns,
    count: () => Promise.resolve(all.length),
    read: (w) => Promise.resolve(all.slice(w.offset, w.offset + w.limit).map(item)),
  };
}
