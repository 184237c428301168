import { z } from 'zod';
import { id, multilineText, pageOf, pageQuery, searchTerm, version } from '../common.ts';
import { enrolmentStatus, gender, grade, outcome, title, unitKind } from '../enums.ts';

// Training: enrolments. Paths are under /api/v1/training unless noted.

export const enrolment = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  birthDate: z.string().nullable(),
  gender,
  /** The person's unit and title when nominated (kept: later moves do not rewrite history). */
  unitId: z.number().int(),
  unitName: z.string(),
  title: title.nullable(),
  allocationId: z.number().int().nullable(),
  status: enrolmentStatus,
  /** 1-based place on the waitlist; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  attendedSessions: z.number().int(),
  attendancePercent: z.number().int().nullable(),
  score: z.number().nullable(),
  grade: grade.nullable(),
  /** What the completion rule gives, or the override when staff set one. */
  outcome: outcome.nullable(),
  outcomeOverridden: z.boolean(),
  overrideReason: z.string().nullable(),
  certificateId: z.number().int().nullable(),
  certificateNumber: z.string().nullable(),
  version: z.number().int(),
});
export type Enrolment = z.infer<typeof enrolment>;

/** GET /training/classes/:id/enrolments (and roster.xlsx with the same filters). */
export const enrolmentListQuery = pageQuery.extend({
  q: searchTerm,
  status: enrolmentStatus.optional(),
  /** Only trainees holding a seat (nominated + confirmed): the results table. */
  seated: z.enum(['true', 'false']).optional(),
  /** Trainees whose unit (at nomination) lies in this subtree. */
  unitWithin: id.optional(),
  allocationId: id.optional(),
  sort: z.enum(['person', 'unit', 'status', 'nominatedAt']).default('person'),
});
export type EnrolmentListQuery = z.infer<typeof enrolmentListQuery>;
export const enrolmentPage = pageOf(enrolment);

/**
 * POST /training/classes/:id/enrolments — nominate people. With `allocationId` the seats are the
 * allocated unit's (people must be in its subtree); without, the organiser nominates directly into
 * the seats it kept (capacity − all allocations; unlimited without a capacity). Seats are never
 * exceeded: beyond the remaining seats the whole request is refused, unless `waitlist` asks for the
 * extra people to wait — they take a seat of the same quota, in order, when one is freed.
 */
export const nominate = z.object({
  allocationId: id.nullable().optional(),
  personIds: z.array(id).min(1).max(500),
  waitlist: z.boolean().default(false),
});
export type NominateInput = z.input<typeof nominate>;

/** The filter of a bulk nomination: "secretaries and deputies of grassroots unions in my subtree". */
export const nominationFilter = z.object({
  within: id,
  titles: z.array(title).min(1).max(20),
  unitKinds: z.array(unitKind).max(10).default([]),
});
/** POST /training/classes/:id/enrolments/bulk — `dryRun` previews who the filter finds. */
export const bulkNominate = z.object({
  allocationId: id.nullable().optional(),
  filter: nominationFilter,
  waitlist: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});
export type BulkNominateInput = z.input<typeof bulkNominate>;
export const nominationCandidate = z.object({
  personId: z.number().int(),
  personName: z.string(),
  unitName: z.string(),
  title: title.nullable(),
  /** Already enrolled in this class (skipped). */
  alreadyEnrolled: z.boolean(),
});
export const nominationResult = z.object({
  /** New enrolments (dryRun: those that would be made). */
  added: z.number().int(),
  waitlisted: z.number().int(),
  skipped: z.number().int(),
  /** Seats left on the quota after this nomination (null when the organiser's seats are unlimited). */
  remainingSeats: z.number().int().nullable(),
  candidates: z.array(nominationCandidate),
  applied: z.boolean(),
});
export type NominationResult = z.infer<typeof nominationResult>;

/** POST /training/classes/:id/enrolments/confirm — the organiser confirms (summons) nominated trainees. */
export const confirmEnrolments = z.object({ enrolmentIds: z.array(id).min(1).max(5000) });
/** How many nominated trainees the confirmation summoned (already confirmed ones are left as they are). */
export const confirmResult = z.object({ confirmed: z.number().int() });
/** POST /training/enrolments/:id/withdraw — the first waitlisted trainee takes the freed seat. */
export const withdrawEnrolment = z.object({ version, reason: multilineText(500) });
export const withdrawResult = z.object({ withdrawn: enrolment, promoted: enrolment.nullable() });
