import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { Words } from './i18n/messages.ts';

/** A file as uploaded: its name as the browser sent it and its bytes. */
export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

/** What a route's refusals say, in its own words ("… quá lớn cho một bảng điểm danh"), in both languages. */
export interface UploadWords {
  /** The file is over the route's multipart size limit. */
  tooLarge: (fileName: string) => Words;
  /** More than the one file the route takes. */
  oneOnly: Words;
}

/**
 * The one file of a multipart request, read into memory within the limits the route's multipart
 * plugin sets; null when the request carries none, so the service can say what is
 * missing. Every part is read, so a second file is refused rather than silently ignored.
 */
export async function oneUploadedFile(req: FastifyRequest, words: UploadWords): Promise<UploadedFile | null> {
  if (!req.isMultipart()) return null;
  let file: UploadedFile | null = null;
  let current = '';
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      current = part.filename;
      file = { fileName: part.filename, data: await part.toBuffer() };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('validation', words.tooLarge(current), { field: 'file' });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new AppError('validation', words.oneOnly, { field: 'file' });
    }
    if (code?.startsWith('FST_')) throw new AppError('validation', 'Tệp tải lên không đọc được', { field: 'file' });
    throw err;
  }
  return file;
}
