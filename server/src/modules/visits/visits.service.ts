import {
  levelOfUnitKind,
  visitComplianceExportQuery,
  visitComplianceQuery,
  visitOverdueQuery,
  visitPersonYearQuery,
  visitRegistrationCreate,
  visitReportFile,
  visitSettingsQuery,
  visitSettingsUpdate,
  visitTotalsQuery,
  visitTripCreate,
  visitTripUpdate,
  visitYearQuery,
  type ClassLevel,
  type Page,
  type VisitComplianceRow,
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
import { todayIso, vnDate } from '../../lib/dates.ts';
import { fieldError, parseInput } from '../../lib/input.ts';
import { offsetOf, pageFrom } from '../../lib/paging.ts';
import { updateVersioned } from '../../lib/versioned.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { addDays, elapsedOfYear, tripDays } from './days.ts';
import {
  findCompliance,
  findComplianceBatch,
  findOverdue,
  findOverlappingTrip,
  findRegistration,
  findSettings,
  findTotalsByKind,
  findTrip,
  findTripsOfYear,
  findVisitPerson,
  insertRegistration,
  insertSettings,
  insertTrip,
  lockPerson,
  topUnitOf,
  unitName,
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

async function personYear(tx: Tx, actor: Actor, personId: number, year: number): Promise<VisitPersonYear> {
  const person = await findVisitPerson(tx, actor, personId);
  if (!person) throw notFound(PERSON);
  const today = todayIso();
  const [settings, registration, rows] = await Promise.all([
    settingsOfPerson(tx, person),
    findRegistration(tx, personId, year),
    findTripsOfYear(tx, actor, personId, year),
  ]);
  const trips = rows.map((r) => toTrip(r, year, today));
  const days = trips.reduce((sum, t) => sum + t.daysInYear, 0);
  return {
    personId: person.id,
    personName: person.full_name,
    unitName: person.unit_name,
    year,
    requirement: settings.annual_days,
    days,
    status: statusOf(days, settings.annual_days, year, today),
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
  if (person.can_edit !== 1) throw forbidden(`Bạn chỉ được xem, không được ghi đi cơ sở của ${person.full_name}`);
  return person;
}

async function requireHostUnit(tx: Tx, hostUnitId: number): Promise<void> {
  if ((await unitName(tx, hostUnitId)) === undefined) throw fieldError('hostUnitId', 'đơn vị không tồn tại');
}

export async function registerVisits(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof visitRegistrationCreate>,
): Promise<VisitRegistration> {
  const data = parseInput(visitRegistrationCreate, input);
  return inTransaction(ctx, async (tx) => {
    const person = await requireWritablePerson(tx, actor, data.personId);
    await requireHostUnit(tx, data.hostUnitId);
    await lockPerson(tx, person.id);
    if (await findRegistration(tx, person.id, data.year)) {
      throw new AppError('conflict', `${person.full_name} đã đăng ký đi cơ sở năm ${data.year}`, { field: 'year' });
    }
    const id = await insertRegistration(
      tx,
      { person_id: person.id, year: data.year, host_unit_id: data.hostUnitId, notes: data.notes ?? null },
      nowIso(),
    );
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

interface Span {
  startDate: string;
  endDate: string;
}

/** Days of the span under the settings; refuses end before start, a trip over two New Years, a trip of no day. */
function daysOf(s: Span, settings: SettingsRow) {
  if (s.endDate < s.startDate) {
    throw fieldError('endDate', `không được trước Ngày bắt đầu (${vnDate(s.startDate)})`);
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
    `Trùng với đợt đi cơ sở từ ${vnDate(clash.start_date)} đến ${vnDate(clash.end_date)}: ` +
      'một cán bộ không thể ở hai đợt cùng lúc.',
    { field: 'startDate', conflictWith: clash.id },
  );
}

export async function createTrip(ctx: Ctx, actor: Actor, input: z.input<typeof visitTripCreate>): Promise<VisitTrip> {
  const data = parseInput(visitTripCreate, input);
  return inTransaction(ctx, async (tx) => {
    const person = await requireWritablePerson(tx, actor, data.personId);
    await requireHostUnit(tx, data.hostUnitId);
    const settings = await settingsOfPerson(tx, person);
    const counted = daysOf(data, settings);
    await lockPerson(tx, person.id);
    await refuseOverlap(tx, person.id, data, null);
    const startYear = Number(data.startDate.slice(0, 4));
    const registration = await findRegistration(tx, person.id, startYear);
    const id = await insertTrip(
      tx,
      {
        person_id: person.id,
        registration_id: registration?.id ?? null,
        person_unit_id: person.unit_id,
        person_unit_kind: person.unit_kind,
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
  });
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
    if (patch.hostUnitId !== undefined) await requireHostUnit(tx, patch.hostUnitId);
    const person = await findVisitPerson(tx, actor, before.person_id);
    if (!person) throw notFound(PERSON);
    const settings = await settingsOfPerson(tx, person);
    const span = { startDate: patch.startDate ?? before.start_date, endDate: patch.endDate ?? before.end_date };
    const counted = daysOf(span, settings);
    await lockPerson(tx, person.id);
    await refuseOverlap(tx, person.id, span, id);
    await updateVersioned(tx, 'visit_trips', id, patch.version, {
      host_unit_id: patch.hostUnitId,
      purpose: patch.purpose,
      start_date: span.startDate,
      end_date: span.endDate,
      start_year: Number(span.startDate.slice(0, 4)),
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
  const { elapsed, length } = elapsedOfYear(year, todayIso());
  return { unitId, year, requirement: settings.annual_days, elapsed, length };
}

const toComplianceRow =
  (requirement: number) =>
  (r: ComplianceRow): VisitComplianceRow => ({
    personId: r.person_id,
    personName: r.full_name,
    unitName: r.unit_name,
    requirement,
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
  return pageFrom(rows.map(toComplianceRow(scope.requirement)), total, { page, pageSize });
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
  const toRow = toComplianceRow(scope.requirement);
  return {
    year: scope.year,
    rows: {
      async *[Symbol.asyncIterator]() {
        const batches = keysetBatches(
          (after, limit) => findComplianceBatch(tx, actor, scope, q, after, limit),
          EXPORT_BATCH,
        );
        for await (const rows of batches) yield* rows.map(toRow);
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
  const byLevel = new Map<ClassLevel, { trips: number; days: number }>();
  for (const r of await findTotalsByKind(tx, actor, unitId, year)) {
    const level = levelOfUnitKind[r.kind];
    const sum = byLevel.get(level) ?? { trips: 0, days: 0 };
    byLevel.set(level, { trips: sum.trips + r.trips, days: sum.days + r.days });
  }
  const order: ClassLevel[] = ['central', 'province', 'district', 'commune', 'grassroots'];
  return {
    year,
    levels: order.filter((l) => byLevel.has(l)).map((level) => ({ level, ...byLevel.get(level)! })),
  };
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

async function settingsView(tx: Tx, actor: Actor, topUnitId: number): Promise<VisitSettings> {
  const s = await findSettings(tx, topUnitId);
  return {
    unitId: topUnitId,
    dayCounting: s.day_counting,
    reportDueDays: s.report_due_days,
    annualDays: s.annual_days,
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
    const strip = ({ canEdit: _c, version: _v, ...f }: VisitSettings) => f;
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
