import {
  classLevelLabels,
  classLevelLabelsEn,
  levelOfUnitKind,
  titles,
  classLevels,
  visitComplianceExportQuery,
  visitHostUnitsQuery,
  visitRegistrationUpdate,
  visitReportFileTypes,
  visitRequirementSet,
  VISIT_REPORT_FILE_MAX_BYTES,
  visitComplianceQuery,
  visitOverdueQuery,
  visitPersonYearQuery,
  visitRegistrationCreate,
  visitReportAttachmentQuery,
  visitReportFile,
  visitSettingsQuery,
  visitSettingsUpdate,
  visitTotalsQuery,
  visitTripCreate,
  visitTripUpdate,
  visitYearQuery,
  type Page,
  type VisitComplianceRow,
  type VisitHostUnit,
  type VisitRequirement,
  type VisitPersonYear,
  type VisitRegistration,
  type VisitSettings,
  type VisitStatus,
  type VisitTotals,
  type VisitTrip,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { can } from '../../auth/policy.ts';
import type { Ctx, Tx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { keysetBatches } from '../../db/keyset.ts';
import { AppError, forbidden, notFound, stale } from '../../errors.ts';
import { messages } from '../../i18n/messages.ts';
import { foldVietnamese } from '@canbo/contract';
import { addDays, todayIso, vnDate } from '../../lib/dates.ts';
import { fieldError, parseInput } from '../../lib/input.ts';
import { offsetOf, pageFrom } from '../../lib/paging.ts';
import { touchVersioned, updateVersioned } from '../../lib/versioned.ts';
import type { UploadedFile } from '../../upload.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { tripCreditOn } from './credit.repository.ts';
import { elapsedOfYear, tripDays } from './days.ts';
import { findTripsInPeriod, totalsByLevel } from './period.repository.ts';
import { findHostUnit, findHostUnits, hostBasis } from './host.access.ts';
import {
  findCompliance,
  findComplianceBatch,
  findPersonRequirement,
  findReportFileContent,
  findRequirement,
  findRequirements,
  findVisibleRegistration,
  linkTripsOfYear,
  putReportFile,
  removeReportFile,
  removeRequirement,
  upsertRequirement,
  type RequirementBasis,
  type RequirementRow,
  findOverdue,
  findOverlappingTrip,
  findRegistration,
  findSettings,
  findTrip,
  findTripsOfYear,
  findVisitPerson,
  insertRegistration,
  insertSettings,
  insertTrip,
  lockPerson,
  topUnitOf,
  unitReadable,
  updateSettings,
  type ComplianceRow,
  type RegistrationRow,
  type SettingsRow,
  type TripRow,
  type VisitPersonRow,
} from './visits.repository.ts';

const TRIP = 'Đợt đi cơ sở';

/** This year in Vietnam, when a query names none. */
const thisYear = () => Number(todayIso().slice(0, 4));

/** A query value the route leaves optional but this read needs: a 400 naming the field. */
function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw fieldError(field, 'hãy chọn');
  return value;
}
const PERSON = 'Cán bộ';
const UNIT = 'Đơn vị';

function toTrip(r: TripRow, year: number, today: string): VisitTrip {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    hostUnitId: r.host_unit_id,
    hostUnitName: r.host_unit_name,
    startDate: r.start_date,
    endDate: r.end_date,
    days: r.days,
    daysInYear: r.start_year === year ? r.start_year_days : r.days - r.start_year_days,
    purpose: r.purpose,
    reportText: r.report_text,
    reportFiledAt: r.report_filed_at,
    reportDueDate: r.report_due_date,
    reportOverdue: r.report_filed_at === null && r.report_due_date < today,
    reportFile: r.file_name === null ? null : { name: r.file_name, type: r.file_type ?? '', size: Number(r.file_size) },
    version: r.version,
    canEdit: r.can_edit === 1,
  };
}

/** A trip as the audit log keeps it: its fields, nothing that depends on the reader. */
function auditView(r: TripRow) {
  const { canEdit: _c, version: _v, daysInYear: _d, reportOverdue: _o, ...fields } = toTrip(r, r.start_year, '');
  return fields;
}

function toRegistration(r: RegistrationRow): VisitRegistration {
  return {
    id: r.id,
    personId: r.person_id,
    year: r.year,
    hostUnitId: r.host_unit_id,
    hostUnitName: r.host_unit_name,
    notes: r.notes,
    version: r.version,
  };
}

function statusOf(days: number, requirement: number, year: number, today: string): VisitStatus {
  if (days >= requirement) return 'done';
  const { elapsed, length } = elapsedOfYear(year, today);
  return days * length >= requirement * elapsed ? 'on_track' : 'behind';
}

async function settingsOfPerson(tx: Tx, person: VisitPersonRow): Promise<SettingsRow> {
  return findSettings(tx, await topUnitOf(tx, person.unit_id));
}

/** Titles count as held on the year's last day, or today while the year runs. */
function titlesOn(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

function requirementBasis(settings: SettingsRow, year: number, today: string): RequirementBasis {
  return { topUnitId: settings.unit_id, defaultDays: settings.annual_days, titlesOn: titlesOn(year, today) };
}

async function personYear(tx: Tx, actor: Actor, personId: number, year: number): Promise<VisitPersonYear> {
  const person = await findVisitPerson(tx, actor, personId);
  if (!person) throw notFound(PERSON);
  const today = todayIso();
  const [settings, registration, rows] = await Promise.all([
    settingsOfPerson(tx, person),
    findRegistration(tx, personId, year),
    findTripsOfYear(tx, actor, personId, year),
  ]);
  const requirement = await findPersonRequirement(tx, person.id, requirementBasis(settings, year, today));
  const trips = rows.map((r) => toTrip(r, year, today));
  const days = trips.reduce((sum, t) => sum + t.daysInYear, 0);
  return {
    personId: person.id,
    personName: person.full_name,
    unitName: person.unit_name,
    year,
    requirement,
    days,
    status: statusOf(days, requirement, year, today),
    dayCounting: settings.day_counting,
    registration: registration ? toRegistration(registration) : null,
    trips,
    reportsDue: trips.filter((t) => t.reportFiledAt === null).length,
    canEdit: person.can_edit === 1,
  };
}

export async function myYear(ctx: Ctx, actor: Actor, input: z.input<typeof visitYearQuery>): Promise<VisitPersonYear> {
  const { year } = parseInput(visitYearQuery, input);
  if (actor.personId === null) throw notFound('Hồ sơ cán bộ của tài khoản');
  return personYear(reader(ctx), actor, actor.personId, year ?? thisYear());
}

export async function getPersonYear(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof visitPersonYearQuery>,
): Promise<VisitPersonYear> {
  const { personId, year } = parseInput(visitPersonYearQuery, input);
  return personYear(reader(ctx), actor, required(personId, 'personId'), year ?? thisYear());
}

/** The person, seen by the actor (else 404) and writable by them: the cadre themself or an editor (else 403). */
async function requireWritablePerson(tx: Tx, actor: Actor, personId: number): Promise<VisitPersonRow> {
  const person = await findVisitPerson(tx, actor, personId);
  if (!person) throw notFound(PERSON);
  if (person.can_edit !== 1) {
    throw forbidden({
      vi: `Bạn chỉ được xem, không được ghi đi cơ sở của ${person.full_name}`,
      en: `You may only view, not record, the grassroots visits of ${person.full_name}`,
    });
  }
  return person;
}

/**
 * The host unit of a registration or a trip, by the one rule of host.access.ts (the units offered are
 * the units accepted); refused with the reason, on the field. A trip's rule is that of its first day
 * (`day`): the cadre's unit then, the tree then, the units in being then.
 */
async function requireHostUnit(
  tx: Tx,
  actor: Actor,
  person: VisitPersonRow,
  hostUnitId: number,
  day?: string,
): Promise<void> {
  const basis = await hostBasis(tx, actor, person, day);
  const unit = await findHostUnit(tx, actor, basis, hostUnitId);
  if (!unit) throw fieldError('hostUnitId', 'không tìm thấy đơn vị, hoặc bạn không có quyền với đơn vị này');
  if (unit.in_being !== 1) {
    throw fieldError(
      'hostUnitId',
      basis.day === null
        ? { vi: `${unit.name} đã giải thể hoặc thôi hoạt động`, en: `${unit.name} was dissolved or has ceased` }
        : {
            vi: `${unit.name} chưa thành lập hoặc đã thôi hoạt động vào ngày ${vnDate(basis.day)}`,
            en: `${unit.name} did not exist yet or had ceased on ${vnDate(basis.day)}`,
          },
    );
  }
  if (unit.below !== 1) {
    const level = levelOfUnitKind[basis.unitKind];
    const on = basis.day === null ? '' : ` (ngày ${vnDate(basis.day)})`;
    const onEn = basis.day === null ? '' : ` (on ${vnDate(basis.day)})`;
    throw fieldError('hostUnitId', {
      vi:
        `${unit.name} không ở dưới ${classLevelLabels[level].toLowerCase()} ` +
        `của ${basis.unitName}${on} — đi cơ sở là xuống cơ sở thuộc ${unit.root_name}, ` +
        'không lên cấp trên hay sang đơn vị cùng cấp',
      en:
        `${unit.name} is not below the ${classLevelLabelsEn[level].toLowerCase()} level of ${basis.unitName}${onEn} — ` +
        `a grassroots visit goes down to the grassroots of ${unit.root_name}, not up nor across to a unit of the same level`,
    });
  }
}

export async function registerVisits(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof visitRegistrationCreate>,
): Promise<VisitRegistration> {
  const data = parseInput(visitRegistrationCreate, input);
  return inTransaction(ctx, async (tx) => {
    const person = await requireWritablePerson(tx, actor, data.personId);
    await requireHostUnit(tx, actor, person, data.hostUnitId);
    await lockPerson(tx, person.id);
    if (await findRegistration(tx, person.id, data.year)) {
      throw new AppError(
        'conflict',
        {
          vi: `${person.full_name} đã đăng ký đi cơ sở năm ${data.year}`,
          en: `${person.full_name} already has a grassroots registration for ${data.year}`,
        },
        { field: 'year' },
      );
    }
    const id = await insertRegistration(
      tx,
      { person_id: person.id, year: data.year, host_unit_id: data.hostUnitId, notes: data.notes ?? null },
      nowIso(),
    );
    // trips logged before the registration are credited to it
    await linkTripsOfYear(tx, person.id, data.year, id);
    const row = await findRegistration(tx, person.id, data.year);
    if (!row) throw notFound();
    const out = toRegistration(row);
    const { version: _v, ...fields } = out;
    await writeAudit(tx, actor, {
      entity: 'visit_registration',
      entityId: id,
      action: 'create',
      unitId: person.unit_id,
      after: { ...fields, personName: person.full_name },
    });
    return out;
  });
}

const REGISTRATION = 'Đăng ký đi cơ sở';

/** Another host unit or notes for a registration (its year stays): the cadre or an editor of theirs. */
export async function changeRegistration(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof visitRegistrationUpdate>,
): Promise<VisitRegistration> {
  const { id, ...rest } = input;
  const patch = parseInput(visitRegistrationUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    const reg = await findVisibleRegistration(tx, actor, id);
    if (!reg) throw notFound(REGISTRATION);
    if (reg.can_edit !== 1) {
      throw forbidden({
        vi: `Bạn chỉ được xem, không được sửa đăng ký đi cơ sở của ${reg.full_name}`,
        en: `You may only view, not change, the grassroots registration of ${reg.full_name}`,
      });
    }
    if (reg.version !== patch.version) throw stale();
    if (patch.hostUnitId !== undefined) {
      const person = await findVisitPerson(tx, actor, reg.person_id);
      if (!person) throw notFound(PERSON);
      await requireHostUnit(tx, actor, person, patch.hostUnitId);
    }
    const before = await findRegistration(tx, reg.person_id, reg.year);
    if (!before) throw notFound(REGISTRATION);
    await updateVersioned(tx, 'visit_registrations', id, patch.version, {
      host_unit_id: patch.hostUnitId,
      notes: patch.notes,
    });
    const after = await findRegistration(tx, reg.person_id, reg.year);
    if (!after) throw notFound(REGISTRATION);
    const strip = ({ version: _v, ...f }: VisitRegistration) => f;
    await writeAudit(tx, actor, {
      entity: 'visit_registration',
      entityId: id,
      action: 'update',
      unitId: reg.unit_id,
      before: strip(toRegistration(before)),
      after: strip(toRegistration(after)),
    });
    return toRegistration(after);
  });
}

/** Units the cadre may register with or visit (host.access.ts), among those the actor may name. */
export async function listHostUnits(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof visitHostUnitsQuery>,
): Promise<Page<VisitHostUnit>> {
  const { page, pageSize, q, ...rest } = parseInput(visitHostUnitsQuery, input);
  // a cadre's own account asks for itself; staff name the cadre
  const personId = required(rest.personId ?? actor.personId ?? undefined, 'personId');
  const tx = reader(ctx);
  const person = await findVisitPerson(tx, actor, personId);
  if (!person) throw notFound(PERSON);
  const folded = q ? foldVietnamese(q) : null;
  const { rows, total } = await findHostUnits(tx, actor, await hostBasis(tx, actor, person), folded || null, {
    limit: pageSize,
    offset: offsetOf({ page, pageSize }),
  });
  return pageFrom(
    rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parent_name })),
    total,
    { page, pageSize },
  );
}

interface Span {
  startDate: string;
  endDate: string;
}

/** Days of the span under the settings; refuses end before start, a trip over two New Years, a trip of no day. */
function daysOf(s: Span, settings: SettingsRow) {
  if (s.endDate < s.startDate) {
    throw fieldError('endDate', messages.notBeforeStart(s.startDate));
  }
  if (Number(s.endDate.slice(0, 4)) > Number(s.startDate.slice(0, 4)) + 1) {
    throw fieldError('endDate', 'một đợt đi cơ sở không được kéo dài quá hai năm liền nhau');
  }
  const counted = tripDays(s.startDate, s.endDate, settings.day_counting);
  if (counted.days === 0) throw fieldError('endDate', 'đợt đi cơ sở không có ngày làm việc nào');
  return counted;
}

async function refuseOverlap(tx: Tx, personId: number, s: Span, exceptId: number | null): Promise<void> {
  const clash = await findOverlappingTrip(tx, { personId, ...s, exceptId });
  if (!clash) return;
  throw new AppError(
    'conflict',
    {
      vi:
        `Trùng với đợt đi cơ sở từ ${vnDate(clash.start_date)} đến ${vnDate(clash.end_date)}: ` +
        'một cán bộ không thể ở hai đợt cùng lúc.',
      en:
        `Overlaps the grassroots trip from ${vnDate(clash.start_date)} to ${vnDate(clash.end_date)}: ` +
        'a cadre cannot be on two trips at once.',
    },
    { field: 'startDate', conflictWith: clash.id },
  );
}

export async function createTrip(ctx: Ctx, actor: Actor, input: z.input<typeof visitTripCreate>): Promise<VisitTrip> {
  const data = parseInput(visitTripCreate, input);
  return inTransaction(ctx, (tx) => createTripIn(tx, actor, data));
}

type VisitTripCreate = z.output<typeof visitTripCreate>;

/**
 * Every rule a new trip must meet, without writing it: the person writable, then their row locked
 * (two writers of one cadre's trips take turns, so neither checks the overlap against a trip the
 * other is adding; a person the actor may not write is never locked), the host unit below theirs,
 * days to count, no overlap. Its answer is what `insertCheckedTrip` writes: an import checks each
 * row once, and writes the checked rows at the commit in the same transaction.
 */
export async function checkTrip(tx: Tx, actor: Actor, data: VisitTripCreate) {
  const person = await requireWritablePerson(tx, actor, data.personId);
  await lockPerson(tx, person.id);
  await requireHostUnit(tx, actor, person, data.hostUnitId, data.startDate);
  const settings = await settingsOfPerson(tx, person);
  const counted = daysOf(data, settings);
  await refuseOverlap(tx, person.id, data, null);
  return { data, person, settings, counted };
}

/** A trip that passed `checkTrip` in this transaction. */
export type CheckedTrip = Awaited<ReturnType<typeof checkTrip>>;

/** A trip recorded inside the caller's transaction: checked (`checkTrip`), then written. */
export async function createTripIn(tx: Tx, actor: Actor, data: VisitTripCreate): Promise<VisitTrip> {
  return insertCheckedTrip(tx, actor, await checkTrip(tx, actor, data));
}

/**
 * A trip `checkTrip` passed, written with its registration, credit and audit row. Only after that
 * check in the same transaction (the form's request and the import's commit both do).
 */
export async function insertCheckedTrip(tx: Tx, actor: Actor, checked: CheckedTrip): Promise<VisitTrip> {
  const { data, person, settings, counted } = checked;
  const startYear = Number(data.startDate.slice(0, 4));
  const registration = await findRegistration(tx, person.id, startYear);
  // Credited to the unit the cadre was in on the trip's first day (moves), not today's.
  const credit = await tripCreditOn(tx, person.id, data.startDate);
  const id = await insertTrip(
    tx,
    {
      person_id: person.id,
      registration_id: registration?.id ?? null,
      person_unit_id: credit.unitId,
      person_unit_kind: credit.unitKind,
      host_unit_id: data.hostUnitId,
      start_date: data.startDate,
      end_date: data.endDate,
      start_year: startYear,
      end_year: Number(data.endDate.slice(0, 4)),
      days: counted.days,
      start_year_days: counted.startYearDays,
      purpose: data.purpose,
      report_text: null,
      report_filed_at: null,
      report_due_date: addDays(data.endDate, settings.report_due_days),
      created_by: actor.userId,
      updated_by: actor.userId,
    },
    nowIso(),
  );
  const row = await findTrip(tx, actor, id);
  if (!row) throw notFound(TRIP);
  await writeAudit(tx, actor, {
    entity: 'visit_trip',
    entityId: id,
    action: 'create',
    unitId: row.person_unit_id,
    after: auditView(row),
  });
  return toTrip(row, startYear, todayIso());
}

/** The trip, seen (else 404) and writable (else 403) by the actor, at the version they saw (else 409). */
async function requireWritableTrip(tx: Tx, actor: Actor, id: number, version: number): Promise<TripRow> {
  const trip = await findTrip(tx, actor, id);
  if (!trip) throw notFound(TRIP);
  if (trip.can_edit !== 1) throw forbidden('Bạn chỉ được xem, không được sửa đợt đi cơ sở này');
  if (trip.version !== version) throw stale();
  return trip;
}

async function finishTripWrite(tx: Tx, actor: Actor, before: TripRow, action: string): Promise<VisitTrip> {
  const after = await findTrip(tx, actor, before.id);
  if (!after) throw notFound(TRIP);
  await writeAudit(tx, actor, {
    entity: 'visit_trip',
    entityId: before.id,
    action,
    unitId: after.person_unit_id,
    before: auditView(before),
    after: auditView(after),
  });
  return toTrip(after, after.start_year, todayIso());
}

export async function updateTrip(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof visitTripUpdate>,
): Promise<VisitTrip> {
  const { id, ...rest } = input;
  const patch = parseInput(visitTripUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    const before = await requireWritableTrip(tx, actor, id, patch.version);
    const person = await findVisitPerson(tx, actor, before.person_id);
    if (!person) throw notFound(PERSON);
    const span = { startDate: patch.startDate ?? before.start_date, endDate: patch.endDate ?? before.end_date };
    // another host, or another first day (the rule is that day's): the host checked again
    if (patch.hostUnitId !== undefined || span.startDate !== before.start_date) {
      await requireHostUnit(tx, actor, person, patch.hostUnitId ?? before.host_unit_id, span.startDate);
    }
    const settings = await settingsOfPerson(tx, person);
    const counted = daysOf(span, settings);
    await lockPerson(tx, person.id);
    await refuseOverlap(tx, person.id, span, id);
    const startYear = Number(span.startDate.slice(0, 4));
    // a trip moved into another year is credited to that year's registration, or to none
    const registration = await findRegistration(tx, person.id, startYear);
    const credit = await tripCreditOn(tx, person.id, span.startDate);
    await updateVersioned(tx, 'visit_trips', id, patch.version, {
      registration_id: registration?.id ?? null,
      person_unit_id: credit.unitId,
      person_unit_kind: credit.unitKind,
      host_unit_id: patch.hostUnitId,
      purpose: patch.purpose,
      start_date: span.startDate,
      end_date: span.endDate,
      start_year: startYear,
      end_year: Number(span.endDate.slice(0, 4)),
      days: counted.days,
      start_year_days: counted.startYearDays,
      report_due_date: addDays(span.endDate, settings.report_due_days),
      updated_by: actor.userId,
    });
    return finishTripWrite(tx, actor, before, 'update');
  });
}

export async function fileReport(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof visitReportFile>,
): Promise<VisitTrip> {
  const { id, ...rest } = input;
  const data = parseInput(visitReportFile, rest);
  return inTransaction(ctx, async (tx) => {
    const before = await requireWritableTrip(tx, actor, id, data.version);
    if (before.end_date > todayIso()) throw fieldError('reportText', 'chỉ nộp báo cáo sau khi đợt đi cơ sở kết thúc');
    await updateVersioned(tx, 'visit_trips', id, data.version, {
      report_text: data.reportText,
      report_filed_at: before.report_filed_at ?? nowIso(),
      updated_by: actor.userId,
    });
    return finishTripWrite(tx, actor, before, 'report');
  });
}

async function requireReadableUnit(tx: Tx, actor: Actor, unitId: number): Promise<void> {
  if (!(await unitReadable(tx, actor, unitId))) throw notFound(UNIT);
}

/** The compliance question of a query: the readable subtree, the year, its requirement and elapsed share. */
async function complianceScope(tx: Tx, actor: Actor, q: { unitId?: number | undefined; year?: number | undefined }) {
  const unitId = required(q.unitId, 'unitId');
  const year = q.year ?? thisYear();
  await requireReadableUnit(tx, actor, unitId);
  const settings = await findSettings(tx, await topUnitOf(tx, unitId));
  const today = todayIso();
  const { elapsed, length } = elapsedOfYear(year, today);
  return { unitId, year, elapsed, length, ...requirementBasis(settings, year, today) };
}

const toComplianceRow = (r: ComplianceRow): VisitComplianceRow => ({
  personId: r.person_id,
  personName: r.full_name,
  unitName: r.unit_name,
  requirement: r.requirement,
  days: r.days,
  trips: r.trips,
  status: r.status,
});

export async function listCompliance(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof visitComplianceQuery>,
): Promise<Page<VisitComplianceRow>> {
  const q = parseInput(visitComplianceQuery, input);
  const { page, pageSize, sort, order, status } = q;
  const tx = reader(ctx);
  const scope = await complianceScope(tx, actor, q);
  const { rows, total } = await findCompliance(
    tx,
    actor,
    scope,
    { status, sort, order },
    { limit: pageSize, offset: offsetOf({ page, pageSize }) },
  );
  return pageFrom(rows.map(toComplianceRow), total, { page, pageSize });
}

/** Rows of an export read per batch, so a province-wide list never sits in memory at once. */
const EXPORT_BATCH = 500;

/**
 * The whole compliance list of a filter, for Excel: scope and settings are checked before the first
 * byte is sent (an unreadable unit is a 404, not a broken download), rows are read in batches.
 */
export async function exportCompliance(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof visitComplianceExportQuery>,
): Promise<{ year: number; rows: AsyncIterable<VisitComplianceRow> }> {
  const q = parseInput(visitComplianceExportQuery, input);
  const tx = reader(ctx);
  const scope = await complianceScope(tx, actor, q);
  return {
    year: scope.year,
    rows: {
      async *[Symbol.asyncIterator]() {
        const batches = keysetBatches(
          (after, limit) => findComplianceBatch(tx, actor, scope, q, after, limit),
          EXPORT_BATCH,
        );
        for await (const rows of batches) yield* rows.map(toComplianceRow);
      },
    },
  };
}

export async function visitTotals(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof visitTotalsQuery>,
): Promise<VisitTotals> {
  const q = parseInput(visitTotalsQuery, input);
  const unitId = required(q.unitId, 'unitId');
  const year = q.year ?? thisYear();
  const tx = reader(ctx);
  await requireReadableUnit(tx, actor, unitId);
  const trips = await findTripsInPeriod(tx, actor, unitId, { from: `${year}-01-01`, to: `${year}-12-31` });
  return { year, levels: totalsByLevel(trips) };
}

export async function listOverdue(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof visitOverdueQuery>,
): Promise<Page<VisitTrip>> {
  const { page, pageSize, order, ...q } = parseInput(visitOverdueQuery, input);
  const unitId = required(q.unitId, 'unitId');
  const tx = reader(ctx);
  await requireReadableUnit(tx, actor, unitId);
  const today = todayIso();
  const { rows, total } = await findOverdue(tx, actor, unitId, today, order, {
    limit: pageSize,
    offset: offsetOf({ page, pageSize }),
  });
  return pageFrom(
    rows.map((r) => toTrip(r, r.start_year, today)),
    total,
    { page, pageSize },
  );
}

function toRequirement(r: RequirementRow): VisitRequirement {
  return { id: r.id, level: r.level, title: r.title, annualDays: r.annual_days, version: r.version };
}

/** Levels first (central … grassroots), then titles, each in the catalogue's order. */
function byRule(a: RequirementRow, b: RequirementRow): number {
  const rank = (r: RequirementRow) =>
    r.level !== null ? classLevels.indexOf(r.level) : classLevels.length + titles.indexOf(r.title!);
  return rank(a) - rank(b);
}

async function settingsView(tx: Tx, actor: Actor, topUnitId: number): Promise<VisitSettings> {
  const s = await findSettings(tx, topUnitId);
  return {
    unitId: topUnitId,
    dayCounting: s.day_counting,
    reportDueDays: s.report_due_days,
    annualDays: s.annual_days,
    requirements: (await findRequirements(tx, topUnitId)).sort(byRule).map(toRequirement),
    version: s.version,
    // The rules of a whole organisation: its administrators set them, as the catalogue.
    canEdit: await can(tx, actor, 'catalog.manage', topUnitId),
  };
}

export async function getSettings(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof visitSettingsQuery>,
): Promise<VisitSettings> {
  const unitId = required(parseInput(visitSettingsQuery, input).unitId, 'unitId');
  const tx = reader(ctx);
  await requireReadableUnit(tx, actor, unitId);
  return settingsView(tx, actor, await topUnitOf(tx, unitId));
}

export async function changeSettings(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof visitSettingsUpdate>,
): Promise<VisitSettings> {
  const { id, ...rest } = input;
  const patch = parseInput(visitSettingsUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    await requireReadableUnit(tx, actor, id);
    if ((await topUnitOf(tx, id)) !== id) throw notFound(UNIT);
    const before = await settingsView(tx, actor, id);
    if (!before.canEdit) throw forbidden('Chỉ quản trị của đơn vị cấp cao nhất được đổi cấu hình đi cơ sở');
    if (before.version !== patch.version) throw stale();
    const values = {
      day_counting: patch.dayCounting ?? before.dayCounting,
      report_due_days: patch.reportDueDays ?? before.reportDueDays,
      annual_days: patch.annualDays ?? before.annualDays,
    };
    const now = nowIso();
    if (before.version === 0) await insertSettings(tx, { unit_id: id, ...values }, now);
    else if (!(await updateSettings(tx, id, patch.version, values, now))) throw stale();
    const after = await settingsView(tx, actor, id);
    const strip = ({ canEdit: _c, version: _v, requirements: _r, ...f }: VisitSettings) => f;
    await writeAudit(tx, actor, {
      entity: 'visit_settings',
      entityId: id,
      action: 'update',
      unitId: id,
      before: strip(before),
      after: strip(after),
    });
    return after;
  });
}

/** The top unit's settings, readable by the actor (else 404) and theirs to change (else 403). */
async function requireEditableSettings(tx: Tx, actor: Actor, unitId: number): Promise<VisitSettings> {
  await requireReadableUnit(tx, actor, unitId);
  if ((await topUnitOf(tx, unitId)) !== unitId) throw notFound(UNIT);
  const settings = await settingsView(tx, actor, unitId);
  if (!settings.canEdit) throw forbidden('Chỉ quản trị của đơn vị cấp cao nhất được đổi cấu hình đi cơ sở');
  return settings;
}

const ruleView = (r: RequirementRow | VisitRequirement | undefined) =>
  r === undefined
    ? null
    : 'annualDays' in r
      ? { level: r.level, title: r.title, annualDays: r.annualDays }
      : { level: r.level, title: r.title, annualDays: r.annual_days };

/**
 * The days a year required of the cadres of one level or holding one title, overriding the
 * organisation's default (a title's requirement wins over a level's); setting one that exists changes it.
 */
export async function setRequirement(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof visitRequirementSet>,
): Promise<VisitRequirement> {
  const { id, ...rest } = input;
  const data = parseInput(visitRequirementSet, rest);
  if ((data.level === undefined) === (data.title === undefined)) {
    throw fieldError(data.level === undefined ? 'level' : 'title', 'hãy chọn một cấp hoặc một chức danh, không cả hai');
  }
  return inTransaction(ctx, async (tx) => {
    const settings = await requireEditableSettings(tx, actor, id);
    const before = settings.requirements.find((r) =>
      data.level !== undefined ? r.level === data.level : r.title === data.title,
    );
    const reqId = await upsertRequirement(
      tx,
      { unit_id: id, level: data.level ?? null, title: data.title ?? null, annual_days: data.annualDays },
      nowIso(),
    );
    const after = await findRequirement(tx, reqId);
    if (!after) throw notFound();
    if (before?.annualDays !== after.annual_days) {
      await writeAudit(tx, actor, {
        entity: 'visit_settings',
        entityId: id,
        action: 'requirement_set',
        unitId: id,
        before: ruleView(before),
        after: ruleView(after),
      });
    }
    return toRequirement(after);
  });
}

export async function deleteRequirement(ctx: Ctx, actor: Actor, input: { id: number }): Promise<null> {
  return inTransaction(ctx, async (tx) => {
    const rule = await findRequirement(tx, input.id);
    if (!rule || !(await unitReadable(tx, actor, rule.unit_id))) throw notFound('Yêu cầu số ngày');
    await requireEditableSettings(tx, actor, rule.unit_id);
    await removeRequirement(tx, rule.id);
    await writeAudit(tx, actor, {
      entity: 'visit_settings',
      entityId: rule.unit_id,
      action: 'requirement_delete',
      unitId: rule.unit_id,
      before: ruleView(rule),
    });
    return null;
  });
}

const FILE_SIGNATURES: { ext: keyof typeof visitReportFileTypes; magic: number[] }[] = [
  { ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  // .docx is a zip
  { ext: 'docx', magic: [0x50, 0x4b, 0x03, 0x04] },
];

/** The file's type, from its name and checked against its first bytes; else a 400 naming the file. */
function reportFileType(f: UploadedFile): string {
  const dot = f.fileName.lastIndexOf('.');
  const given = dot < 0 ? '' : f.fileName.slice(dot + 1).toLowerCase();
  const ext = given === 'jpeg' ? 'jpg' : given;
  const sig = FILE_SIGNATURES.find((s) => s.ext === ext);
  if (!sig) throw fieldError('file', 'chỉ nhận tệp PDF, Word (.docx), JPG hoặc PNG');
  if (!sig.magic.every((b, i) => f.data[i] === b)) {
    throw fieldError('file', {
      vi: `nội dung tệp "${f.fileName}" không phải là tệp .${ext}`,
      en: `the content of "${f.fileName}" is not a .${ext} file`,
    });
  }
  return visitReportFileTypes[sig.ext];
}

/** Control, invisible and direction characters, and the quote: never kept in a stored file name. */
const unsafeInName = (cp: number) =>
  cp < 0x20 ||
  (cp >= 0x7f && cp <= 0x9f) ||
  (cp >= 0x200b && cp <= 0x200f) ||
  (cp >= 0x202a && cp <= 0x202e) ||
  (cp >= 0x2066 && cp <= 0x2069) ||
  cp === 0x22;

/** A stored name: the base name only, in NFC, without control characters, at most 200 characters. */
function storedName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const clean = [...base.normalize('NFC')].filter((c) => !unsafeInName(c.codePointAt(0)!)).join('');
  return clean.length > 200 ? clean.slice(clean.length - 200) : clean || 'tep-dinh-kem';
}

const fileView = (t: TripRow) => (t.file_name === null ? null : { name: t.file_name, size: Number(t.file_size) });

/** Attach a file to the trip's results report (replacing the one before): PDF, .docx, JPG or PNG, at most 10 MB. */
export async function uploadReportFile(
  ctx: Ctx,
  actor: Actor,
  input: { id: number; file: UploadedFile | null } & z.input<typeof visitReportAttachmentQuery>,
): Promise<VisitTrip> {
  const { version } = parseInput(visitReportAttachmentQuery, { version: input.version });
  return inTransaction(ctx, async (tx) => {
    const before = await requireWritableTrip(tx, actor, input.id, version);
    if (before.end_date > todayIso()) throw fieldError('file', 'chỉ nộp báo cáo sau khi đợt đi cơ sở kết thúc');
    const file = input.file;
    if (!file) throw fieldError('file', 'hãy chọn tệp đính kèm');
    if (file.data.length === 0) {
      throw fieldError('file', { vi: `tệp "${file.fileName}" trống`, en: `the file "${file.fileName}" is empty` });
    }
    if (file.data.length > VISIT_REPORT_FILE_MAX_BYTES) throw fieldError('file', 'tệp lớn hơn 10 MB');
    const type = reportFileType(file);
    const name = storedName(file.fileName);
    await putReportFile(tx, { trip_id: before.id, name, type, size: file.data.length, content: file.data }, nowIso());
    // the attachment is part of the trip: an open form holding the old version must not overwrite it unseen
    await touchVersioned(tx, 'visit_trips', before.id, version);
    const after = await findTrip(tx, actor, before.id);
    if (!after) throw notFound(TRIP);
    await writeAudit(tx, actor, {
      entity: 'visit_trip',
      entityId: before.id,
      action: 'report_file',
      unitId: after.person_unit_id,
      before: { reportFile: fileView(before) },
      after: { reportFile: fileView(after) },
    });
    return toTrip(after, after.start_year, todayIso());
  });
}

export async function deleteReportFile(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof visitReportAttachmentQuery>,
): Promise<VisitTrip> {
  const { version } = parseInput(visitReportAttachmentQuery, { version: input.version });
  return inTransaction(ctx, async (tx) => {
    const before = await requireWritableTrip(tx, actor, input.id, version);
    if (before.file_name === null) throw notFound('Tệp đính kèm báo cáo');
    await removeReportFile(tx, before.id);
    await touchVersioned(tx, 'visit_trips', before.id, version);
    const after = await findTrip(tx, actor, before.id);
    if (!after) throw notFound(TRIP);
    await writeAudit(tx, actor, {
      entity: 'visit_trip',
      entityId: before.id,
      action: 'report_file_delete',
      unitId: after.person_unit_id,
      before: { reportFile: fileView(before) },
      after: { reportFile: null },
    });
    return toTrip(after, after.start_year, todayIso());
  });
}

/** The report's attachment, for whoever may read the trip (another subtree's is a 404). */
export async function getReportFile(
  ctx: Ctx,
  actor: Actor,
  input: { id: number },
): Promise<{ name: string; type: string; bytes: Buffer }> {
  const tx = reader(ctx);
  const trip = await findTrip(tx, actor, input.id);
  if (!trip) throw notFound(TRIP);
  const file = await findReportFileContent(tx, trip.id);
  if (!file) throw notFound('Tệp đính kèm báo cáo');
  return { name: file.name, type: file.type, bytes: Buffer.from(file.content) };
}
