import { z } from 'zod';
import { line, pageOf, pageQuery } from '../common.ts';
import { certificateStatus, classLevel, classStatus, enrolmentStatus, grade, outcome } from '../enums.ts';

// Training: a person's training record. Paths are under /api/v1/training unless noted.

/** GET /people/:id/training — every class the person was enrolled in, newest first. */
export const trainingRecordItem = z.object({
  enrolmentId: z.number().int(),
  classId: z.number().int(),
  className: z.string(),
  kindName: z.string(),
  organiserUnitName: z.string(),
  level: classLevel,
  startDate: z.string(),
  endDate: z.string(),
  classStatus,
  enrolmentStatus,
  attendancePercent: z.number().int().nullable(),
  score: z.number().nullable(),
  grade: grade.nullable(),
  outcome: outcome.nullable(),
  certificate: z
    .object({ id: z.number().int(), number: z.string(), status: certificateStatus, verifyCode: z.string() })
    .nullable(),
});
export type TrainingRecordItem = z.infer<typeof trainingRecordItem>;
/** Newest class first unless asked otherwise. */
export const trainingRecordQuery = pageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  kindCode: line(40).optional(),
});
export type TrainingRecordQuery = z.infer<typeof trainingRecordQuery>;
export const trainingRecordPage = pageOf(trainingRecordItem);
