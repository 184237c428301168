import { randomBytes } from 'node:crypto';
import {
  fieldLabelOf,
  recordedClassCreate,
  type ErrorCode,
  type Outcome,
  type recordedClassBody,
  type TrainingClass,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx, Tx } from '../../../context.ts';
import { inTransaction } from '../../../context.ts';
import { nowIso } from '../../../db/dialect.ts';
import { AppError, isRefusal } from '../../../errors.ts';
import type { Words } from '../../../i18n/messages.ts';
import { issueEn } from '../../../i18n/zodIssue.ts';
import { todayIso, vnDate } from '../../../lib/dates.ts';
import { fieldError } from '../../../lib/input.ts';
import { writeAudits } from '../../audit/audit.writer.ts';
import { unitsOn } from '../../moves/unitAt.repository.ts';
import { currentTitlesOf } from '../../people/people.repository.ts';
import { lockUnits } from '../../units/units.repository.ts';
import { certificatesByIds, insertCertificates, newCertificate } from '../certificates/certificates.repository.ts';
import { auditView } from '../certificates/certificates.service.ts';
import { insertHistory } from '../classes/class.repository.ts';
import { auditCreated, checkNewClass, insertNewClass } from '../classes/class.service.ts';
import { toClass } from '../classes/class.view.ts';
import { insertEnrolments } from '../enrolments/enrolments.repository.ts';
import { enrolmentAudit } from '../enrolments/enrolments.view.ts';
import { refreshOutcomes } from '../results/outcomes.ts';
import {
  issuerUnits,
  overrideOutcomes,
  rosterPeople,
  ruleOutcomes,
  takenNumbers,
  type RosterPerson,
} from './recorded.repository.ts';

export type RecordedClassData = z.output<typeof recordedClassCreate>;
type Data = RecordedClassData;
type Trainee = Data['roster'][number];
type Who = { id: number; name?: string };

/** Where the papers' outcome differs from the rule's verdict, the reason kept beside the override. */
const FROM_PAPERS = 'Theo hồ sơ lớp đã tổ chức';

/**
 * A refusal about one roster row: the row's number AND the person (id, and the name when the actor
 * may see it), in the message and in `details`, so two people of the same name are told apart.
 * `reason` is the message without them (both languages), for a sheet that names the row and column its own way.
 */
export class RosterError extends AppError {
  constructor(
    code: ErrorCode,
    readonly index: number,
    who: Who,
    readonly rosterField: string,
    readonly reason: Words,
  ) {
    const person = who.name ? `${who.name} (mã ${who.id})` : `cán bộ mã ${who.id}`;
    const personEn = who.name ? `${who.name} (id ${who.id})` : `cadre ${who.id}`;
    const path = ['roster', index, ...rosterField.split('.')];
    const row = index + 1;
    const message = {
      vi: `Dòng ${row} – ${person}: ${fieldLabelOf(path)}: ${reason.vi}`,
      en: `Row ${row} – ${personEn}: ${fieldLabelOf(path, 'en')}: ${reason.en}`,
    };
    super(code, message, {
      field: path.join('.'),
      rosterIndex: index,
      personId: who.id,
    });
  }
}

const rowError = (code: ErrorCode, index: number, who: Who, field: string, message: Words) =>
  new RosterError(code, index, who, field, message);

/**
 * Where a refusal goes: the form's request throws the first (`throwFirst`); the import hands every
 * one to its sheet's row, so the checks go on after a refusal with what is left.
 */
export type Refuse = (e: AppError) => void;
const throwFirst: Refuse = (e) => {
  throw e;
};

/** A rule that throws, its refusal handed to `refuse` instead (anything but a refusal propagates). */
async function refusing(refuse: Refuse, rule: () => Promise<unknown>): Promise<void> {
  try {
    await rule();
  } catch (e) {
    if (!isRefusal(e)) throw e;
    refuse(e);
  }
}

/** The contract's checks, with a roster row's refusal carrying its index and person id too. */
function parse(input: unknown): Data {
  const result = recordedClassCreate.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).filter((p) => typeof p !== 'symbol');
  const message = { vi: issue?.message ?? 'không hợp lệ', en: issue ? issueEn(issue) : 'invalid' };
  const index = path[0] === 'roster' ? path[1] : undefined;
  if (typeof index === 'number') {
    const row = (input as { roster?: { personId?: unknown }[] }).roster?.[index];
    const id = typeof row?.personId === 'number' ? row.personId : 0;
    throw rowError('validation', index, { id }, path.slice(2).join('.') || 'personId', message);
  }
  throw new AppError(
    'validation',
    { vi: `${fieldLabelOf(path)}: ${message.vi}`, en: `${fieldLabelOf(path, 'en')}: ${message.en}` },
    { field: path.map(String).join('.') },
  );
}

/**
 * What can be checked before reading anything: a class already over, each person once, and each
 * printed certificate dated within the class's aftermath, held by someone who completed it.
 */
function checkInput(d: Data, today: string, refuse: Refuse): void {
  if (d.endDate > today) {
    refuse(
      fieldError('endDate', {
        vi: `lớp ghi nhận là lớp đã học xong, không được sau hôm nay (${vnDate(today)})`,
        en: `a recorded class is one already over: it cannot end after today (${vnDate(today)})`,
      }),
    );
  }
  const seen = new Map<number, number>();
  d.roster.forEach((t, i) => {
    const first = seen.get(t.personId);
    if (first !== undefined) {
      const twice = { vi: `đã có ở dòng ${first + 1}`, en: `already on row ${first + 1}` };
      refuse(rowError('validation', i, { id: t.personId }, 'personId', twice));
    } else seen.set(t.personId, i);
  });
}

function checkCertificates(d: Data, names: Map<number, string>, today: string, refuse: Refuse): void {
  d.roster.forEach((t, i) => {
    const c = t.certificate;
    if (!c) return;
    const who = { id: t.personId, name: names.get(t.personId) };
    if (t.outcome !== 'completed') {
      const why = {
        vi: 'chỉ người hoàn thành lớp mới có giấy chứng nhận',
        en: 'only a trainee who completed the class has a certificate',
      };
      refuse(rowError('validation', i, who, 'certificate', why));
    } else if (c.issuedOn < d.endDate) {
      const why = {
        vi: `trước ngày lớp kết thúc (${vnDate(d.endDate)})`,
        en: `before the class ended (${vnDate(d.endDate)})`,
      };
      refuse(rowError('validation', i, who, 'certificate.issuedOn', why));
    } else if (c.issuedOn > today) {
      const why = { vi: `sau hôm nay (${vnDate(today)})`, en: `after today (${vnDate(today)})` };
      refuse(rowError('validation', i, who, 'certificate.issuedOn', why));
    }
  });
}

/** Every roster id must be someone the actor may record; each who is not is named by row and id. */
async function requirePeople(tx: Tx, actor: Actor, d: Data, refuse: Refuse): Promise<Map<number, RosterPerson>> {
  const found = await rosterPeople(
    tx,
    actor,
    d.roster.map((t) => t.personId),
    d.startDate,
  );
  const byId = new Map(found.map((p) => [Number(p.id), p]));
  d.roster.forEach((t, i) => {
    if (byId.has(t.personId)) return;
    refuse(
      rowError('validation', i, { id: t.personId }, 'personId', {
        vi: 'không tồn tại hoặc không thuộc phạm vi bạn được xem',
        en: 'does not exist or is outside what you may see',
      }),
    );
  });
  return byId;
}

interface Printed {
  index: number;
  trainee: Trainee;
  unitId: number;
  number: string;
  issuedOn: string;
}

/** The unit that signed a printed certificate: the organiser when the paper names no other. */
const issuerOf = (d: Data, c: { issuingUnitId?: number | null | undefined }) => c.issuingUnitId ?? d.organiserUnitId;

/**
 * The printed certificates as they are: each issuer must exist and be working on the paper's date
 * (it may have ended since), and a number may not repeat for one issuer — in this roster or among
 * the certificates it already has (read with the issuers' rows locked when writing: see recordClassIn).
 */
async function checkPrinted(tx: Tx, d: Data, names: Map<number, string>, refuse: Refuse): Promise<Printed[]> {
  const all: Printed[] = d.roster.flatMap((t, index) =>
    t.certificate
      ? [
          {
            index,
            trainee: t,
            unitId: issuerOf(d, t.certificate),
            number: t.certificate.number,
            issuedOn: t.certificate.issuedOn,
          },
        ]
      : [],
  );
  if (!all.length) return all;
  const who = (p: Printed) => ({ id: p.trainee.personId, name: names.get(p.trainee.personId) });
  const unitIds = [...new Set(all.map((p) => p.unitId))];
  const units = new Map((await issuerUnits(tx, unitIds)).map((u) => [u.id, u]));
  const firstRow = new Map<string, number>();
  const printed = all.filter((p) => {
    const u = units.get(p.unitId);
    const refused = (code: ErrorCode, field: string, message: Words) => {
      refuse(rowError(code, p.index, who(p), field, message));
      return false;
    };
    if (!u) {
      return refused('validation', 'certificate.issuingUnitId', {
        vi: 'đơn vị không tồn tại',
        en: 'the unit does not exist',
      });
    }
    if (p.issuedOn < u.valid_from || (u.valid_to !== null && p.issuedOn > u.valid_to)) {
      return refused('validation', 'certificate.issuingUnitId', {
        vi: `đơn vị không hoạt động vào ngày cấp ${vnDate(p.issuedOn)}`,
        en: `the unit was not working on the date of issue ${vnDate(p.issuedOn)}`,
      });
    }
    const key = `${p.unitId}\u0000${p.number}`;
    const first = firstRow.get(key);
    if (first !== undefined)
      return refused('conflict', 'certificate.number', {
        vi: `số ${p.number} trùng với dòng ${first + 1}`,
        en: `the number ${p.number} is the same as on row ${first + 1}`,
      });
    firstRow.set(key, p.index);
    return true;
  });
  const taken = new Set(
    (
      await takenNumbers(
        tx,
        unitIds,
        printed.map((p) => p.number),
      )
    ).map((r) => `${r.issuing_unit_id}\u0000${r.number}`),
  );
  for (const p of printed) {
    if (!taken.has(`${p.unitId}\u0000${p.number}`)) continue;
    refuse(
      rowError('conflict', p.index, who(p), 'certificate.number', {
        vi: `đơn vị cấp đã có giấy chứng nhận số ${p.number}`,
        en: `the issuing unit already has a certificate numbered ${p.number}`,
      }),
    );
  }
  return printed;
}

export interface RecordedPlan {
  people: Map<number, RosterPerson>;
  printed: Printed[];
}

/**
 * Everything a recorded class must pass, read without writing — the class's own rule (dates,
 * organiser, kind), a class already over, each person once and in the actor's reach, the printed
 * certificates — each refusal handed to `refuse`: the form throws the first, the import reports
 * every one on its sheet row (one rule for both).
 */
export async function checkRecorded(tx: Tx, actor: Actor, d: Data, refuse: Refuse): Promise<RecordedPlan> {
  const today = todayIso();
  await refusing(refuse, () => checkNewClass(tx, actor, d));
  checkInput(d, today, refuse);
  const people = await requirePeople(tx, actor, d, refuse);
  const names = new Map([...people.values()].map((p) => [Number(p.id), p.full_name]));
  checkCertificates(d, names, today, refuse);
  return { people, printed: await checkPrinted(tx, d, names, refuse) };
}

/** Midnight, Vietnam time, of a day: when a step dated at the class's own dates is said to happen. */
const vietnamMidnight = (day: string): string => new Date(`${day}T00:00:00+07:00`).toISOString();

/**
 * POST /training/classes/recorded — a class already held, recorded as it happened, in one
 * transaction: the class (completed), its history dated at its own first and last day (who typed it
 * and when kept beside), each trainee credited to their unit and title of the first day, their
 * grade, attendance share and outcome (no sessions or marks invented), and the certificates as
 * printed. Any refusal writes nothing.
 */
export async function recordClass(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof recordedClassBody>,
): Promise<TrainingClass> {
  return inTransaction(ctx, (tx) => recordClassIn(tx, actor, input));
}

/**
 * A recorded class inside the caller's transaction: the form's request and the sheet import (one
 * class per group of rows) both write through it. The first refusal throws.
 */
export async function recordClassIn(
  tx: Tx,
  actor: Actor,
  input: z.input<typeof recordedClassBody> | Data,
): Promise<TrainingClass> {
  const d = parse(input);
  // The signers' rows stay locked until the end (like numbering's), so their numbers read now hold.
  await lockUnits(
    tx,
    d.roster.flatMap((t) => (t.certificate ? [issuerOf(d, t.certificate)] : [])),
  );
  const { people, printed } = await checkRecorded(tx, actor, d, throwFirst);
  const classId = await insertNewClass(tx, actor, d, 'completed', null);
  await insertHistory(
    tx,
    {
      classId,
      from: null,
      to: 'in_progress',
      actorUserId: actor.userId,
      note: `Lớp đã học, ghi nhận sau: khai giảng ngày ${vnDate(d.startDate)}`,
      at: vietnamMidnight(d.startDate),
    },
    {
      classId,
      from: 'in_progress',
      to: 'completed',
      actorUserId: actor.userId,
      note: `Bế giảng ngày ${vnDate(d.endDate)}; ghi nhận ${d.roster.length} học viên`,
      at: vietnamMidnight(d.endDate),
    },
  );
  const enrolmentIds = await enrol(tx, actor, classId, d, people);
  await settleOutcomes(tx, classId, d, enrolmentIds);
  await issuePrinted(tx, actor, printed, enrolmentIds);
  return toClass(await auditCreated(tx, actor, classId));
}

/** The trainees, confirmed, credited to their unit and most senior title on the class's first day. */
async function enrol(
  tx: Tx,
  actor: Actor,
  classId: number,
  d: Data,
  people: Map<number, RosterPerson>,
): Promise<Map<number, number>> {
  const ids = [...people.values()].map((p) => p.id);
  const [units, titles] = await Promise.all([unitsOn(tx, ids, d.startDate), currentTitlesOf(tx, ids, d.startDate)]);
  const now = nowIso();
  const rows = d.roster.map((t) => {
    const p = people.get(t.personId)!;
    const unit = units.get(t.personId)!;
    return {
      class_id: classId,
      person_id: t.personId,
      allocation_id: null,
      unit_id: unit.unitId,
      unit_name: unit.unitName,
      title: titles.get(t.personId)?.[0]?.title ?? null,
      status: 'confirmed' as const,
      waitlisted_at: null,
      nominated_by: actor.userId,
      nominated_at: now,
      withdraw_reason: null,
      score: null,
      grade: t.grade ?? null,
      rule_outcome: null,
      outcome_override: null,
      override_reason: null,
      attendance_percent: t.attendancePercent ?? null,
      checkin_code: randomBytes(24).toString('base64url'),
      sort_key: p.sort_key,
      name: p.full_name,
    };
  });
  const inserted = await insertEnrolments(
    tx,
    rows.map(({ name: _name, ...values }) => values),
    now,
  );
  await writeAudits(
    tx,
    actor,
    rows.map((r) => ({
      entity: 'enrolment' as const,
      entityId: inserted.get(r.person_id)!,
      action: 'record',
      unitId: r.unit_id,
      after: {
        ...enrolmentAudit({
          classId,
          personId: r.person_id,
          personName: r.name,
          unitId: r.unit_id,
          unitName: r.unit_name,
          title: r.title,
          allocationId: null,
          status: r.status,
        }),
        grade: r.grade,
        attendancePercent: r.attendance_percent,
      },
    })),
  );
  return inserted;
}

/**
 * The rule judges the grade and attendance share as for any class; where the papers say otherwise
 * (a completion without a grade, say) their outcome stands as an override with its reason.
 */
async function settleOutcomes(tx: Tx, classId: number, d: Data, enrolmentIds: Map<number, number>): Promise<void> {
  await refreshOutcomes(tx, classId);
  const rule = new Map((await ruleOutcomes(tx, classId)).map((r) => [r.id, r.rule_outcome]));
  const differs = (want: Outcome) =>
    d.roster
      .filter((t) => t.outcome === want)
      .map((t) => enrolmentIds.get(t.personId)!)
      .filter((id) => rule.get(id) !== want);
  await overrideOutcomes(tx, differs('completed'), 'completed', FROM_PAPERS);
  await overrideOutcomes(tx, differs('not_completed'), 'not_completed', FROM_PAPERS);
}

/** The printed certificates: number, date and issuer as on paper, outside the running numbering. */
async function issuePrinted(
  tx: Tx,
  actor: Actor,
  printed: Printed[],
  enrolmentIds: Map<number, number>,
): Promise<void> {
  if (!printed.length) return;
  const now = nowIso();
  const rows = printed.map((p) =>
    newCertificate({
      enrolmentId: enrolmentIds.get(p.trainee.personId)!,
      unitId: p.unitId,
      year: Number(p.issuedOn.slice(0, 4)),
      seq: null,
      number: p.number,
      issuedOn: p.issuedOn,
      issuedBy: actor.userId,
      now,
    }),
  );
  const issued = await certificatesByIds(tx, await insertCertificates(tx, rows, now));
  await writeAudits(
    tx,
    actor,
    issued.map((r) => ({
      entity: 'certificate' as const,
      entityId: r.id,
      action: 'record',
      unitId: r.issuing_unit_id,
      after: auditView(r),
    })),
  );
}
