import type { Issuer } from '../issuer.ts';
import type { Pdf } from './pdf.ts';

/** The lines of the header pair a PDF prints: issuer.ts issuerOf makes them. */
export type HeaderLines = Pick<Issuer, 'superior' | 'body' | 'motto'>;

/**
 * The Union's header pair (HD 29) on a PDF page, as docx/official.ts officialHeader lays it out in
 * Word: on the left the superior committee, the issuing committee in bold and "***"; on the right
 * the organisation's line, bold and underlined. Each column is `column` wide, flush with the
 * margins; leaves `doc.y` under the left column, the taller one.
 */
export function drawUnionHeader(
  doc: Pdf,
  issuer: HeaderLines,
  at: { left: number; right: number; top: number; column: number; size: number },
): void {
  const { left, right, top, column, size } = at;
  doc.fillColor('black').fontSize(size);
  doc.y = top;
  if (issuer.superior) doc.font('regular').text(issuer.superior, left, top, { width: column, align: 'center' });
  doc.font('bold').text(issuer.body, left, doc.y, { width: column, align: 'center' });
  doc.font('regular').text('***', left, doc.y, { width: column, align: 'center' });
  const bottom = doc.y;
  doc.font('bold').fontSize(size + 1);
  doc.text(issuer.motto, right - column, top, { width: column, align: 'center', underline: true });
  doc.y = Math.max(bottom, doc.y);
}
