import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import type { UploadedReportFile } from './visits.service.ts';

/**
 * The one file of a report-attachment request, read into memory within the multipart limits the
 * route's plugin sets (10 MB, one file); null when the request carries none, so the service says
 * in Vietnamese what is missing.
 */
export async function reportFileOf(req: FastifyRequest): Promise<UploadedReportFile | null> {
  if (!req.isMultipart()) return null;
  let file: UploadedReportFile | null = null;
  let current = '';
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      current = part.filename;
      file = { fileName: part.filename, data: await part.toBuffer() };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('validation', `Tệp "${current}" lớn hơn 10 MB, quá lớn cho một tệp đính kèm báo cáo`, {
        field: 'file',
      });
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new AppError('validation', 'Chỉ đính kèm một tệp mỗi lần', { field: 'file' });
    }
    if (code?.startsWith('FST_')) throw new AppError('validation', 'Tệp tải lên không đọc được', { field: 'file' });
    throw err;
  }
  return file;
}
