import { foldVietnamese } from '@canbo/contract';

/** A generated document on its way to the browser. */
export interface DocumentFile {
  /** ASCII by construction (see certificateFileName and the slugged names), so plain `filename` is enough. */
  fileName: string;
  bytes: Buffer;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF = 'application/pdf';
export const ZIP = 'application/zip';

/**
 * A name in a file name: Vietnamese words without diacritics, lower case, joined by dashes, at most
 * about 60 characters cut at a word ("Lớp bồi dưỡng Bí thư" → "lop-boi-duong-bi-thu").
 */
export function fileSlug(text: string): string {
  const slug = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > 60 ? slug.slice(0, 61).replace(/-[^-]*$/, '') : slug;
}

/** A date in a file name as Vietnamese users read it: yyyy-mm-dd → dd-mm-yyyy. */
export function fileDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}
