import { AlignmentType, Paragraph, TextRun } from 'docx';
import { titleLabels, type Title } from '@canbo/contract';
import { documentTitle, listTable, officialHeader, signatureBlock } from '../../../documents/docx/official.ts';
import { documentNumber, type Issuer } from '../../../documents/issuer.ts';
import { a4Section, docxBytes, pt, unionDocument } from '../../../documents/docx/page.ts';
import { vnDate } from '../../../lib/dates.ts';

/** Everything printed on a summons. */
export interface Summons {
  issuer: Issuer;
  number: number | null;
  date: string;
  className: string;
  startDate: string;
  endDate: string;
  place: string | null;
  decision: string | null;
  firstSession: { date: string; startsAt: string } | null;
  /** The unit whose seats these are; null for the organiser's own list. */
  recipientUnit: string | null;
  trainees: { name: string; title: Title | null; unitName: string }[];
  signerTitle: string;
  signerName: string | null;
}

function body(text: string, opts: { bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { before: 60, after: 60 },
    children: [new TextRun({ text, bold: opts.bold, size: pt(14) })],
  });
}

/** "từ ngày 12/05/2025 đến ngày 14/05/2025 (khai mạc lúc 07 giờ 30 ngày 12/05/2025)". */
function when(s: Summons): string {
  const days =
    s.startDate === s.endDate
      ? `ngày ${vnDate(s.startDate)}`
      : `từ ngày ${vnDate(s.startDate)} đến ngày ${vnDate(s.endDate)}`;
  if (!s.firstSession) return days;
  const [h, m] = s.firstSession.startsAt.split(':');
  return `${days} (khai mạc lúc ${h} giờ ${m} ngày ${vnDate(s.firstSession.date)})`;
}

/**
 * The decision as the sentence "Căn cứ Quyết định số …" quotes it: the stored text may already
 * start with the words ("Quyết định số 512-QĐ/TĐTN-BTC", "QĐ số 512…"), which are not repeated.
 */
export function decisionNumber(decision: string): string {
  return decision.replace(/^\s*(?:quyết\s+định|qđ)\s*(?:số)?\s*[:.]?\s*/iu, '').trim() || decision.trim();
}

/** The summons (giấy triệu tập) in the Union's format: header, title, body with the list, signature, recipients. */
function summonsDocument(s: Summons) {
  const number = documentNumber(s.issuer, 'summons', s.number, 'BTC');
  const rows = s.trainees.map((t, i) => [String(i + 1), t.name, t.title ? titleLabels[t.title] : '', t.unitName]);
  const children = [
    officialHeader(s.issuer, number, s.date),
    ...documentTitle('GIẤY TRIỆU TẬP', `Học viên tham dự ${s.className}`),
    ...(s.decision
      ? [body(`Căn cứ Quyết định số ${decisionNumber(s.decision)} của Ban Thường vụ ${s.issuer.name};`)]
      : []),
    body(`Ban Thường vụ ${s.issuer.name} triệu tập các đồng chí có tên sau tham dự ${s.className}:`),
    // "STT" in 13 pt bold needs 9 mm and the cell's margins 4 more.
    listTable(['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị'], rows, [15, 50, 38, 57]),
    ...(rows.length ? [] : [body('(Chưa có học viên được cử.)')]),
    body(`- Thời gian: ${when(s)}.`),
    body(`- Địa điểm: ${s.place ?? 'sẽ thông báo sau'}.`),
    body(
      s.recipientUnit
        ? `Đề nghị Ban Thường vụ ${s.recipientUnit} tạo điều kiện để các đồng chí có tên trên tham dự đầy đủ, đúng thời gian./.`
        : 'Đề nghị các đồng chí có tên trên tham dự đầy đủ, đúng thời gian./.',
    ),
    new Paragraph({ children: [] }),
    signatureBlock({
      formula: 'TM. BAN THƯỜNG VỤ',
      signerTitle: s.signerTitle,
      signerName: s.signerName,
      recipients: [s.recipientUnit ?? 'Các đồng chí có tên trên', 'Lưu VP'],
    }),
  ];
  return unionDocument([a4Section(children)], `Giấy triệu tập - ${s.className}`);
}

/** The summons as .docx bytes. */
export async function summonsDocx(s: Summons): Promise<Buffer> {
  return docxBytes(summonsDocument(s));
}
