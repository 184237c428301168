import { certificateDocumentQuery, type CertificateDocumentQuery } from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx } from '../../../context.ts';
import { reader } from '../../../context.ts';
import { issuerOf } from '../../../documents/issuer.ts';
import { fileSlug, type DocumentFile } from '../../../documents/file.ts';
import { AppError, notFound } from '../../../errors.ts';
import { todayIso } from '../../../lib/dates.ts';
import { parseInput } from '../../../lib/input.ts';
import { findVisibleClass } from '../classes/class.access.ts';
import type { CertificateData } from '../documents/certificate.ts';
import { asBuffer } from '../../../workers/pool.ts';
import { classDocumentRows, documentRow, type DocumentRow } from './certificates.repository.ts';

/** The Vietnamese calendar day of a stored timestamp. */
const dayOf = (timestamp: string) => todayIso(new Date(timestamp));

/** Letters without diacritics, case kept ("Nguyễn Thị Hoa" → "Nguyen Thi Hoa"), safe in any file system. */
function asciiName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .'-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "001/GCN-2025" and "Nguyễn Thị Hoa" → "001-GCN-2025 - Nguyen Thi Hoa.pdf". */
export function certificateFileName(number: string, personName: string): string {
  const safeNumber = number.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return `${safeNumber} - ${asciiName(personName)}.pdf`;
}

function toData(r: DocumentRow, publicUrl: string, signer: CertificateDocumentQuery): CertificateData {
  return {
    number: r.number,
    verifyUrl: `${publicUrl}/verify/${r.verify_code}`,
    personName: r.person_name,
    birthDate: r.birth_date,
    unitName: r.unit_name,
    className: r.class_name,
    startDate: r.start_date,
    endDate: r.end_date,
    grade: r.grade,
    issuer: issuerOf({
      name: r.issuer_name,
      kind: r.issuer_kind,
      organisation: r.issuer_organisation,
      place: r.issuer_place,
      parent: r.superior_name === null ? null : { name: r.superior_name },
    }),
    place: r.issuer_place,
    issuedOn: r.issued_on ?? dayOf(r.issued_at),
    signerTitle: signer.signerTitle ?? 'Bí thư',
    signerName: signer.signerName ?? null,
    revokedOn: r.revoked_at === null ? null : dayOf(r.revoked_at),
  };
}

/**
 * GET /training/certificates/:id/certificate.pdf — for readers of the organiser, the trainee, and
 * editors of the trainee's unit. A revoked certificate still prints, stamped "ĐÃ THU HỒI".
 */
export async function certificatePdf(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof certificateDocumentQuery>,
): Promise<DocumentFile> {
  const { id, ...rest } = input;
  const signer = parseInput(certificateDocumentQuery, rest);
  const row = await documentRow(reader(ctx), actor, id);
  if (!row) throw notFound('Giấy chứng nhận');
  return {
    fileName: certificateFileName(row.number, row.person_name),
    bytes: asBuffer(await ctx.heavy.run(actor.userId, 'certificatePdf', toData(row, ctx.config.publicUrl, signer))),
  };
}

/** A class's valid certificates the actor may open, and the name its files are given. */
async function classCertificates(ctx: Ctx, actor: Actor, classId: number, options: CertificateDocumentQuery) {
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, classId);
  const rows = await classDocumentRows(tx, actor, cls.id);
  if (!rows.length) {
    throw new AppError('not_found', {
      vi: `Lớp "${cls.name}" chưa có giấy chứng nhận còn hiệu lực nào bạn được tải`,
      en: `The class "${cls.name}" has no valid certificate you may download yet`,
    });
  }
  const slug = fileSlug(cls.name);
  const data = rows.map((r) => toData(r, ctx.config.publicUrl, options));
  return { cls, rows, data, baseName: `giay-chung-nhan-${slug || cls.id}` };
}

/**
 * GET /training/classes/:id/certificates.zip — every valid certificate of the class the actor may
 * open, one PDF each, made in the heavy pool (one after another: running them side by side would
 * only hold more of them in memory at once).
 */
export async function certificatesZip(
  ctx: Ctx,
  actor: Actor,
  classId: number,
  options: z.input<typeof certificateDocumentQuery> = {},
): Promise<DocumentFile & { count: number }> {
  const { rows, data, baseName } = await classCertificates(
    ctx,
    actor,
    classId,
    parseInput(certificateDocumentQuery, options),
  );
  const files: { name: string; data: CertificateData }[] = [];
  const taken = new Set<string>();
  for (const [i, r] of rows.entries()) {
    let name = certificateFileName(r.number, r.person_name);
    // Two numbers that differ only in characters a file name cannot carry must not overwrite each other.
    for (let n = 2; taken.has(name); n++) name = certificateFileName(`${r.number} (${n})`, r.person_name);
    taken.add(name);
    files.push({ name, data: data[i]! });
  }
  const bytes = await ctx.heavy.run(actor.userId, 'certificatesZip', files);
  return { fileName: `${baseName}.zip`, bytes: asBuffer(bytes), count: files.length };
}

/** GET /training/classes/:id/certificates.pdf — the same certificates as one document to print. */
export async function certificatesForPrinting(
  ctx: Ctx,
  actor: Actor,
  classId: number,
  options: z.input<typeof certificateDocumentQuery> = {},
): Promise<DocumentFile & { count: number }> {
  const { cls, data, baseName } = await classCertificates(
    ctx,
    actor,
    classId,
    parseInput(certificateDocumentQuery, options),
  );
  const bytes = await ctx.heavy.run(actor.userId, 'certificatesPdf', { data, title: `Giấy chứng nhận — ${cls.name}` });
  return { fileName: `${baseName}.pdf`, bytes: asBuffer(bytes), count: data.length };
}
