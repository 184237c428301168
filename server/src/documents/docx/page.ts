import { Document, Packer, PageOrientation, type ISectionOptions } from 'docx';

/** Millimetres to twentieths of a point, the unit of Word's page setup. */
export const twip = (mmValue: number) => Math.round((mmValue * 1440) / 25.4);

/** Font size in points to Word's half-points. */
export const pt = (points: number) => points * 2;

/**
 * A section on A4 with the margins of QĐ 367 / HD 29 (top 20, bottom 20, left 30, right 20 mm).
 * Landscape swaps the sides, as Word does, so the binding margin stays on the left.
 */
export function a4Section(
  children: ISectionOptions['children'],
  opts: { landscape?: boolean; headers?: ISectionOptions['headers'] } = {},
): ISectionOptions {
  return {
    properties: {
      page: {
        size: {
          width: twip(210),
          height: twip(297),
          orientation: opts.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { top: twip(20), bottom: twip(20), left: twip(30), right: twip(20) },
      },
    },
    ...(opts.headers ? { headers: opts.headers } : {}),
    children,
  };
}

/** A Word document whose every paragraph defaults to Times New Roman 14 pt, the Union's body text. */
export function unionDocument(sections: ISectionOptions[], title: string): Document {
  return new Document({
    title,
    creator: 'Canbo',
    styles: { default: { document: { run: { font: 'Times New Roman', size: pt(14) } } } },
    sections,
  });
}

export function docxBytes(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
