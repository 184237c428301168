import type { FastifyRequest } from 'fastify';
import { oneUploadedFile, type UploadedFile } from '../../upload.ts';

/** The one file of a report-attachment request (the route's plugin allows 10 MB), or null when none was sent. */
export function reportFileOf(req: FastifyRequest): Promise<UploadedFile | null> {
  return oneUploadedFile(req, {
    tooLarge: (name) => `Tệp "${name}" lớn hơn 10 MB, quá lớn cho một tệp đính kèm báo cáo`,
    oneOnly: 'Chỉ đính kèm một tệp mỗi lần',
  });
}
