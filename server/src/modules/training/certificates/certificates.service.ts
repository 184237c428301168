import {
  certificateListQuery,
  certificateNumberOf,
  DEFAULT_CERTIFICATE_PATTERN,
  issueCertificates as issueInput,
  outcomeLabels,
  outcomeLabelsEn,
  revokeCertificate as revokeInput,
  type Certificate,
  type Page,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { nowIso } from '../../../db/dialect.ts';
import { AppError, notFound, stale } from '../../../errors.ts';
import { messages } from '../../../i18n/messages.ts';
import { offsetOf, pageFrom } from '../../../lib/paging.ts';
import { updateVersioned } from '../../../lib/versioned.ts';
import { writeAudit, writeAudits } from '../../audit/audit.writer.ts';
import { todayIso, vnDate } from '../../../lib/dates.ts';
import { fieldError, parseInput } from '../../../lib/input.ts';
import { lockUnits } from '../../units/units.repository.ts';
import {
  findVisibleClass,
  lockManagedClass,
  requireManagedClass,
  requireRostered,
  requireStatus,
} from '../classes/class.access.ts';
import { SEATED } from '../results/outcomes.ts';
import {
  certificatesByIds,
  countCertificates,
  findCertificatesPage,
  findVisibleCertificate,
  insertCertificates,
  listedCandidates,
  newCertificate,
  nextSeq,
  pendingCandidates,
  unitCode,
  type Candidate,
  type CertificateRow,
} from './certificates.repository.ts';
import { findPattern } from './patterns.repository.ts';

const NOT_FOUND = 'Giấy chứng nhận';

function toCertificate(r: CertificateRow): Certificate {
  return {
    id: r.id,
    enrolmentId: r.enrolment_id,
    classId: r.class_id,
    personName: r.person_name,
    number: r.number,
    issuingUnitId: r.issuing_unit_id,
    issuingUnitName: r.issuing_unit_name,
    issuedAt: r.issued_at,
    issuedOn: r.issued_on ?? todayIso(new Date(r.issued_at)),
    printed: r.seq === null,
    status: r.revoked_at === null ? 'valid' : 'revoked',
    revokedAt: r.revoked_at,
    revokeReason: r.revoke_reason,
    verifyCode: r.verify_code,
    version: r.version,
  };
}

/** The audit log keeps the certificate without its verification code: that is the QR's secret. */
export function auditView(r: CertificateRow) {
  const { verifyCode: _code, version: _v, ...fields } = toCertificate(r);
  return fields;
}

export async function listCertificates(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof certificateListQuery>,
): Promise<Page<Certificate>> {
  const { id, ...rest } = input;
  const { page, pageSize, sort, order, status } = parseInput(certificateListQuery, rest);
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, id);
  const filter = { classId: cls.id, ...(status ? { status } : {}) };
  const [rows, total] = await Promise.all([
    findCertificatesPage(tx, actor, filter, sort, order, { limit: pageSize, offset: offsetOf({ page, pageSize }) }),
    countCertificates(tx, actor, filter),
  ]);
  return pageFrom(rows.map(toCertificate), total, { page, pageSize });
}

/** A listed trainee who cannot get a certificate: not seated, or not (or not yet) completed. */
function notEligible(c: Candidate): AppError | null {
  if (!(SEATED as readonly string[]).includes(c.status)) {
    return new AppError('conflict', messages.notSeated(c.person_name), { field: 'enrolmentIds', enrolmentId: c.id });
  }
  if (c.outcome === 'completed') return null;
  const outcome = c.outcome ? outcomeLabels[c.outcome].toLocaleLowerCase('vi') : 'chưa có kết quả';
  const outcomeEn = c.outcome ? outcomeLabelsEn[c.outcome].toLowerCase() : 'no result yet';
  return new AppError(
    'conflict',
    {
      vi: `${c.person_name} chưa hoàn thành lớp (${outcome}): không cấp giấy chứng nhận`,
      en: `${c.person_name} has not completed the class (${outcomeEn}): no certificate is issued`,
    },
    { field: 'enrolmentIds', enrolmentId: c.id },
  );
}

/** A date given to print on certificates issued late: the class is over by then, and it is not ahead. */
function checkIssueDate(day: string, classEnd: string): void {
  const today = todayIso();
  if (day > today) throw fieldError('issuedAt', messages.notAfterToday(today));
  if (day < classEnd) {
    throw fieldError('issuedAt', {
      vi: `không được trước ngày lớp kết thúc (${vnDate(classEnd)})`,
      en: `cannot be before the class ended (${vnDate(classEnd)})`,
    });
  }
}

/**
 * POST /training/classes/:id/certificates — numbered certificates for the trainees who completed
 * the class (all who have none yet, or the listed ones). The issuing unit is the organiser; the
 * year is the class's end year; numbers run on from the unit's highest of that year, in the
 * roster's name order. The class's row is locked (its state cannot change meanwhile), then the
 * issuing unit's, until the transaction ends: two classes of one organiser issued at the same
 * moment take turns and never share or skip a number.
 */
export async function issueCertificates(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof issueInput>,
): Promise<{ issued: Certificate[] }> {
  const { id, ...rest } = input;
  const { enrolmentIds, issuedAt } = parseInput(issueInput, rest);
  const issuedOn = issuedAt ?? null;
  return inTransaction(ctx, async (tx) => {
    const cls = await lockManagedClass(tx, actor, id);
    requireRostered(cls);
    if (enrolmentIds) {
      const found = new Map((await listedCandidates(tx, enrolmentIds)).map((c) => [c.id, c]));
      const stranger = enrolmentIds.find((e) => found.get(e)?.class_id !== cls.id);
      if (stranger !== undefined) {
        throw fieldError('enrolmentIds', {
          vi: `học viên số ${stranger} không thuộc lớp này`,
          en: `trainee ${stranger} is not in this class`,
        });
      }
    }
    requireStatus(cls, ['completed', 'closed'], { vi: 'cấp giấy chứng nhận', en: 'issue certificates' });
    if (issuedOn !== null) checkIssueDate(issuedOn, cls.end_date);

    const unitId = cls.organiser_unit_id;
    await lockUnits(tx, [unitId]);
    // Read after the lock: a second request for the same class waits above, then finds them certified.
    let chosen: Candidate[];
    if (enrolmentIds) {
      chosen = (await listedCandidates(tx, enrolmentIds)).filter((c) => c.certificate_id === null);
      const refused = chosen.map(notEligible).find((e) => e !== null);
      if (refused) throw refused;
    } else {
      chosen = await pendingCandidates(tx, cls.id);
    }
    if (!chosen.length) return { issued: [] };

    const year = Number(cls.end_date.slice(0, 4));
    const pattern = (await findPattern(tx, unitId))?.pattern ?? DEFAULT_CERTIFICATE_PATTERN;
    const code = await unitCode(tx, unitId);
    const first = await nextSeq(tx, unitId, year);
    const now = nowIso();
    const rows = chosen.map((c, i) =>
      newCertificate({
        enrolmentId: c.id,
        unitId,
        year,
        seq: first + i,
        number: certificateNumberOf(pattern, { seq: first + i, year, unitCode: code }),
        issuedOn,
        issuedBy: actor.userId,
        now,
      }),
    );
    const issued = await certificatesByIds(tx, await insertCertificates(tx, rows, now));
    await writeAudits(
      tx,
      actor,
      issued.map((r) => ({ entity: 'certificate', entityId: r.id, action: 'issue', unitId, after: auditView(r) })),
    );
    return { issued: issued.map(toCertificate) };
  });
}

/** POST /training/certificates/:id/revoke — the certificate stays on record, marked revoked with why. */
export async function revokeCertificate(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof revokeInput>,
): Promise<Certificate> {
  const { id, ...rest } = input;
  const data = parseInput(revokeInput, rest);
  return inTransaction(ctx, async (tx) => {
    const before = await findVisibleCertificate(tx, actor, id);
    if (!before) throw notFound(NOT_FOUND);
    await requireManagedClass(tx, actor, before.class_id);
    if (before.revoked_at !== null) {
      throw new AppError(
        'conflict',
        {
          vi: `Giấy chứng nhận số ${before.number} đã bị thu hồi ngày ${vnDate(todayIso(new Date(before.revoked_at)))}`,
          en: `The certificate ${before.number} was revoked on ${vnDate(todayIso(new Date(before.revoked_at)))}`,
        },
        { field: 'status' },
      );
    }
    if (before.version !== data.version) throw stale();
    await updateVersioned(tx, 'certificates', id, data.version, {
      revoked_at: nowIso(),
      revoked_by: actor.userId,
      revoke_reason: data.reason,
    });
    const after = await findVisibleCertificate(tx, actor, id);
    if (!after) throw notFound(NOT_FOUND);
    await writeAudit(tx, actor, {
      entity: 'certificate',
      entityId: id,
      action: 'revoke',
      unitId: before.issuing_unit_id,
      before: auditView(before),
      after: auditView(after),
    });
    return toCertificate(after);
  });
}
