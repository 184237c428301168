import type { Generated } from 'kysely';
import type {
  MoveKind,
  StandardLevel,
  AppointmentMethod,
  AttendanceMark,
  AttendanceMethod,
  AuditEntity,
  ClassLevel,
  ClassMode,
  ClassStatus,
  EnrolmentStatus,
  Employment,
  Gender,
  Grade,
  Organisation,
  Outcome,
  Qualification,
  Role,
  SessionPart,
  TheoryLevel,
  Title,
  UnitEventKind,
  UnitKind,
  UnitStatus,
  DiplomaGrade,
  StudyFunding,
  StudyKind,
  StudyMode,
  StudyStatus,
  VisitDayCounting,
  SchemeMetric,
} from '@canbo/contract';

/**
 * Table types for Kysely. Dates are ISO `yyyy-mm-dd` strings and timestamps ISO strings on both
 * engines (the PostgreSQL driver is told to parse them so); booleans are 0/1 integers on both,
 * because better-sqlite3 cannot bind booleans. Enum columns carry the contract's enum types (the
 * database stores their text), so rows reach the API without casts and a write of a stray value fails
 * to compile.
 */
export interface Database {
  units: UnitTable;
  unit_closure: UnitClosureTable;
  unit_tree_history: UnitTreeHistoryTable;
  unit_names: UnitNameTable;
  unit_events: UnitEventTable;
  unit_event_links: UnitEventLinkTable;
  ethnicities: EthnicityTable;
  people: PersonTable;
  positions: PositionTable;
  moves: MoveTable;
  users: UserTable;
  grants: GrantTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  login_known: LoginKnownTable;
  audit_log: AuditTable;
  training_kinds: TrainingKindTable;
  programmes: ProgrammeTable;
  training_classes: TrainingClassTable;
  class_status_history: ClassStatusHistoryTable;
  class_sessions: ClassSessionTable;
  seat_allocations: SeatAllocationTable;
  enrolments: EnrolmentTable;
  attendance: AttendanceTable;
  certificate_patterns: CertificatePatternTable;
  certificates: CertificateTable;
  studies: StudyTable;
  visit_registrations: VisitRegistrationTable;
  visit_trips: VisitTripTable;
  schemes: SchemeTable;
  scheme_targets: SchemeTargetTable;
  scheme_target_years: SchemeTargetYearTable;
  scheme_target_units: SchemeTargetUnitTable;
  scheme_classes: SchemeClassTable;
  scheme_studies: SchemeStudyTable;
  figure_cache: FigureCacheTable;
  figure_changes: FigureChangeTable;
  visit_report_files: VisitReportFileTable;
  visit_settings: VisitSettingsTable;
  visit_requirements: VisitRequirementTable;
  title_standards: TitleStandardTable;
  unit_spans: UnitSpanTable;
  class_tallies: ClassTallyTable;
  month_tallies: MonthTallyTable;
  people_tallies: PeopleTallyTable;
  tally_dirty: TallyDirtyTable;
}

interface Stamped {
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface UnitTable extends Stamped {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  organisation: Organisation;
  /** Today's parent; for an ended unit, the unit its records roll up into (merge target or last parent). */
  parent_id: number | null;
  status: UnitStatus;
  valid_from: string;
  valid_to: string | null;
  /** Place name written in official documents ("Gia Nghĩa, ngày …"). */
  place: string | null;
  search_text: string;
  /** vietnameseTextKey(name): Vietnamese order on both engines (migration 0003). */
  sort_key: Generated<string>;
}

/** Closure over `units.parent_id`: every (ancestor, descendant) pair including (u, u) at depth 0. */
export interface UnitClosureTable {
  ancestor_id: number;
  descendant_id: number;
  depth: number;
}

/** Dated parent edges, so the tree can be drawn "as of" any date. */
export interface UnitTreeHistoryTable {
  id: Generated<number>;
  unit_id: number;
  parent_id: number | null;
  valid_from: string;
  valid_to: string | null;
}

/** Dated names, so the tree "as of" a date shows the name a unit had then (migration 0007). */
export interface UnitNameTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  short_name: string | null;
  /** vietnameseTextKey(name). */
  sort_key: string;
  /** foldVietnamese(name): the list as of a date is searched by the names of that day. */
  search_text: string;
  valid_from: string;
  valid_to: string | null;
}

export interface UnitEventTable {
  id: Generated<number>;
  unit_id: number;
  kind: UnitEventKind;
  event_date: string;
  decision: string | null;
  note: string | null;
  /** JSON: what changed (old and new name, old and new parent, the units involved). */
  details: string;
  actor_user_id: number | null;
  created_at: string;
}

/** Lineage edges: the records of `from_unit_id` roll into `to_unit_id` (merge, split). */
export interface UnitEventLinkTable {
  event_id: number;
  from_unit_id: number;
  to_unit_id: number;
}

export interface EthnicityTable {
  code: string;
  name: string;
  minority: number;
  sort_order: number;
}

export interface PersonTable extends Stamped {
  id: Generated<number>;
  /** The unit that keeps this cadre's record (đơn vị quản lý); scoping follows it. */
  unit_id: number;
  family_name: string;
  middle_name: string | null;
  given_name: string;
  full_name: string;
  sort_key: string;
  search_text: string;
  birth_date: string | null;
  gender: Gender;
  ethnicity_code: string;
  religion: string | null;
  national_id: string | null;
  phone: string | null;
  email: string | null;
  party_member: number;
  party_join_date: string | null;
  general_education: string | null;
  qualification: Qualification;
  /** The highest level: the manual value or what a graduated study gives, whichever ranks higher. */
  theory_level: TheoryLevel;
  /** What was typed in by hand, kept beside the highest level. */
  qualification_manual: Qualification;
  theory_level_manual: TheoryLevel;
  it_level: string | null;
  language_level: string | null;
  hardship_area: number;
  notes: string | null;
}

export interface PositionTable extends Stamped {
  id: Generated<number>;
  person_id: number;
  unit_id: number;
  title: Title;
  employment: Employment;
  method: AppointmentMethod;
  term: string | null;
  decision: string | null;
  start_date: string;
  end_date: string | null;
}

/** A cadre's move between units (migration 0016): the person's unit from `move_date` on. */
export interface MoveTable extends Stamped {
  id: Generated<number>;
  person_id: number;
  kind: MoveKind;
  from_unit_id: number;
  to_unit_id: number;
  move_date: string;
  decision: string | null;
  decision_date: string | null;
  notes: string | null;
}

export interface UserTable extends Stamped {
  id: Generated<number>;
  login: string;
  display_name: string;
  password_hash: string;
  person_id: number | null;
  is_superadmin: number;
  disabled: number;
  last_login_at: string | null;
  /** Folded login and display name, for search without diacritics. */
  search_text: Generated<string>;
  /** vietnameseTextKey(display_name): Vietnamese order on both engines. */
  sort_key: Generated<string>;
}

export interface GrantTable {
  id: Generated<number>;
  user_id: number;
  unit_id: number;
  role: Role;
  created_at: string;
}

export interface SessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** Failed logins per key (hashed account + address, or address) in a window (migration 0010). */
export interface LoginFailureTable {
  key: string;
  failures: number;
  first_at: string;
  last_at: string;
}

/** Where an account signed in before: a hashed account + address, or account + device cookie. */
export interface LoginKnownTable {
  key: string;
  last_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  entity: AuditEntity;
  entity_id: number;
  action: string;
  /** The unit the changed row belongs to, so audit rows are scoped like the rows themselves. */
  unit_id: number | null;
  before: string | null;
  after: string | null;
}

// ---- Training (migration 0008) ----

export interface TrainingKindTable extends Stamped {
  code: string;
  name: string;
  sort_order: number;
  active: Generated<number>;
}

export interface ProgrammeTable extends Stamped {
  id: Generated<number>;
  name: string;
  kind_code: string;
  /** JSON array of title codes. */
  target_titles: string;
  /** JSON array of topic names. */
  topics: string;
  standard_days: number | null;
  standard_periods: number | null;
  active: Generated<number>;
  search_text: string;
  sort_key: string;
}

export interface TrainingClassTable extends Stamped {
  id: Generated<number>;
  name: string;
  organiser_unit_id: number;
  /** The organiser's level when the class was created (levelOfUnitKind). */
  level: ClassLevel;
  /** JSON array of partner organisation names. */
  partners: string;
  kind_code: string;
  programme_id: number | null;
  /** JSON array of title codes. */
  target_titles: string;
  start_date: string;
  end_date: string;
  place: string | null;
  mode: ClassMode;
  capacity: number | null;
  decision: string | null;
  status: ClassStatus;
  headcount_total: number | null;
  headcount_women: number | null;
  headcount_minority: number | null;
  headcount_doan: number | null;
  headcount_hoi: number | null;
  headcount_doi: number | null;
  min_attendance_percent: number;
  pass_grade: Grade;
  search_text: string;
  /** Vietnamese order of the name (migration 0009). */
  sort_key: Generated<string>;
}

export interface ClassStatusHistoryTable {
  id: Generated<number>;
  class_id: number;
  from_status: ClassStatus | null;
  to_status: ClassStatus;
  at: string;
  actor_user_id: number | null;
  note: string | null;
  /** When a step dated at the class's own dates (`at`) was typed in; null for a live step (migration 0017). */
  recorded_at: string | null;
}

export interface ClassSessionTable extends Stamped {
  id: Generated<number>;
  class_id: number;
  session_date: string;
  part: SessionPart;
  /** hh:mm */
  starts_at: string;
  ends_at: string;
  topic: string | null;
  lecturer: string | null;
  checkin_token: string;
}

export interface SeatAllocationTable extends Stamped {
  id: Generated<number>;
  class_id: number;
  unit_id: number;
  seats: number;
}

export interface EnrolmentTable extends Stamped {
  id: Generated<number>;
  class_id: number;
  person_id: number;
  allocation_id: number | null;
  unit_id: number;
  unit_name: string;
  title: Title | null;
  status: EnrolmentStatus;
  waitlisted_at: string | null;
  nominated_by: number | null;
  nominated_at: string;
  withdraw_reason: string | null;
  score: number | null;
  grade: Grade | null;
  rule_outcome: Outcome | null;
  outcome_override: Outcome | null;
  override_reason: string | null;
  checkin_code: string;
  /** The attended share as a recorded class's papers give it (no sessions to count it from; 0017). */
  attendance_percent: number | null;
  /** The person's sort key, copied so a class's roster is ordered by name without a join. */
  sort_key: string;
}

export interface AttendanceTable {
  enrolment_id: number;
  session_id: number;
  mark: AttendanceMark;
  method: AttendanceMethod;
  marked_at: string;
  marked_by: number | null;
}

export interface CertificatePatternTable extends Stamped {
  unit_id: number;
  pattern: string;
}

export interface CertificateTable extends Stamped {
  id: Generated<number>;
  enrolment_id: number;
  issuing_unit_id: number;
  year: number;
  /** Null for a certificate recorded as printed: its number is the paper's, outside the running seq (0017). */
  seq: number | null;
  number: string;
  verify_code: string;
  issued_at: string;
  /** The date printed on the certificate when given (recorded or issued later); null: the day of issued_at. */
  issued_on: string | null;
  issued_by: number | null;
  revoked_at: string | null;
  revoke_reason: string | null;
  revoked_by: number | null;
}

export interface StudyTable extends Stamped {
  id: Generated<number>;
  person_id: number;
  kind: StudyKind;
  status: StudyStatus;
  decision: string | null;
  decision_date: string | null;
  institution: string;
  major: string | null;
  mode: StudyMode;
  start_date: string;
  expected_end_date: string;
  end_date: string | null;
  funding: StudyFunding;
  diploma_number: string | null;
  grade: DiplomaGrade | null;
  reason: string | null;
  notes: string | null;
}
export interface VisitRegistrationTable extends Stamped {
  id: Generated<number>;
  person_id: number;
  year: number;
  host_unit_id: number;
  notes: string | null;
}

export interface VisitTripTable extends Stamped {
  id: Generated<number>;
  person_id: number;
  registration_id: number | null;
  /** The visiting cadre's unit on the trip's first day (from the moves) and its kind: figures and totals by level follow them. */
  person_unit_id: number;
  person_unit_kind: UnitKind;
  host_unit_id: number;
  start_date: string;
  end_date: string;
  start_year: number;
  end_year: number;
  days: number;
  start_year_days: number;
  purpose: string;
  report_text: string | null;
  report_filed_at: string | null;
  report_due_date: string;
  created_by: number | null;
  updated_by: number | null;
}

export interface VisitReportFileTable {
  trip_id: number;
  name: string;
  type: string;
  size: number;
  content: Uint8Array;
  created_at: string;
}

/** A requirement of a top unit for one level or one title (exactly one of them set). */
export interface VisitRequirementTable extends Stamped {
  id: Generated<number>;
  unit_id: number;
  level: ClassLevel | null;
  title: Title | null;
  annual_days: number;
}

export interface VisitSettingsTable extends Stamped {
  unit_id: number;
  day_counting: VisitDayCounting;
  report_due_days: number;
  annual_days: number;
}

// ---- Schemes (migration 0014) ----

export interface SchemeTable extends Stamped {
  id: Generated<number>;
  name: string;
  code: string;
  issuing_unit_id: number;
  decision: string | null;
  decision_date: string | null;
  start_year: number;
  end_year: number;
  description: string | null;
  search_text: string;
  /** vietnameseTextKey(name): Vietnamese order on both engines. */
  sort_key: string;
}

export interface SchemeTargetTable {
  id: Generated<number>;
  scheme_id: number;
  position: number;
  metric: SchemeMetric;
  label: string | null;
  kind_code: string | null;
  title: Title | null;
  organiser_level: ClassLevel | null;
  unit_id: number | null;
  /** JSON array of study kinds, or null for every kind. */
  study_kinds: string | null;
  within_months: number | null;
  linked_only: number;
  total: number;
  version: Generated<number>;
}

export interface SchemeTargetYearTable {
  target_id: number;
  year: number;
  value: number;
}

export interface SchemeTargetUnitTable {
  target_id: number;
  unit_id: number;
  value: number;
}

export interface SchemeClassTable {
  scheme_id: number;
  class_id: number;
}

export interface SchemeStudyTable {
  scheme_id: number;
  study_id: number;
}

// ---- The figures' cache (migration 0015) ----

/** A counted figure and the fingerprint of the records it was counted from (see figures.cache.repository.ts). */
export interface FigureCacheTable {
  key: string;
  fingerprint: number | string;
  /** The figures as JSON. */
  value: string;
  computed_at: string;
}

/** Written by triggers only: weights whose sum per domain and year changes with every change. */
export interface FigureChangeTable {
  domain: string;
  year: number;
  weight: number | string;
}

// ---- The training tallies (migration 0023, figures/tallies.*.ts) ----

/** The dated closure: the descendant's records of valid_from ≤ day < valid_to count for the ancestor. */
export interface UnitSpanTable {
  ancestor_id: number;
  descendant_id: number;
  valid_from: string;
  valid_to: string;
}

/** What one held class adds under one unit it counts for (0: everywhere), by organisation. */
export interface ClassTallyTable {
  class_id: number;
  unit_id: number;
  day: string;
  level: string;
  kind_code: string;
  organisation: string;
  classes: number;
  participations: number;
  trainees: number;
  facts: number;
}

/** class_tallies summed per unit and month (bucket yyyymm). */
export interface MonthTallyTable {
  unit_id: number;
  bucket: number;
  level: string;
  kind_code: string;
  organisation: string;
  classes: number;
  participations: number;
  facts: number;
}

/** The distinct people credited under a unit in a month (bucket yyyymm) or year (yyyy00), by level. */
export interface PeopleTallyTable {
  unit_id: number;
  bucket: number;
  level: string;
  people: number;
  members: Uint8Array;
}

/** Marked by triggers, cleared by the refresh: 'class' + id, 'spans' 0, 'all' 0. */
export interface TallyDirtyTable {
  kind: string;
  id: number;
}

/** A title's standard at one unit level (migration 0022, QĐ 289); a null cell asks nothing. */
export interface TitleStandardTable extends Stamped {
  id: Generated<number>;
  title: Title;
  level: StandardLevel;
  max_age_first: number | null;
  max_age_in_post: number | null;
  /** For cadres in hardship areas (`people.hardship_area`); null: the ordinary limit applies. */
  hardship_max_age_first: number | null;
  hardship_max_age_in_post: number | null;
  min_qualification: Qualification | null;
  min_theory_level: TheoryLevel | null;
}
