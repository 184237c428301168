import { trainingRecordQuery, type Page, type TrainingRecordItem } from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx } from '../../../context.ts';
import { reader } from '../../../context.ts';
import { notFound } from '../../../errors.ts';
import { offsetOf, pageFrom } from '../../../lib/paging.ts';
import { parseInput } from '../../../lib/input.ts';
import { findPerson } from '../../people/people.repository.ts';
import { attendancePercent } from '../results/outcomes.ts';
import { countRecord, findRecordPage, type RecordRow } from './record.repository.ts';

function toItem(r: RecordRow): TrainingRecordItem {
  const status: 'valid' | 'revoked' = r.revoked_at === null ? 'valid' : 'revoked';
  return {
    enrolmentId: r.enrolment_id,
    classId: r.class_id,
    className: r.class_name,
    kindName: r.kind_name,
    organiserUnitName: r.organiser_unit_name,
    level: r.level,
    startDate: r.start_date,
    endDate: r.end_date,
    classStatus: r.class_status,
    enrolmentStatus: r.enrolment_status,
    attendancePercent: attendancePercent(Number(r.attended), Number(r.sessions)),
    score: r.score,
    grade: r.grade,
    outcome: r.outcome,
    certificate:
      r.certificate_id === null || r.certificate_number === null || r.verify_code === null
        ? null
        : { id: r.certificate_id, number: r.certificate_number, status, verifyCode: r.verify_code },
  };
}

/**
 * GET /people/:id/training — the person's whole training record, newest class first: anyone who
 * may read the person (their own account included) reads all of it, see record.repository.ts.
 */
export async function personTrainingRecord(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof trainingRecordQuery>,
): Promise<Page<TrainingRecordItem>> {
  const { id, ...rest } = input;
  const { page, pageSize, order, kindCode } = parseInput(trainingRecordQuery, rest);
  const tx = reader(ctx);
  const person = await findPerson(tx, actor, id);
  if (!person) throw notFound('Cán bộ');
  const filter = { personId: person.id, ...(kindCode ? { kindCode } : {}) };
  const [rows, total] = await Promise.all([
    findRecordPage(tx, filter, order, { limit: pageSize, offset: offsetOf({ page, pageSize }) }),
    countRecord(tx, filter),
  ]);
  return pageFrom(rows.map(toItem), total, { page, pageSize });
}
