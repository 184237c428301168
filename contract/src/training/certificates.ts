import { z } from 'zod';
import { id, isoDate, line, multilineText, optionalText, pageOf, pageQuery, version } from '../common.ts';
import { certificateStatus, grade } from '../enums.ts';

// Training: certificates. Paths are under /api/v1/training unless noted.

export const certificate = z.object({
  id: z.number().int(),
  enrolmentId: z.number().int(),
  classId: z.number().int(),
  personName: z.string(),
  number: z.string(),
  issuingUnitId: z.number().int(),
  issuingUnitName: z.string(),
  issuedAt: z.string(),
  /** The date on the paper: given when recorded or issued later, else the day it was issued (yyyy-mm-dd). */
  issuedOn: z.string(),
  /** Recorded as printed on paper: its number is the paper's, outside the unit's running numbering. */
  printed: z.boolean(),
  status: certificateStatus,
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  verifyCode: z.string(),
  version: z.number().int(),
});
export type Certificate = z.infer<typeof certificate>;
/** GET /training/classes/:id/certificates (paged). */
export const certificateListQuery = pageQuery.extend({
  status: certificateStatus.optional(),
  sort: z.enum(['number', 'person']).default('number'),
});
export const certificatePage = pageOf(certificate);
/**
 * POST /training/classes/:id/certificates — issue numbered certificates to completed trainees
 * (all who have none yet, or the listed ones). Numbers: per issuing unit and year, no gaps.
 */
export const issueCertificates = z.object({
  enrolmentIds: z.array(id).max(5000).optional(),
  /** The date to print (editors issuing late): not in the future, not before the class ended. */
  issuedAt: isoDate.optional(),
});
export const issuedCertificates = z.object({ issued: z.array(certificate) });
/** POST /training/certificates/:id/revoke */
export const revokeCertificate = z.object({ version, reason: multilineText(500) });
/**
 * GET /training/certificates/:id/certificate.pdf and /training/classes/:id/certificates.zip — who
 * signs: printed under "TM. BAN THƯỜNG VỤ" (title defaults to "BÍ THƯ"; the name is left blank to sign).
 */
export const certificateDocumentQuery = z.object({
  signerName: optionalText(100),
  signerTitle: optionalText(60),
});
export type CertificateDocumentQuery = z.infer<typeof certificateDocumentQuery>;

/**
 * GET/PUT /training/certificate-patterns/:unitId — the numbering pattern of an issuing unit.
 * Tokens: {seq} (or {seq:3}, zero-padded), {year}, {unit} (the unit's code). Must contain {seq}.
 */
export const certificatePattern = z.object({
  unitId: z.number().int(),
  pattern: z.string(),
  version: z.number().int(),
  /** What fills {unit} and {seq} for the unit's next certificate this year: the web shows a live example. */
  unitCode: z.string().optional(),
  nextSeq: z.number().int().optional(),
});
export const certificatePatternInput = z.object({
  version,
  pattern: line(60)
    .min(5)
    .regex(/\{seq(:\d)?\}/, 'Mẫu số phải có {seq}'),
});
export const DEFAULT_CERTIFICATE_PATTERN = '{seq:3}/GCN-{year}';

const PATTERN_TOKEN = /\{([^{}]*)\}/g;
const PATTERN_KNOWN = /^(seq(:[1-9])?|year|unit)$/;
const PATTERN_TOKENS_HELP = '{seq}, {seq:3}, {year}, {unit}';

/**
 * Why a numbering pattern cannot number certificates (a Vietnamese phrase for the `pattern` field),
 * or null when it can. Shared so the web shows the same verdict while a manager types.
 */
export function certificatePatternProblem(pattern: string): string | null {
  let seqs = 0;
  for (const [, inner = ''] of pattern.matchAll(PATTERN_TOKEN)) {
    if (!PATTERN_KNOWN.test(inner)) return `mã {${inner}} không dùng được; chỉ dùng ${PATTERN_TOKENS_HELP}`;
    if (inner.startsWith('seq')) seqs++;
  }
  if (/[{}]/.test(pattern.replace(PATTERN_TOKEN, ''))) return `dấu { } chỉ dùng để ghi các mã ${PATTERN_TOKENS_HELP}`;
  // A second {seq} would print the number twice; none would give every certificate the same number.
  if (seqs !== 1) return 'phải có đúng một mã số thứ tự {seq}';
  if (/\p{Cc}/u.test(pattern)) return 'có ký tự điều khiển không in được';
  return null;
}

/** The certificate number a pattern gives: "{seq:3}/GCN-{year}" → "007/GCN-2025". */
export function certificateNumberOf(pattern: string, v: { seq: number; year: number; unitCode: string }): string {
  return pattern.replace(PATTERN_TOKEN, (_whole, inner: string) => {
    if (inner === 'year') return String(v.year);
    if (inner === 'unit') return v.unitCode;
    const width = Number(inner.split(':')[1] ?? 0);
    return String(v.seq).padStart(width, '0');
  });
}
export const certificatePatternParams = z.object({ unitId: id });

/** GET /api/v1/public/certificates/:code — public, no login: only what verifies the certificate. */
export const publicCertificate = z.object({
  number: z.string(),
  /** The date on the paper (yyyy-mm-dd). */
  issuedOn: z.string(),
  personName: z.string(),
  className: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  issuerName: z.string(),
  grade: grade.nullable(),
  status: certificateStatus,
  revokedAt: z.string().nullable(),
});
export type PublicCertificate = z.infer<typeof publicCertificate>;
export const verifyParams = z.object({ code: line(64).regex(/^[A-Za-z0-9_-]{10,64}$/) });
