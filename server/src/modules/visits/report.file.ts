import type { FastifyRequest } from 'fastify';
import { oneUploadedFile, type UploadedFile } from '../../upload.ts';

/** The one file of a report-attachment request (the route's plugin allows 10 MB), or null when none was sent. */
export function reportFileOf(req: FastifyRequest): Promise<UploadedFile | null> {
  return oneUploadedFile(req, {
    tooLarge: (name) => ({
      vi: `Tệp "${name}" lớn hơn 10 MB, quá lớn cho một tệp đính kèm báo cáo`,
      en: `The file "${name}" is larger than 10 MB, too large for a report’s attachment`,
    }),
    oneOnly: { vi: 'Chỉ đính kèm một tệp mỗi lần', en: 'Attach one file at a time' },
  });
}
