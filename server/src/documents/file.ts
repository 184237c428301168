import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { todayIso } from '../lib/dates.ts';
import { writeXlsxTable, type XlsxTable } from './xlsx/table.ts';

/** A generated document on its way to the browser. */
export interface DocumentFile {
  /** ASCII by construction (see certificateFileName and the slugged names), so plain `filename` is enough. */
  fileName: string;
  bytes: Buffer;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF = 'application/pdf';
export const ZIP = 'application/zip';

function downloadHeaders(reply: FastifyReply, type: string, fileName: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store');
}

/** The document as a download, never cached (it carries personal data). */
export function sendFile(reply: FastifyReply, type: string, file: DocumentFile): FastifyReply {
  return downloadHeaders(reply, type, file.fileName).send(file.bytes);
}

/**
 * A table exported as .xlsx, streamed while its rows are read: `<baseName>-<today in Vietnam>.xlsx`,
 * never cached. Every export of a list goes through here. The response is under way when a batch
 * fails, so the stream is cut and the log says why.
 */
export function sendXlsxTable<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  baseName: string,
  table: XlsxTable<T>,
): FastifyReply {
  const out = new PassThrough();
  writeXlsxTable(out, table).catch((err: unknown) => req.log.error({ err, export: baseName }, 'xlsx export failed'));
  return downloadHeaders(reply, XLSX, `${baseName}-${todayIso()}.xlsx`).send(out);
}
