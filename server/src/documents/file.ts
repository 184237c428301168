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
