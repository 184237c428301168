import { zipFiles } from '../documents/zip.ts';
import { SheetLimitError, type SheetLimit, type SheetLimits } from '../documents/xlsx/read.ts';
import {
  renderCertificate,
  renderCertificates,
  type CertificateData,
} from '../modules/training/documents/certificate.ts';
import { signInDocx, signInPdf, type SignInSheet } from '../modules/training/documents/signin.ts';
import {
  attendanceSheetXlsx,
  readAttendanceSheet,
  type ReadSheet,
  type SheetRow,
  type SheetSession,
} from '../modules/training/documents/attendance-sheet.ts';

/**
 * The jobs the heavy pool runs in its worker threads (see pool.ts). Each takes plain data — what a
 * service has already read from the database within the actor's scope — and gives bytes or plain
 * data back. Nothing here may reach the database, the request or the app: a worker has none of them.
 */

export type SheetReading = { sheet: ReadSheet | null } | { refused: { limit: SheetLimit; message: string } };

export const tasks = {
  certificatePdf: (data: CertificateData): Promise<Uint8Array> => renderCertificate(data),

  /** One PDF per certificate in one ZIP, made one after another so only one document is open at a time. */
  certificatesZip: async (files: { name: string; data: CertificateData }[]): Promise<Uint8Array> => {
    const pdfs: { name: string; data: Uint8Array }[] = [];
    for (const f of files) pdfs.push({ name: f.name, data: await renderCertificate(f.data) });
    return zipFiles(pdfs);
  },

  certificatesPdf: (input: { data: CertificateData[]; title: string }): Promise<Uint8Array> =>
    renderCertificates(input.data, input.title),

  signInPdf: (sheet: SignInSheet): Promise<Uint8Array> => signInPdf(sheet),

  signInDocx: (sheet: SignInSheet): Promise<Uint8Array> => signInDocx(sheet),

  attendanceSheetXlsx: (sheet: { title: string; sessions: SheetSession[]; rows: SheetRow[] }): Promise<Uint8Array> =>
    attendanceSheetXlsx(sheet),

  /** A refusal comes back as data: an error thrown in a worker loses its kind on the way. */
  readAttendanceSheet: (input: { data: Uint8Array; limits: SheetLimits }): SheetReading => {
    try {
      return { sheet: readAttendanceSheet(input.data, input.limits) };
    } catch (err) {
      if (err instanceof SheetLimitError) return { refused: { limit: err.limit, message: err.message } };
      throw err;
    }
  },
};

export type Tasks = typeof tasks;
