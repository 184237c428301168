import { verifyParams, type PublicCertificate } from '@canbo/contract';
import type { z } from 'zod';
import type { Ctx } from '../../../context.ts';
import { reader } from '../../../context.ts';
import { AppError } from '../../../errors.ts';
import { todayIso } from '../../../lib/dates.ts';
import { parseInput } from '../../../lib/input.ts';
import { findByVerifyCode } from './certificates.repository.ts';

/**
 * GET /api/v1/public/certificates/:code — anyone holding the paper (or its QR) checks it. The code's
 * 144 random bits are the only key, and the answer carries nothing beyond what the paper itself
 * shows: no birth date, unit, contact or reason for a revocation.
 */
export async function verifyCertificate(ctx: Ctx, input: z.input<typeof verifyParams>): Promise<PublicCertificate> {
  const { code } = parseInput(verifyParams, input);
  const r = await findByVerifyCode(reader(ctx), code);
  if (!r) {
    throw new AppError(
      'not_found',
      'Không tìm thấy giấy chứng nhận với mã xác minh này. Hãy kiểm tra lại đường dẫn hoặc quét lại mã QR trên giấy chứng nhận.',
    );
  }
  return {
    number: r.number,
    // The date on the paper: a certificate recorded as printed (or issued late) keeps its own.
    issuedOn: r.issued_on ?? todayIso(new Date(r.issued_at)),
    personName: r.person_name,
    className: r.class_name,
    startDate: r.start_date,
    endDate: r.end_date,
    issuerName: r.issuer_name,
    grade: r.grade,
    status: r.revoked_at === null ? 'valid' : 'revoked',
    revokedAt: r.revoked_at,
  };
}
