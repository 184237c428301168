import { z } from 'zod';
import { id, isoDate, text } from '../common.ts';
import { grade, outcome } from '../enums.ts';
import { classFields } from './classes.ts';

// Training: a class already held, recorded in one step (issue 9). Paths are under /api/v1/training.

/** A certificate as printed on paper: its number, date and signing unit kept exactly, never renumbered. */
export const printedCertificate = z.object({
  number: text(60),
  issuedOn: isoDate,
  /** The unit that signed it (it may have ended since); the organiser when not given. */
  issuingUnitId: id.nullable().optional(),
});
export type PrintedCertificateInput = z.input<typeof printedCertificate>;

/** One trainee of a recorded class and how it went for them. */
export const recordedTrainee = z.object({
  personId: id,
  outcome,
  grade: grade.nullable().optional(),
  /** The attended share as the class's papers give it (no sessions are invented to count it). */
  attendancePercent: z.number().int().min(0).max(100).nullable().optional(),
  certificate: printedCertificate.nullable().optional(),
});
export type RecordedTraineeInput = z.input<typeof recordedTrainee>;

/** At most this many trainees in one recorded class (the article's largest class had 243). */
export const MAX_RECORDED_ROSTER = 2000;

/**
 * POST /training/classes/recorded — a class already held, as it happened: its data, its named roster
 * (anyone in the editor's read scope), each trainee's outcome, the certificates as printed. Created
 * completed, its status history dated at the class's own dates. All or nothing.
 */
export const recordedClassCreate = z.object({
  ...classFields,
  roster: z.array(recordedTrainee).min(1).max(MAX_RECORDED_ROSTER),
});
export type RecordedClassInput = z.input<typeof recordedClassCreate>;

/**
 * The route checks a roster row only for its person: the service checks the rest with
 * `recordedClassCreate`, so a refused row names its index AND its person id in `details` (the
 * route's own validation could only name the path, and two people may share a name).
 */
export const recordedClassBody = z.object({
  ...classFields,
  roster: z
    .array(z.looseObject({ personId: id }))
    .min(1)
    .max(MAX_RECORDED_ROSTER),
});
