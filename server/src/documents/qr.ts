import QRCode from 'qrcode';
import type { Pdf } from './pdf/pdf.ts';

/** A QR code as a PNG (for .docx, which embeds images). */
export function qrPng(text: string, widthPx = 300): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: widthPx });
}

/**
 * Draw a QR code in a PDF as vector squares: sharp at any print size, and no image to decode, so
 * 243 certificates stay fast to produce.
 */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  doc.save();
  doc.fillColor('black');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
    }
  }
  doc.fill();
  doc.restore();
}
