import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../errors.ts';
import type { UploadedFile } from './upload.service.ts';

/** An attendance sheet of a few thousand trainees is well under 1 MB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * The one file of a multipart request, read into memory (at most MAX_UPLOAD_BYTES); null when the
 * request carries none, so the service can say in Vietnamese what is missing. Every part is read,
 * so a second file is refused rather than silently ignored.
 */
export async function uploadedFile(req: FastifyRequest): Promise<UploadedFile | null> {
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
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('validation', `Tệp "${current}" lớn hơn 5 MB, quá lớn cho một bảng điểm danh`, {
        field: 'file',
      });
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new AppError('validation', 'Chỉ gửi một tệp bảng tính điểm danh mỗi lần', { field: 'file' });
    }
    if (code?.startsWith('FST_')) throw new AppError('validation', 'Tệp tải lên không đọc được', { field: 'file' });
    throw err;
  }
  return file;
}
