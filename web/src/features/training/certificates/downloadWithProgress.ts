import { errorOf } from '../verify/response';

/** Bytes received so far, and the total when the server announced it. */
export interface Progress {
  received: number;
  total: number | null;
}

/**
 * Download an API file while reporting progress, for the slow ones (a ZIP of hundreds of PDFs
 * takes seconds to build): the caller shows a bar or a spinner with what has arrived.
 */
export async function downloadWithProgress(
  path: string,
  filename: string,
  onProgress: (p: Progress) => void,
): Promise<void> {
  const res = await fetch(`/api/v1${path}`, { credentials: 'same-origin' });
  if (!res.ok) throw await errorOf(res);
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
  const url = URL.createObjectURL(new Blob(chunks, { type: res.headers.get('content-type') ?? undefined }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
