import { routes, type ImportKind } from '@canbo/contract';
import { call, download, saveBlob, uploadForFile, uploadWithProgress } from '../../api/client';

export function downloadTemplate(kind: ImportKind) {
  // The server names the file in Vietnamese words (mau-nhap-diem-danh.xlsx), never by the kind's code.
  return download(routes.imports.template, { params: { importKind: kind } });
}

/**
 * Preview (commit false) or write the sheet; `onProgress` follows the bytes sent, `progress` is the
 * token to poll `importProgress` with, and aborting `signal` cancels (nothing is written).
 */
export function sendSheet(
  kind: ImportKind,
  file: File,
  commit: boolean,
  onProgress: (share: number) => void,
  follow: { progress: string; signal: AbortSignal },
) {
  return uploadWithProgress(
    routes.imports.upload,
    { params: { importKind: kind }, query: { commit: commit ? 'true' : 'false', progress: follow.progress } },
    file,
    onProgress,
    follow.signal,
  );
}

/** A fresh random token for one upload's progress (128 bits, hex). */
export function progressToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** How far the upload sent with `token` has come (rows read, checked, written). */
export function importProgress(token: string) {
  return call(routes.imports.progress, { params: { token } });
}

export async function downloadErrors(kind: ImportKind, file: File) {
  const blob = await uploadForFile(routes.imports.errors, { params: { importKind: kind } }, file);
  saveBlob(blob, `loi-${file.name.replace(/\.xlsx$/i, '')}.xlsx`);
}
