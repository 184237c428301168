import type { MessagePort } from 'node:worker_threads';
import type { SheetLimit, SheetLimits } from '../documents/xlsx/read.ts';
import type { CertificateData } from '../modules/training/documents/certificate.ts';
import type { SignInSheet } from '../modules/training/documents/signin.ts';
import type { ReadSheet, SheetRow, SheetSession } from '../modules/training/documents/attendance-sheet.ts';
import type { PortedTable } from '../documents/xlsx/feed.ts';
import type { Summons } from '../modules/training/documents/summons.ts';
import type { FormRow, FormSheet } from '../documents/xlsx/form.ts';
import type { ReadForm, ReadFormRow } from '../documents/xlsx/headed.ts';
import type { ReportResult } from '@canbo/contract';
import type { ReportDocument } from '../documents/docx/report.ts';

/**
 * The jobs the heavy pool runs in its worker threads (see pool.ts). Each takes plain data — what a
 * service has already read from the database within the actor's scope — and gives bytes or plain
 * data back. Nothing here may reach the database, the request or the app: a worker has none of them.
 * Libraries are loaded by the job that needs them, so a thread that only makes PDFs never holds
 * the spreadsheet and Word libraries in memory.
 */

const certificates = () => import('../modules/training/documents/certificate.ts');
const signIn = () => import('../modules/training/documents/signin.ts');
const attendanceSheet = () => import('../modules/training/documents/attendance-sheet.ts');
const summons = () => import('../modules/training/documents/summons.ts');

/** A sheet refused past a limit: which, and why in Vietnamese (`message`) and English (`en`). */
export type SheetRefusal = { limit: SheetLimit; message: string; en: string };
export type SheetReading = { sheet: ReadSheet | null } | { refused: SheetRefusal };
/** What a form sheet's reading sends on as it goes: rows read so far with the rows kept since, then the end. */
export type FormBatch = { read: number; rows: ReadFormRow[] } | { end: true };
export type FormReading = { form: ReadForm | null } | { refused: SheetRefusal };

export const tasks = {
  certificatePdf: async (data: CertificateData): Promise<Uint8Array> => (await certificates()).renderCertificate(data),

  /** One PDF per certificate in one ZIP, made one after another so only one document is open at a time. */
  certificatesZip: async (files: { name: string; data: CertificateData }[]): Promise<Uint8Array> => {
    const { renderCertificate } = await certificates();
    const { zipFiles } = await import('../documents/zip.ts');
    const pdfs: { name: string; data: Uint8Array }[] = [];
    for (const f of files) pdfs.push({ name: f.name, data: await renderCertificate(f.data) });
    return zipFiles(pdfs);
  },

  certificatesPdf: async (input: { data: CertificateData[]; title: string }): Promise<Uint8Array> =>
    (await certificates()).renderCertificates(input.data, input.title),

  signInPdf: async (sheet: SignInSheet): Promise<Uint8Array> => (await signIn()).signInPdf(sheet),

  signInDocx: async (sheet: SignInSheet): Promise<Uint8Array> => (await signIn()).signInDocx(sheet),

  summonsDocx: async (data: Summons): Promise<Uint8Array> => (await summons()).summonsDocx(data),

  attendanceSheetXlsx: async (sheet: {
    title: string;
    sessions: SheetSession[];
    rows: SheetRow[];
  }): Promise<Uint8Array> => (await attendanceSheet()).attendanceSheetXlsx(sheet),

  /** A report as its official form in Excel (merged header cells, figures as numbers). */
  reportXlsx: async (report: ReportResult): Promise<Uint8Array> =>
    (await import('../documents/xlsx/report.ts')).reportWorkbook(report),

  /** A report as a Union document (.docx). */
  reportDocx: async (doc: ReportDocument): Promise<Uint8Array> =>
    (await import('../documents/docx/report.ts')).reportDocx(doc),

  /** A list export: rows come in and bytes go out through the table's port, a batch at a time (feed.ts). */
  xlsxTable: async (table: PortedTable): Promise<number> =>
    (await import('../documents/xlsx/ported.ts')).writePortedTable(table),

  /** A refusal comes back as data: an error thrown in a worker loses its kind on the way. */
  readAttendanceSheet: async (input: { data: Uint8Array; limits: SheetLimits }): Promise<SheetReading> => {
    const { readAttendanceSheet } = await attendanceSheet();
    const { SheetLimitError } = await import('../documents/xlsx/read.ts');
    try {
      return { sheet: readAttendanceSheet(input.data, input.limits) };
    } catch (err) {
      if (err instanceof SheetLimitError) return { refused: { limit: err.limit, message: err.message, en: err.en } };
      throw err;
    }
  },

  /** An import template (no rows but the example) or a sheet sent back with its errors column. */
  formXlsx: async (input: {
    form: FormSheet;
    rows: FormRow[];
    extra?: { header: string; note: string; values: string[] };
  }): Promise<Uint8Array> =>
    (await import('../documents/xlsx/form.ts')).formWorkbook(input.form, input.rows, input.extra),

  /** A filled import sheet read within its limits; a refusal comes back as data, as above. */
  readFormSheet: async (input: {
    data: Uint8Array;
    form: FormSheet;
    limits: SheetLimits;
    example: FormRow | null;
    /**
     * Sent the rows as they are read, a batch at a time with the count read so far, then `end`
     * (transferred with the job); the form that comes back then has no rows of its own.
     */
    progress?: MessagePort;
  }): Promise<FormReading> => {
    const { readFormSheet } = await import('../documents/xlsx/headed.ts');
    const { SheetLimitError } = await import('../documents/xlsx/read.ts');
    const { progress } = input;
    try {
      const onRead = progress
        ? (read: number, rows: ReadFormRow[]) => progress.postMessage({ read, rows } satisfies FormBatch)
        : undefined;
      const form = readFormSheet(input.data, input.form, input.limits, input.example, onRead);
      progress?.postMessage({ end: true } satisfies FormBatch);
      return { form };
    } catch (err) {
      if (err instanceof SheetLimitError) return { refused: { limit: err.limit, message: err.message, en: err.en } };
      throw err;
    } finally {
      progress?.close();
    }
  },
};

export type Tasks = typeof tasks;
