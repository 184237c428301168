import { MessageChannel } from 'node:worker_threads';
import {
  IMPORT_ISSUES_SHOWN,
  importQuery,
  type ImportKind,
  type ImportProgress,
  type ImportResult,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import type { Ctx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import type { DocumentFile } from '../../documents/file.ts';
import type { FormRow, FormSheet } from '../../documents/xlsx/form.ts';
import type { ReadForm, ReadFormRow } from '../../documents/xlsx/headed.ts';
import { AppError } from '../../errors.ts';
import type { Lang } from '../../i18n/language.ts';
import type { Words } from '../../i18n/messages.ts';
import { fieldError, parseInput } from '../../lib/input.ts';
import type { UploadedFile } from '../../upload.ts';
import { asBuffer } from '../../workers/pool.ts';
import type { FormBatch } from '../../workers/tasks.ts';
import type { CheckedSheet, ImportKindDef } from './kind.ts';
import { IMPORT_KINDS } from './kinds.ts';
import { readDate } from './cells.ts';
import { count as countIn, findingsIn, type Finding } from './findings.ts';
import { cancelled, ImportTracker, importProgressOf } from './imports.progress.ts';
import { keepPreview, previewKey, takePreview, type KeptPreview } from './previewCache.ts';
import { databaseState } from './previewCache.repository.ts';

/**
 * Imports, the same for every kind: the template; a filled sheet read in the heavy pool within its
 * limits and checked row by row (a preview saves nothing); a commit that writes every row in one
 * transaction, or none when any row has an error; and the sheet sent back with its errors.
 */

/** File names: `mau-nhap-<kind>.xlsx` and `loi-nhap-<kind>.xlsx`. */
const FILE_NAMES: Record<ImportKind, string> = {
  people: 'can-bo',
  units: 'don-vi',
  moves: 'dieu-chuyen',
  studies: 'hoc-tap',
  visits: 'di-co-so',
  classes: 'lop-da-hoc',
  trainees: 'hoc-vien-lop-da-hoc',
  attendance: 'diem-danh',
};

export async function importTemplate(ctx: Ctx, actor: Actor, input: { kind: ImportKind }): Promise<DocumentFile> {
  const def = IMPORT_KINDS[input.kind];
  const form = await def.form(reader(ctx));
  const bytes = await ctx.heavy.run(actor.userId, 'formXlsx', { form, rows: [def.example] });
  return { fileName: `mau-nhap-${FILE_NAMES[input.kind]}.xlsx`, bytes: asBuffer(bytes) };
}

/** The file read as the kind's form; a file that is none, or past a limit, is refused saying which. */
async function readUpload(
  ctx: Ctx,
  actor: Actor,
  def: ImportKindDef,
  form: FormSheet,
  file: UploadedFile | null,
  tracker: ImportTracker,
  signal: AbortSignal | undefined,
  /** Takes each row as it arrives instead of collecting them in the form's rows. */
  take?: (row: ReadFormRow) => void,
) {
  if (!file) throw fieldError('file', 'hãy chọn bảng tính (.xlsx) theo mẫu nhập của Canbo');
  const { limits } = def;
  // The worker sends the rows over its own port as it reads them, a batch at a time, so that the
  // sheet is never held twice (the worker's copy and a copy of the whole of it in one message); a
  // cancelled upload stops the worker.
  const channel = new MessageChannel();
  const rows: ReadFormRow[] = [];
  let count = 0;
  const sent = new Promise<void>((resolve, reject) => {
    channel.port1.on('message', (m: FormBatch) => {
      if ('end' in m) return resolve();
      try {
        if (take) for (const r of m.rows) take(r);
        else for (const r of m.rows) rows.push(r);
      } catch (err) {
        return reject(err instanceof Error ? err : new Error(String(err)));
      }
      count += m.rows.length;
      tracker.note('reading', m.read, 0);
    });
    channel.port1.on('close', () => reject(new Error('the sheet reader closed its port before the end')));
  });
  sent.catch(() => undefined);
  let reading;
  try {
    reading = await ctx.heavy.run(
      actor.userId,
      'readFormSheet',
      { data: file.data, form, limits, example: def.example, progress: channel.port2 },
      [channel.port2],
      signal,
    );
    if ('form' in reading && reading.form) {
      await sent;
      reading.form.rows = rows;
    }
  } catch (err) {
    if (signal?.aborted) throw cancelled();
    throw err;
  } finally {
    channel.port1.close();
  }
  const name = file.fileName;
  const refuse = (why: Words, limit?: string) =>
    new AppError(
      'validation',
      {
        vi: `Tệp "${name}" ${why.vi}. Hãy dùng mẫu nhập tải từ Canbo.`,
        en: `The file "${name}" ${why.en}. Use the import template downloaded from Canbo.`,
      },
      { field: 'file', fileName: name, ...(limit ? { limit } : {}) },
    );
  const unreadable = { vi: 'không phải bảng tính Excel (.xlsx) đọc được', en: 'is not a readable Excel sheet (.xlsx)' };
  if ('refused' in reading) {
    const { limit, message, en } = reading.refused;
    if (limit === 'corrupt') throw refuse(unreadable);
    const rowsMax = countIn(limits.maxRows - 10);
    const [unpacked, shared] = [limits.maxUnpacked / 2 ** 20, limits.maxSharedStrings / 2 ** 20];
    const why: Words =
      limit === 'maxRows'
        ? {
            vi: `có quá nhiều dòng: tối đa ${rowsMax.vi} dòng dữ liệu một lần nhập`,
            en: `has too many rows: at most ${rowsMax.en} rows of data in one import`,
          }
        : limit === 'maxCellsPerRow'
          ? {
              vi: `có dòng quá nhiều ô: ${message} (tối đa ${limits.maxCellsPerRow} ô một dòng)`,
              en: `has a row with too many cells: ${en} (at most ${limits.maxCellsPerRow} cells a row)`,
            }
          : {
              vi: `quá lớn khi giải nén: ${message} (tối đa ${unpacked} MB dữ liệu giải nén, ${shared} MB chuỗi dùng chung)`,
              en: `is too large unpacked: ${en} (at most ${unpacked} MB of unpacked data, ${shared} MB of shared strings)`,
            };
    throw refuse(why, limit);
  }
  if (!reading.form) throw refuse(unreadable);
  if (!reading.form.headerRow) {
    const headers = form.columns.map((c) => c.header).join(', ');
    throw refuse({
      vi: `không có dòng tiêu đề của mẫu (${headers})`,
      en: `has no header row of the template (${headers})`,
    });
  }
  return { read: reading.form, count };
}

/** The sheet's own problems (a missing column) as findings on row 0. */
function sheetIssues(read: ReadForm): Finding[] {
  return read.missing.map((header) => ({
    row: 0,
    column: header,
    message: { vi: `thiếu cột "${header}"`, en: `the column "${header}" is missing` },
    severity: 'error' as const,
    ids: [],
  }));
}

const ordered = (issues: Finding[]) =>
  [...issues].sort((a, b) => (a.severity === b.severity ? a.row - b.row : a.severity === 'error' ? -1 : 1));

/**
 * What an upload is given besides its file: a progress token and who may read it (progressOwner),
 * and a signal when its client goes away.
 */
interface Following {
  progress?: string | undefined;
  owner?: string | null;
  signal?: AbortSignal | undefined;
  /** The rows as read are needed after the check (the error sheet). */
  keepRows?: boolean;
  /** A preview is kept under this key for the commit of the same file (previewCache.ts). */
  keep?: string | null;
}

/**
 * The rows for the kind's check, which may let go of them as it reads them (the people kind does:
 * 100,000 rows not held through the check and the write). Handed over, not kept here, unless needed
 * after the check: then the kind is given a copy of the list.
 */
function handOver(read: ReadForm, keep: boolean): ReadFormRow[] {
  const rows = read.rows;
  if (keep) return [...rows];
  read.rows = [];
  return rows;
}

async function checkSheet(
  ctx: Ctx,
  actor: Actor,
  kind: ImportKind,
  file: UploadedFile | null,
  commit: boolean,
  following: Following = {},
): Promise<{ read: ReadForm; rows: number; form: FormSheet; checked: CheckedSheet; committed: boolean }> {
  const def = IMPORT_KINDS[kind];
  const { signal } = following;
  const tracker = new ImportTracker(following.progress, following.owner ?? null, signal);
  try {
    await tracker.report('reading', 0, 0);
    // What the check is about to read, summed up before its first look-up (the ethnicities of
    // `collect` included): a write after this point makes the kept plan unusable.
    const state = following.keep && !commit ? await databaseState(reader(ctx)) : null;
    // Read outside the transaction: reading a large workbook takes a while, and SQLite has one writer.
    const form = await def.form(reader(ctx));
    const collector = def.collect && !following.keepRows ? await def.collect(reader(ctx), commit ? null : actor) : null;
    const { read, count: total } = await readUpload(ctx, actor, def, form, file, tracker, signal, collector?.add);
    const run = async (tx: Parameters<ImportKindDef['check']>[0]) => {
      await tracker.report('checking', 0, total);
      const progress = (done: number) => tracker.report('checking', done, total);
      const checked = collector
        ? await collector.check(tx, actor, progress)
        : await def.check(tx, actor, handOver(read, following.keepRows ?? false), progress);
      checked.issues.unshift(...sheetIssues(read));
      const ok = !checked.issues.some((i) => i.severity === 'error');
      if (commit && ok) {
        const writes = checked.writes ?? total;
        await tracker.report('writing', 0, writes);
        await checked.write((done) => tracker.report('writing', done, writes));
        // The last moment to notice a cancellation: thrown here, the whole commit rolls back.
        await tracker.lastCheck(writes);
      } else await tracker.report('checking', total, total);
      return { read, rows: total, form, checked, committed: commit && ok };
    };
    const out = commit ? await inTransaction(ctx, run) : await run(reader(ctx));
    const { checked } = out;
    if (state !== null && following.keep && checked.writeIn && !checked.issues.some((i) => i.severity === 'error')) {
      keepPreview(following.keep, {
        state,
        rows: total,
        issues: checked.issues,
        counts: checked.counts,
        writes: checked.writes ?? total,
        writeIn: checked.writeIn,
      });
    }
    // Committed: stored, even if the client has gone since the last check; a late poll learns so.
    if (out.committed) tracker.end('saved', out.checked.counts);
    else tracker.end('done');
    return out;
  } catch (err) {
    tracker.end(signal?.aborted ? 'cancelled' : 'done');
    throw err;
  }
}

/**
 * The commit of a file whose preview was kept: the kept plan written in one transaction, after
 * `databaseState` read inside it matches the preview's. Null when there is no plan for this key or
 * the database changed: the caller then reads and checks the sheet as for any commit.
 */
async function commitKept(
  ctx: Ctx,
  actor: Actor,
  key: string,
  following: Following,
): Promise<{ rows: number; checked: Pick<CheckedSheet, 'issues' | 'counts'>; committed: boolean } | null> {
  const kept: KeptPreview | null = takePreview(key);
  if (!kept) return null;
  const { signal } = following;
  const tracker = new ImportTracker(following.progress, following.owner ?? null, signal);
  try {
    const written = await inTransaction(ctx, async (tx) => {
      if ((await databaseState(tx)) !== kept.state) return false;
      await tracker.report('writing', 0, kept.writes);
      await kept.writeIn(tx, (done) => tracker.report('writing', done, kept.writes));
      // As in checkSheet: a cancellation seen here rolls the whole commit back.
      await tracker.lastCheck(kept.writes);
      return true;
    });
    if (!written) return null;
    tracker.end('saved', kept.counts);
    return { rows: kept.rows, checked: { issues: kept.issues, counts: kept.counts }, committed: true };
  } catch (err) {
    tracker.end(signal?.aborted ? 'cancelled' : 'done');
    throw err;
  }
}

export async function uploadImport(
  ctx: Ctx,
  actor: Actor,
  input: {
    kind: ImportKind;
    file: UploadedFile | null;
    owner?: string | null;
    signal?: AbortSignal;
    /** The findings' language (the CLI's is Vietnamese). */
    lang?: Lang;
  } & z.input<typeof importQuery>,
): Promise<ImportResult> {
  const { kind, file, owner, signal, lang = 'vi', ...query } = input;
  const parsed = parseInput(importQuery, query);
  const commit = parsed.commit === 'true';
  const following: Following = { progress: parsed.progress, owner, signal };
  // A preview's plan is kept for the commit of the same file, by the same user, the same day (for
  // the kinds that offer `writeIn`).
  const key = file ? await previewKey(ctx.db, kind, actor, file.data) : null;
  const { rows, checked, committed } =
    (commit && key ? await commitKept(ctx, actor, key, following) : null) ??
    (await checkSheet(ctx, actor, kind, file, commit, { ...following, keep: commit ? null : key }));
  const issues = ordered(checked.issues);
  return {
    kind,
    rows,
    counts: checked.counts,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    issues: findingsIn(issues.slice(0, IMPORT_ISSUES_SHOWN), lang),
    committed,
  };
}

/**
 * How far the caller's own upload under `token` has come (imports.progress.ts): a sessionless
 * route, so the caller is the session cookie's hash, not an actor read from the database.
 */
export function importProgress(_ctx: Ctx, input: { token: string; owner: string | null }): ImportProgress {
  return importProgressOf(input.token, input.owner);
}

/** The added column of the error sheet, and how a warning is marked in it. */
const ERRORS_COLUMN = {
  vi: { header: 'Lỗi', note: 'Sửa các dòng có lỗi rồi tải tệp này lên lại (cột Lỗi được bỏ qua)', warning: 'Lưu ý: ' },
  en: {
    header: 'Errors',
    note: 'Fix the rows with errors, then upload this file again (the Errors column is ignored)',
    warning: 'Note: ',
  },
};

/**
 * The uploaded rows in the template's layout with an added column of their findings, in the user's
 * language: fix them there and upload again (the reader ignores a column the template lacks).
 */
export async function importErrorsSheet(
  ctx: Ctx,
  actor: Actor,
  input: { kind: ImportKind; file: UploadedFile | null; lang?: Lang },
): Promise<DocumentFile> {
  const { read, form, checked } = await checkSheet(ctx, actor, input.kind, input.file, false, { keepRows: true });
  const words = ERRORS_COLUMN[input.lang ?? 'vi'];
  const byRow = new Map<number, string[]>();
  for (const i of findingsIn(ordered(checked.issues), input.lang ?? 'vi')) {
    const list = byRow.get(i.row) ?? [];
    list.push(`${i.severity === 'warning' ? words.warning : ''}${i.column ? `${i.column}: ` : ''}${i.message}`);
    byRow.set(i.row, list);
  }
  // Dates go back as dates (an Excel day number or dd/mm/yyyy as read), what cannot be read as it was typed.
  const dateKeys = form.columns.filter((c) => c.type === 'date').map((c) => c.key);
  const rows: FormRow[] = read.rows.map((r) => {
    const cells = { ...r.cells };
    for (const key of dateKeys) {
      const v = cells[key];
      const date = v ? readDate(v) : null;
      if (date && 'value' in date) cells[key] = date.value;
    }
    return cells;
  });
  const values = read.rows.map((r) => (byRow.get(r.row) ?? []).join('; '));
  const sheetWide = byRow.get(0);
  if (sheetWide) {
    rows.unshift({});
    values.unshift(sheetWide.join('; '));
  }
  const bytes = await ctx.heavy.run(actor.userId, 'formXlsx', {
    form,
    rows,
    extra: { header: words.header, note: words.note, values },
  });
  return {
    fileName: `loi-nhap-${FILE_NAMES[input.kind]}.xlsx`,
    bytes: asBuffer(bytes),
  };
}
