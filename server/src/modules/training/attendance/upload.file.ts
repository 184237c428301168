import type { FastifyRequest } from 'fastify';
import { oneUploadedFile, type UploadedFile } from '../../../upload.ts';

/** An attendance sheet of a few thousand trainees is well under 1 MB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The attendance sheet of an upload (at most MAX_UPLOAD_BYTES), or null when none was sent. */
export function uploadedFile(req: FastifyRequest): Promise<UploadedFile | null> {
  return oneUploadedFile(req, {
    tooLarge: (name) => ({
      vi: `Tệp "${name}" lớn hơn 5 MB, quá lớn cho một bảng điểm danh`,
      en: `The file "${name}" is larger than 5 MB, too large for an attendance sheet`,
    }),
    oneOnly: { vi: 'Chỉ gửi một tệp bảng tính điểm danh mỗi lần', en: 'Send one attendance sheet at a time' },
  });
}
