import { z } from 'zod';

export const organisations = ['doan', 'hoi', 'doi'] as const;
export const organisation = z.enum(organisations);
export type Organisation = z.infer<typeof organisation>;

/** Unit kinds by level (DOMAIN.md "Organisation"); depth is variable, so the kind says the level, not the depth. */
export const unitKinds = [
  'central',
  'province',
  'district',
  'commune',
  'affiliated',
  'sector',
  'grassroots',
  'standalone_branch',
  'inter_branch',
  'branch',
] as const;
export const unitKind = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKind>;

export const unitStatuses = ['active', 'interim', 'dissolved'] as const;
export const unitStatus = z.enum(unitStatuses);
export type UnitStatus = z.infer<typeof unitStatus>;

export const unitEventKinds = [
  'create',
  'rename',
  'move',
  'merge',
  'split',
  'dissolve',
  'interim',
  'activate',
] as const;
export const unitEventKind = z.enum(unitEventKinds);
export type UnitEventKind = z.infer<typeof unitEventKind>;

export const genders = ['male', 'female'] as const;
export const gender = z.enum(genders);
export type Gender = z.infer<typeof gender>;

export const qualifications = ['none', 'intermediate', 'college', 'university', 'master', 'doctorate'] as const;
export const qualification = z.enum(qualifications);
export type Qualification = z.infer<typeof qualification>;

export const theoryLevels = ['none', 'basic', 'intermediate', 'advanced', 'bachelor'] as const;
export const theoryLevel = z.enum(theoryLevels);
export type TheoryLevel = z.infer<typeof theoryLevel>;

export const titles = [
  'secretary',
  'deputy_secretary',
  'standing_member',
  'committee_member',
  'head_of_board',
  'deputy_head_of_board',
  'specialist',
  'federation_chair',
  'federation_vice_chair',
  'pioneer_council_chair',
  'pioneer_leader',
] as const;
export const title = z.enum(titles);
export type Title = z.infer<typeof title>;

export const employments = ['full_time', 'part_time', 'concurrent'] as const;
export const employment = z.enum(employments);
export type Employment = z.infer<typeof employment>;

export const appointmentMethods = ['elected', 'appointed', 'consulted'] as const;
export const appointmentMethod = z.enum(appointmentMethods);
export type AppointmentMethod = z.infer<typeof appointmentMethod>;

/** A cadre's move between units (điều động, luân chuyển, biệt phái; tiếp nhận from outside). */
export const moveKinds = ['transfer', 'rotation', 'secondment', 'reception'] as const;
export const moveKind = z.enum(moveKinds);
export type MoveKind = z.infer<typeof moveKind>;

export const roles = ['admin', 'editor', 'viewer'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

// ---- Training (DOMAIN.md "Training") ----

/** The level a class is held at: the organiser unit's level, kept on the class when it is created. */
export const classLevels = ['central', 'province', 'district', 'commune', 'grassroots'] as const;
export const classLevel = z.enum(classLevels);
export type ClassLevel = z.infer<typeof classLevel>;

/** A unit's kind decides the level of the classes it organises (directly-affiliated units count with the province). */
export const levelOfUnitKind: Record<UnitKind, ClassLevel> = {
  central: 'central',
  province: 'province',
  affiliated: 'province',
  district: 'district',
  sector: 'district',
  commune: 'commune',
  grassroots: 'grassroots',
  standalone_branch: 'grassroots',
  inter_branch: 'grassroots',
  branch: 'grassroots',
};

export const classStatuses = ['draft', 'planned', 'open', 'in_progress', 'completed', 'closed', 'cancelled'] as const;
export const classStatus = z.enum(classStatuses);
export type ClassStatus = z.infer<typeof classStatus>;

/** Steps of the class workflow; each is allowed only from the states listed in `classTransitions`. */
export const classActions = ['plan', 'open', 'start', 'complete', 'close', 'cancel', 'reopen'] as const;
export const classAction = z.enum(classActions);
export type ClassAction = z.infer<typeof classAction>;

export const classTransitions: Record<ClassAction, { from: readonly ClassStatus[]; to: ClassStatus }> = {
  plan: { from: ['draft'], to: 'planned' },
  open: { from: ['planned'], to: 'open' },
  start: { from: ['open'], to: 'in_progress' },
  complete: { from: ['in_progress'], to: 'completed' },
  close: { from: ['completed'], to: 'closed' },
  cancel: { from: ['draft', 'planned', 'open', 'in_progress'], to: 'cancelled' },
  // A completed class whose results need correcting goes back to "in progress" (not once closed).
  reopen: { from: ['completed'], to: 'in_progress' },
};

export const classModes = ['in_person', 'online', 'blended'] as const;
export const classMode = z.enum(classModes);
export type ClassMode = z.infer<typeof classMode>;

export const sessionParts = ['morning', 'afternoon', 'evening', 'full_day'] as const;
export const sessionPart = z.enum(sessionParts);
export type SessionPart = z.infer<typeof sessionPart>;

/**
 * nominated → confirmed by the organiser; waitlisted when the class is full (promoted in order when a
 * seated trainee withdraws); withdrawn. "Seated" = nominated or confirmed: the sign-in sheet's list.
 */
export const enrolmentStatuses = ['nominated', 'confirmed', 'waitlisted', 'withdrawn'] as const;
export const enrolmentStatus = z.enum(enrolmentStatuses);
export type EnrolmentStatus = z.infer<typeof enrolmentStatus>;

export const attendanceMarks = ['present', 'late', 'excused', 'absent'] as const;
export const attendanceMark = z.enum(attendanceMarks);
export type AttendanceMark = z.infer<typeof attendanceMark>;

/** How a mark was taken: the organiser's grid, the trainee's own QR check-in, staff scanning a trainee's code, a sheet upload. */
export const attendanceMethods = ['grid', 'qr', 'scan', 'upload'] as const;
export type AttendanceMethod = (typeof attendanceMethods)[number];

/** Best first: a passing grade is one at or before the class's pass grade in this order. */
export const grades = ['excellent', 'good', 'fair', 'average', 'fail'] as const;
export const grade = z.enum(grades);
export type Grade = z.infer<typeof grade>;

export const outcomes = ['completed', 'not_completed'] as const;
export const outcome = z.enum(outcomes);
export type Outcome = z.infer<typeof outcome>;

export const certificateStatuses = ['valid', 'revoked'] as const;
export const certificateStatus = z.enum(certificateStatuses);
export type CertificateStatus = z.infer<typeof certificateStatus>;

// ---- Long-term study (DOMAIN.md "Long-term training") ----

/** Degrees first, then political theory; the order within each group is the order of rank. */
export const studyKinds = [
  'university',
  'master',
  'doctorate',
  'theory_intermediate',
  'theory_advanced',
  'theory_bachelor',
] as const;
export const studyKind = z.enum(studyKinds);
export type StudyKind = z.infer<typeof studyKind>;

/** The person's level a graduated study of each kind gives: a qualification or a political theory level. */
export const studyKindLevel: Record<
  StudyKind,
  { qualification: Qualification; theoryLevel?: never } | { theoryLevel: TheoryLevel; qualification?: never }
> = {
  university: { qualification: 'university' },
  master: { qualification: 'master' },
  doctorate: { qualification: 'doctorate' },
  theory_intermediate: { theoryLevel: 'intermediate' },
  theory_advanced: { theoryLevel: 'advanced' },
  theory_bachelor: { theoryLevel: 'bachelor' },
};

export const studyStatuses = ['studying', 'graduated', 'withdrawn', 'extended'] as const;
export const studyStatus = z.enum(studyStatuses);
export type StudyStatus = z.infer<typeof studyStatus>;

/** Steps of the study workflow: graduate or withdraw from studying (or extended); extend keeps it going. */
export const studyActions = ['graduate', 'withdraw', 'extend'] as const;
export const studyAction = z.enum(studyActions);
export type StudyAction = z.infer<typeof studyAction>;

export const studyTransitions: Record<StudyAction, { from: readonly StudyStatus[]; to: StudyStatus }> = {
  graduate: { from: ['studying', 'extended'], to: 'graduated' },
  withdraw: { from: ['studying', 'extended'], to: 'withdrawn' },
  extend: { from: ['studying', 'extended'], to: 'extended' },
};

export const studyModes = ['full_time', 'part_time', 'distance'] as const;
export const studyMode = z.enum(studyModes);
export type StudyMode = z.infer<typeof studyMode>;

export const studyFundings = ['state', 'self', 'scholarship', 'other'] as const;
export const studyFunding = z.enum(studyFundings);
export type StudyFunding = z.infer<typeof studyFunding>;

/** A diploma's classification (xếp loại tốt nghiệp). */
export const diplomaGrades = ['excellent', 'very_good', 'good', 'fairly_good', 'average'] as const;
export const diplomaGrade = z.enum(diplomaGrades);
export type DiplomaGrade = z.infer<typeof diplomaGrade>;
/** Grassroots visits ("1+2"): how a trip's days are counted, set per top unit. */
export const visitDayCountings = ['calendar', 'working'] as const;
export const visitDayCounting = z.enum(visitDayCountings);
export type VisitDayCounting = z.infer<typeof visitDayCounting>;

/** A cadre's year against the requirement: done, or ahead of / behind the elapsed share of the year. */
export const visitStatuses = ['done', 'on_track', 'behind'] as const;
export const visitStatus = z.enum(visitStatuses);
export type VisitStatus = z.infer<typeof visitStatus>;

// ---- Schemes (đề án, kế hoạch): the figures a target counts ----

/**
 * What a scheme's target counts, computed live from the records (never typed in):
 * classes held, participations (seated or completed trainees, plus a headcount-only class's total),
 * distinct people trained, the share (%) of people holding a title who completed title training
 * within N months of appointment, studies started / graduated by kind, grassroots visit days.
 */
export const schemeMetrics = [
  'classes',
  'participations',
  'people',
  'title_training_share',
  'studies_started',
  'studies_graduated',
  'visit_days',
] as const;
export const schemeMetric = z.enum(schemeMetrics);
export type SchemeMetric = z.infer<typeof schemeMetric>;

/** A target's progress against the elapsed share of its period (Vietnam time). */
/**
 * A target cell's status: behind while its period runs, not_achieved once it has ended below the
 * target. A cell without a target has none (null in the progress).
 */
export const schemeStatuses = ['achieved', 'on_track', 'behind', 'not_achieved', 'not_started'] as const;
export const schemeStatus = z.enum(schemeStatuses);
export type SchemeStatus = z.infer<typeof schemeStatus>;

/** How the counting engine groups a figure. */
export const figureGroupings = ['year', 'organiserLevel', 'kind', 'unit', 'organisation'] as const;
export const figureGrouping = z.enum(figureGroupings);
export type FigureGrouping = z.infer<typeof figureGrouping>;

/** What a drill-down row is: the web links a class, a trainee's enrolment, a person, a study or a trip. */
export const figureRowKinds = ['class', 'enrolment', 'person', 'study', 'trip'] as const;
export const figureRowKind = z.enum(figureRowKinds);
export type FigureRowKind = z.infer<typeof figureRowKind>;
