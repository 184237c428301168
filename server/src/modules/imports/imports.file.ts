import { BODY_LIMITS } from '@canbo/contract';
import type { FastifyRequest } from 'fastify';
import { oneUploadedFile, type UploadedFile } from '../../upload.ts';

export const MAX_IMPORT_BYTES = BODY_LIMITS.importSheet;

/** The sheet of an import upload (at most MAX_IMPORT_BYTES), or null when none was sent. */
export function importFile(req: FastifyRequest): Promise<UploadedFile | null> {
  return oneUploadedFile(req, {
    tooLarge: (name) => ({
      vi: `Tệp "${name}" lớn hơn ${MAX_IMPORT_BYTES / 2 ** 20} MB, quá lớn cho một lần nhập: hãy chia thành nhiều tệp`,
      en: `The file "${name}" is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MB, too large for one import: split it into several files`,
    }),
    oneOnly: { vi: 'Chỉ gửi một tệp bảng tính mỗi lần nhập', en: 'Send one sheet per import' },
  });
}
