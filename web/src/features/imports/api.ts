import { routes, type ImportKind } from '@canbo/contract';
import { download, saveBlob, uploadForFile, uploadWithProgress } from '../../api/client';

export function downloadTemplate(kind: ImportKind) {
  return download(
    routes.imports.template,
    { params: { importKind: kind } },
    `mau-nhap-${kind === 'people' ? 'can-bo' : kind}.xlsx`,
  );
}

/** Preview (commit false) or write the sheet; `onProgress` follows the upload. */
export function sendSheet(kind: ImportKind, file: File, commit: boolean, onProgress: (share: number) => void) {
  return uploadWithProgress(
    routes.imports.upload,
    { params: { importKind: kind }, query: { commit: commit ? 'true' : 'false' } },
    file,
    onProgress,
  );
}

export async function downloadErrors(kind: ImportKind, file: File) {
  const blob = await uploadForFile(routes.imports.errors, { params: { importKind: kind } }, file);
  saveBlob(blob, `loi-${file.name.replace(/\.xlsx$/i, '')}.xlsx`);
}
