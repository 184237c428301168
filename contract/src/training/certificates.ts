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
 * Tokens, in Vietnamese: {stt} (or {stt:3}, zero-padded) the running number, {nam} the year, {donvi}
 * the unit's code. Must contain exactly one running number. The English tokens of the first version
 * ({seq}, {seq:3}, {year}, {unit}) stay valid, so patterns already saved keep numbering as before.
 */
export const certificatePattern = z.object({
  unitId: z.number().int(),
  pattern: z.string(),
  version: z.number().int(),
  /** What fills {donvi} and {stt} for the unit's next certificate this year: the web shows a live example. */
  unitCode: z.string().optional(),
  nextSeq: z.number().int().optional(),
});
export const certificatePatternInput = z.object({
  version,
  pattern: line(60)
    .min(5)
    .regex(/\{(stt|seq)(:\d)?\}/, 'Mẫu số phải có {stt}'),
});
export const DEFAULT_CERTIFICATE_PATTERN = '{stt:3}/GCN-{nam}';

const PATTERN_TOKEN = /\{([^{}]*)\}/g;
/** What each token stands for; the Vietnamese word first, the English one kept for saved patterns. */
const SEQ_TOKEN = /^(stt|seq)(:[1-9])?$/;
const YEAR_TOKENS = new Set(['nam', 'năm', 'year']);
const UNIT_TOKENS = new Set(['donvi', 'đơnvị', 'unit']);
const PATTERN_TOKENS_HELP = '{stt}, {stt:3}, {nam}, {donvi}';

/** Why a numbering pattern cannot number certificates, for each language to word. */
export type CertificatePatternIssue =
  { problem: 'unknownToken'; token: string } | { problem: 'braces' | 'seqCount' | 'control' };

/** What is wrong with a pattern, or null when it can number certificates. */
export function certificatePatternIssue(pattern: string): CertificatePatternIssue | null {
  let seqs = 0;
  for (const [, inner = ''] of pattern.matchAll(PATTERN_TOKEN)) {
    const token = inner.normalize('NFC').toLowerCase();
    if (SEQ_TOKEN.test(token)) seqs++;
    else if (!YEAR_TOKENS.has(token) && !UNIT_TOKENS.has(token))
      return { problem: 'unknownToken', token: `{${inner}}` };
  }
  if (/[{}]/.test(pattern.replace(PATTERN_TOKEN, ''))) return { problem: 'braces' };
  // A second running number would print the number twice; none would give every certificate the same number.
  if (seqs !== 1) return { problem: 'seqCount' };
  if (/\p{Cc}/u.test(pattern)) return { problem: 'control' };
  return null;
}

/**
 * Why a numbering pattern cannot number certificates (a Vietnamese phrase for the `pattern` field),
 * or null when it can. The web words the same issue in the user's language while a manager types.
 */
export function certificatePatternProblem(pattern: string): string | null {
  const issue = certificatePatternIssue(pattern);
  if (!issue) return null;
  switch (issue.problem) {
    case 'unknownToken':
      return `mã ${issue.token} không dùng được; chỉ dùng ${PATTERN_TOKENS_HELP}`;
    case 'braces':
      return `dấu { } chỉ dùng để ghi các mã ${PATTERN_TOKENS_HELP}`;
    case 'seqCount':
      return 'phải có đúng một mã số thứ tự {stt}';
    case 'control':
      return 'có ký tự điều khiển không in được';
  }
}

/** The certificate number a pattern gives: "{stt:3}/GCN-{nam}" → "007/GCN-2025". */
export function certificateNumberOf(pattern: string, v: { seq: number; year: number; unitCode: string }): string {
  return pattern.replace(PATTERN_TOKEN, (_whole, inner: string) => {
    const token = inner.normalize('NFC').toLowerCase();
    if (YEAR_TOKENS.has(token)) return String(v.year);
    if (UNIT_TOKENS.has(token)) return v.unitCode;
    const width = Number(token.split(':')[1] ?? 0);
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
