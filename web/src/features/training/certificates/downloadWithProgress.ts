import { saveBlob } from '../../../api/client';

/** Bytes received so far, and the total when the server announced it. */
export interface Progress {
  received: number;
  total: number | null;
}

/**
 * Save a download (from `fetchFile`) while reporting progress, for the slow ones (a ZIP of hundreds
 * of PDFs takes seconds to build): the caller shows a bar or a spinner with what has arrived.
 */
export async function saveWithProgress(res: Response, filename: string, onProgress: (p: Progress) => void) {
  const length = Number(res.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: BlobPart[] = [];
  let received = 0;
  onProgress({ received, total });
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  } else {
    chunks.push(await res.blob());
  }
  saveBlob(new Blob(chunks, { type: res.headers.get('content-type') ?? undefined }), filename);
}
