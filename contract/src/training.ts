import { z } from 'zod';
import { id, isoDate, optionalText, pageOf, pageQuery, text, version } from './common.ts';
import {
  attendanceMark,
  certificateStatus,
  classAction,
  classLevel,
  classMode,
  classStatus,
  enrolmentStatus,
  gender,
  grade,
  outcome,
  sessionPart,
  title,
  unitKind,
} from './enums.ts';

/*
 * Training: the catalogue (kinds, programmes), classes and their sessions, seat allocations,
 * enrolments, attendance, results and certificates. Paths are under /api/v1/training unless noted.
 */

// ---------- Catalogue ----------

/** GET/POST /training/kinds, PATCH /training/kinds/:code — a handful of rows, not paged. */
export const trainingKind = z.object({
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type TrainingKind = z.infer<typeof trainingKind>;
export const trainingKindList = z.object({ items: z.array(trainingKind) });
export const trainingKindCreate = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Mã gồm chữ thường không dấu, số và dấu gạch dưới'),
  name: text(200),
  sortOrder: z.number().int().min(0).max(1000).default(100),
});
export const trainingKindUpdate = z.object({
  version,
  name: text(200).optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});
export const kindParams = z.object({ code: z.string().min(1).max(40) });

/** GET/POST /training/programmes, GET/PATCH /training/programmes/:id */
export const programme = z.object({
  id: z.number().int(),
  name: z.string(),
  kindCode: z.string(),
  kindName: z.string(),
  targetTitles: z.array(title),
  topics: z.array(z.string()),
  /** Standard length: days for short classes, periods (tiết) when the programme counts them. */
  standardDays: z.number().int().nullable(),
  standardPeriods: z.number().int().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Programme = z.infer<typeof programme>;
const programmeFields = {
  name: text(300),
  kindCode: z.string().min(1).max(40),
  targetTitles: z.array(title).max(20).default([]),
  topics: z.array(text(300)).max(50).default([]),
  standardDays: z.number().int().min(1).max(400).nullable().optional(),
  standardPeriods: z.number().int().min(1).max(5000).nullable().optional(),
};
export const programmeCreate = z.object(programmeFields);
export type ProgrammeCreateInput = z.input<typeof programmeCreate>;
export const programmeUpdate = z.object({
  version,
  name: programmeFields.name.optional(),
  kindCode: programmeFields.kindCode.optional(),
  targetTitles: z.array(title).max(20).optional(),
  topics: z.array(text(300)).max(50).optional(),
  standardDays: programmeFields.standardDays,
  standardPeriods: programmeFields.standardPeriods,
  active: z.boolean().optional(),
});
export const programmeListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kindCode: z.string().max(40).optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'kind']).default('name'),
});
export type ProgrammeListQuery = z.infer<typeof programmeListQuery>;
export const programmePage = pageOf(programme);

// ---------- Classes ----------

/** Reported headcount of a historical class without a named roster (counts like a roster in totals). */
export const classHeadcount = z.object({
  total: z.number().int().min(1).max(100000),
  women: z.number().int().min(0).nullable().optional(),
  minority: z.number().int().min(0).nullable().optional(),
  doan: z.number().int().min(0).nullable().optional(),
  hoi: z.number().int().min(0).nullable().optional(),
  doi: z.number().int().min(0).nullable().optional(),
});
export type ClassHeadcount = z.infer<typeof classHeadcount>;

/** Canbo applies it: attended share ≥ minAttendancePercent and grade at or above passGrade. */
export const completionRule = z.object({
  minAttendancePercent: z.number().int().min(0).max(100),
  passGrade: grade,
});
export type CompletionRule = z.infer<typeof completionRule>;

export const trainingClass = z.object({
  id: z.number().int(),
  name: z.string(),
  organiserUnitId: z.number().int(),
  organiserUnitName: z.string(),
  level: classLevel,
  partners: z.array(z.string()),
  kindCode: z.string(),
  kindName: z.string(),
  programmeId: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  targetTitles: z.array(title),
  startDate: z.string(),
  endDate: z.string(),
  place: z.string().nullable(),
  mode: classMode,
  capacity: z.number().int().nullable(),
  decision: z.string().nullable(),
  status: classStatus,
  /** Set for a historical class recorded by its headcount only (it has no enrolments). */
  headcount: classHeadcount.nullable(),
  completionRule,
  /** Seats allocated to units, seated trainees (nominated + confirmed), waitlisted. */
  seatsAllocated: z.number().int(),
  seated: z.number().int(),
  waitlisted: z.number().int(),
  sessionCount: z.number().int(),
  version: z.number().int(),
  /** The actor may edit the class, its sessions, allocations, attendance, results and certificates. */
  canManage: z.boolean(),
});
export type TrainingClass = z.infer<typeof trainingClass>;

const classFields = {
  name: text(300),
  organiserUnitId: id,
  partners: z.array(text(200)).max(10).default([]),
  kindCode: z.string().min(1).max(40),
  programmeId: id.nullable().optional(),
  targetTitles: z.array(title).max(20).default([]),
  startDate: isoDate,
  endDate: isoDate,
  place: optionalText(300),
  mode: classMode.default('in_person'),
  capacity: z.number().int().min(1).max(100000).nullable().optional(),
  decision: optionalText(100),
  minAttendancePercent: z.number().int().min(0).max(100).default(80),
  passGrade: grade.default('average'),
};
/**
 * POST /training/classes. With `headcount` the class is a historical record: it is created
 * "completed" (its end date must be past) and takes no enrolments.
 */
export const classCreate = z.object({ ...classFields, headcount: classHeadcount.nullable().optional() });
export type ClassCreateInput = z.input<typeof classCreate>;
/** PATCH /training/classes/:id */
export const classUpdate = z.object({
  version,
  name: classFields.name.optional(),
  partners: z.array(text(200)).max(10).optional(),
  kindCode: classFields.kindCode.optional(),
  programmeId: classFields.programmeId,
  targetTitles: z.array(title).max(20).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  place: classFields.place,
  mode: classMode.optional(),
  capacity: classFields.capacity,
  decision: classFields.decision,
  minAttendancePercent: z.number().int().min(0).max(100).optional(),
  passGrade: grade.optional(),
  headcount: classHeadcount.nullable().optional(),
});
export type ClassUpdateInput = z.input<typeof classUpdate>;

/** GET /training/classes (and /training/classes.xlsx with the same filters). */
export const classListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  /** Classes organised by this unit or any unit below it. */
  organiserWithin: id.optional(),
  status: classStatus.optional(),
  kindCode: z.string().max(40).optional(),
  level: classLevel.optional(),
  /** Classes whose dates touch [from, to]. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(['startDate', 'name', 'status']).default('startDate'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ClassListQuery = z.infer<typeof classListQuery>;
export type ClassListInput = z.input<typeof classListQuery>;
/** GET /training/classes.xlsx — the list's filters and order, every matching class (no paging). */
export const classExportQuery = classListQuery.omit({ page: true, pageSize: true });
export type ClassExportInput = z.input<typeof classExportQuery>;
export const classPage = pageOf(trainingClass);

/** POST /training/classes/:id/transitions — one step of the workflow. */
export const classTransition = z.object({ action: classAction, version, note: optionalText(500) });
export type ClassTransitionInput = z.input<typeof classTransition>;

/** GET /training/classes/:id/history — every status step, oldest first. */
export const classHistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  fromStatus: classStatus.nullable(),
  toStatus: classStatus,
  note: z.string().nullable(),
});
export const classHistory = z.object({ items: z.array(classHistoryEntry) });

// ---------- Sessions ----------

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ dạng hh:mm');

/** GET/POST /training/classes/:id/sessions, PATCH/DELETE /training/sessions/:id */
export const classSession = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  date: z.string(),
  part: sessionPart,
  /** The check-in window: QR check-in is accepted from startsAt − 30 min to endsAt. */
  startsAt: z.string(),
  endsAt: z.string(),
  topic: z.string().nullable(),
  lecturer: z.string().nullable(),
  version: z.number().int(),
});
export type ClassSession = z.infer<typeof classSession>;
export const sessionList = z.object({ items: z.array(classSession) });
export const sessionCreate = z.object({
  date: isoDate,
  part: sessionPart,
  startsAt: hhmm.optional(),
  endsAt: hhmm.optional(),
  topic: optionalText(300),
  lecturer: optionalText(200),
});
export type SessionCreateInput = z.input<typeof sessionCreate>;
export const sessionUpdate = z.object({
  version,
  date: isoDate.optional(),
  part: sessionPart.optional(),
  startsAt: hhmm.optional(),
  endsAt: hhmm.optional(),
  topic: optionalText(300),
  lecturer: optionalText(200),
});
/** Default hours of a part of the day, when the session does not give its own. */
export const sessionPartHours: Record<z.infer<typeof sessionPart>, { startsAt: string; endsAt: string }> = {
  morning: { startsAt: '07:30', endsAt: '11:30' },
  afternoon: { startsAt: '13:30', endsAt: '17:00' },
  evening: { startsAt: '19:00', endsAt: '21:30' },
  full_day: { startsAt: '07:30', endsAt: '17:00' },
};
/** GET /training/sessions/:id/qr — for staff: what the session's QR code carries. */
export const sessionQr = z.object({ token: z.string(), url: z.string(), windowFrom: z.string(), windowTo: z.string() });

// ---------- Seat allocations ----------

/** GET/POST /training/classes/:id/allocations (paged), PATCH/DELETE /training/allocations/:id */
export const allocation = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  seats: z.number().int(),
  /** Seated enrolments (nominated + confirmed) on these seats; never more than `seats`. */
  used: z.number().int(),
  /** Waiting for one of these seats to be freed. */
  waitlisted: z.number().int(),
  version: z.number().int(),
  /** The actor may nominate into these seats (editor of the allocated unit). */
  canNominate: z.boolean(),
});
export type Allocation = z.infer<typeof allocation>;
export const allocationCreate = z.object({ unitId: id, seats: z.number().int().min(1).max(100000) });
export const allocationUpdate = z.object({ version, seats: z.number().int().min(1).max(100000) });
export const allocationListQuery = pageQuery.extend({
  sort: z.enum(['unit', 'seats']).default('unit'),
  /** Only allocations the actor may nominate into (a unit editor's view of the class). */
  mine: z.enum(['true', 'false']).optional(),
});
export const allocationPage = pageOf(allocation);

// ---------- Enrolments ----------

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
  q: z.string().trim().max(100).optional(),
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
export const withdrawEnrolment = z.object({ version, reason: text(500) });
export const withdrawResult = z.object({ withdrawn: enrolment, promoted: enrolment.nullable() });

// ---------- Attendance ----------

/** GET /training/classes/:id/attendance — people × sessions, paged by people, in name order. */
export const attendanceGridQuery = pageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  q: z.string().trim().max(100).optional(),
});
export const attendanceRow = z.object({
  enrolmentId: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  unitName: z.string(),
  title: title.nullable(),
  /** One per session, in the order of `sessions`; null = not marked. */
  marks: z.array(attendanceMark.nullable()),
  attendancePercent: z.number().int().nullable(),
});
export const attendanceGrid = z.object({
  sessions: z.array(classSession),
  rows: z.array(attendanceRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AttendanceGrid = z.infer<typeof attendanceGrid>;
/** PUT /training/classes/:id/attendance — bulk marking; null clears a mark. */
export const attendanceMarksInput = z.object({
  marks: z
    .array(z.object({ enrolmentId: id, sessionId: id, mark: attendanceMark.nullable() }))
    .min(1)
    .max(20000),
});
export const attendanceSaved = z.object({ changed: z.number().int() });

/** POST /training/checkin — a signed-in trainee scans the session's QR code. */
export const selfCheckin = z.object({ token: z.string().min(10).max(100) });
/** POST /training/sessions/:id/checkin — staff scan a trainee's personal QR code. */
export const staffCheckin = z.object({ code: z.string().min(10).max(100) });
export const checkinResult = z.object({
  sessionId: z.number().int(),
  className: z.string(),
  personName: z.string(),
  mark: attendanceMark,
  /** False when this person was already checked in for the session (nothing changed). */
  changed: z.boolean(),
  /** The session checked in to, for the confirmation "buổi sáng 12/03/2025". */
  sessionDate: z.string().optional(),
  sessionPart: sessionPart.optional(),
});
/** GET /training/enrolments/:id/qr — the trainee's personal check-in code (own enrolment or staff). */
export const enrolmentQr = z.object({ code: z.string(), payload: z.string() });

/**
 * POST /training/classes/:id/attendance/upload?dryRun=true|false (multipart, one .xlsx — the sheet
 * from attendance.xlsx). A preview lists every row's changes and errors; nothing is saved unless
 * the sheet has no error and dryRun is false. Uploading the same sheet twice changes nothing.
 */
export const attendanceUploadQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') });
export const uploadRowResult = z.object({
  row: z.number().int(),
  personName: z.string().nullable(),
  changes: z.number().int(),
  errors: z.array(z.string()),
});
export const attendanceUploadResult = z.object({
  rows: z.array(uploadRowResult),
  /** Errors of the sheet itself (wrong file, unknown session columns). */
  sheetErrors: z.array(z.string()),
  changes: z.number().int(),
  applied: z.boolean(),
});
export type AttendanceUploadResult = z.infer<typeof attendanceUploadResult>;

// ---------- Results ----------

/** PUT /training/classes/:id/results — scores and grades for many trainees at once. */
export const resultsInput = z.object({
  results: z
    .array(
      z.object({
        enrolmentId: id,
        score: z.number().min(0).max(10).nullable().optional(),
        grade: grade.nullable().optional(),
      }),
    )
    .min(1)
    .max(5000),
});
export const resultsSaved = z.object({ changed: z.number().int() });
/** POST /training/enrolments/:id/override — staff decide the outcome against the rule; null clears. */
export const outcomeOverride = z.object({ version, outcome: outcome.nullable(), reason: optionalText(500) });
/** The answer to an override: the enrolment's outcome as it now stands, beside what the rule gives. */
export const overrideResult = z.object({
  enrolmentId: z.number().int(),
  outcome: outcome.nullable(),
  ruleOutcome: outcome.nullable(),
  outcomeOverridden: z.boolean(),
  overrideReason: z.string().nullable(),
  version: z.number().int(),
});
export type OverrideResult = z.infer<typeof overrideResult>;

// ---------- Certificates ----------

export const certificate = z.object({
  id: z.number().int(),
  enrolmentId: z.number().int(),
  classId: z.number().int(),
  personName: z.string(),
  number: z.string(),
  issuingUnitId: z.number().int(),
  issuingUnitName: z.string(),
  issuedAt: z.string(),
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
export const issueCertificates = z.object({ enrolmentIds: z.array(id).max(5000).optional() });
export const issuedCertificates = z.object({ issued: z.array(certificate) });
/** POST /training/certificates/:id/revoke */
export const revokeCertificate = z.object({ version, reason: text(500) });
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
  version: z.number().int().nonnegative(),
  pattern: z
    .string()
    .trim()
    .min(5)
    .max(60)
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
export const verifyParams = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/) });

// ---------- A person's training record ----------

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
  kindCode: z.string().max(40).optional(),
});
export type TrainingRecordQuery = z.infer<typeof trainingRecordQuery>;
export const trainingRecordPage = pageOf(trainingRecordItem);

// ---------- Documents ----------

/**
 * GET /training/classes/:id/summons.docx — the summons (giấy triệu tập) to one allocated unit
 * (or the organiser's own list without allocationId), in the Union's document format.
 */
export const summonsQuery = z.object({
  allocationId: id.optional(),
  /** The document number without the suffix: 15 → "15-GTT/TĐTN-BTC". */
  number: z.coerce.number().int().min(1).max(99999).optional(),
  date: isoDate.optional(),
  signerName: optionalText(100),
  /** "BÍ THƯ", "PHÓ BÍ THƯ" — printed under "TM. BAN THƯỜNG VỤ". */
  signerTitle: optionalText(60),
});
export type SummonsQuery = z.infer<typeof summonsQuery>;
