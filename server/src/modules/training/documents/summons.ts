import { AlignmentType, Paragraph, TextRun } from 'docx';
import { summonsQuery, titleLabels, type Title } from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import { can } from '../../../auth/policy.ts';
import type { Ctx } from '../../../context.ts';
import { reader } from '../../../context.ts';
import {
  documentNumber,
  documentTitle,
  issuerOf,
  listTable,
  officialHeader,
  signatureBlock,
  type Issuer,
} from '../../../documents/docx/official.ts';
import { a4Section, docxBytes, pt, unionDocument } from '../../../documents/docx/page.ts';
import type { DocumentFile } from '../../../documents/file.ts';
import { forbidden, notFound } from '../../../errors.ts';
import { todayIso, vnDate } from '../../../lib/dates.ts';
import { parseInput } from '../../../lib/input.ts';
import { findVisibleClass, requireRostered } from '../classes/class.access.ts';
import { findAllocation } from '../enrolments/allocations.repository.ts';
import { classForSummons, issuingUnit, seatedOfQuota } from '../enrolments/summons.repository.ts';

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

/** The summons (giấy triệu tập) in the Union's format: header, title, body with the list, signature, recipients. */
export function summonsDocument(s: Summons) {
  const number = documentNumber(s.issuer, 'summons', s.number, 'BTC');
  const rows = s.trainees.map((t, i) => [String(i + 1), t.name, t.title ? titleLabels[t.title] : '', t.unitName]);
  const children = [
    officialHeader(s.issuer, number, s.date),
    ...documentTitle('GIẤY TRIỆU TẬP', `Học viên tham dự ${s.className}`),
    ...(s.decision ? [body(`Căn cứ Quyết định số ${s.decision} của Ban Thường vụ ${s.issuer.name};`)] : []),
    body(`Ban Thường vụ ${s.issuer.name} triệu tập các đồng chí có tên sau tham dự ${s.className}:`),
    listTable(['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị'], rows, [12, 50, 40, 58]),
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

/**
 * The summons of one quota as .docx: an allocation's (for the organiser's readers, and for the
 * allocated unit's nominators — their own seats only) or the organiser's own list (organiser's
 * readers only). Lists the seated trainees of that quota.
 */
export async function summonsDocx(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof summonsQuery>,
): Promise<DocumentFile> {
  const { id, ...rest } = input;
  const q = parseInput(summonsQuery, rest);
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, id);
  requireRostered(cls);
  let recipientUnit: string | null = null;
  if (q.allocationId !== undefined) {
    const allocation = await findAllocation(tx, actor, q.allocationId);
    if (!allocation || allocation.class_id !== cls.id) throw notFound('Chỉ tiêu phân bổ');
    recipientUnit = allocation.unit_name;
  } else if (!(await can(tx, actor, 'training.read', cls.organiser_unit_id))) {
    throw forbidden(
      'Giấy triệu tập học viên của đơn vị tổ chức chỉ đơn vị tổ chức được xem: hãy chọn chỉ tiêu của đơn vị bạn',
    );
  }
  const details = await classForSummons(tx, cls.id);
  const trainees = await seatedOfQuota(tx, cls.id, q.allocationId ?? null);
  const doc = summonsDocument({
    issuer: issuerOf(await issuingUnit(tx, cls.organiser_unit_id)),
    number: q.number ?? null,
    date: q.date ?? todayIso(),
    className: details.name,
    startDate: details.start_date,
    endDate: details.end_date,
    place: details.place,
    decision: details.decision,
    firstSession: details.first_session
      ? { date: details.first_session.session_date, startsAt: details.first_session.starts_at }
      : null,
    recipientUnit,
    trainees: trainees.map((t) => ({ name: t.full_name, title: t.title, unitName: t.unit_name })),
    signerTitle: (q.signerTitle ?? 'Bí thư').toLocaleUpperCase('vi'),
    signerName: q.signerName ?? null,
  });
  return {
    bytes: await docxBytes(doc),
    fileName: `giay-trieu-tap-lop-${cls.id}${q.allocationId ? `-chi-tieu-${q.allocationId}` : ''}.docx`,
  };
}
