import { fieldLabels, fieldLabelsEn, levelOfUnitKind, type ClassHeadcount, type ClassLevel } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import { can } from '../../../auth/policy.ts';
import type { Tx } from '../../../context.ts';
import { AppError } from '../../../errors.ts';
import { messages, type Words } from '../../../i18n/messages.ts';
import { clauseEn } from '../../../i18n/sentences.ts';
import { requireActiveKind } from '../../catalog/kinds.service.ts';
import { vnDate } from '../../../lib/dates.ts';
import { fieldError } from '../../../lib/input.ts';
import { requireUsableProgramme } from '../programmes/programmes.service.ts';
import { findOrganiserUnit } from './class.repository.ts';

/** A rule broken by the class's present state rather than by the input: 409, the field named (as `fieldError`). */
export function conflictOn(field: string, message: string | Words): AppError {
  const vi = `${fieldLabels[field] ?? field}: ${typeof message === 'string' ? message : message.vi}`;
  const clause = typeof message === 'string' ? clauseEn(message) : message.en;
  return new AppError('conflict', clause ? { vi, en: `${fieldLabelsEn[field] ?? field}: ${clause}` } : vi, { field });
}

/**
 * The organiser of a new class: a unit the actor sees (else 400 naming it) and manages training
 * of (else 403), working on the class's dates. Its kind gives the class's level, kept on the class.
 */
export async function requireOrganiser(
  tx: Tx,
  actor: Actor,
  unitId: number,
  dates: { startDate: string },
): Promise<{ name: string; level: ClassLevel }> {
  const unit = await findOrganiserUnit(tx, actor, unitId);
  if (!unit) throw fieldError('organiserUnitId', 'đơn vị không tồn tại hoặc bạn không có quyền xem');
  if (!(await can(tx, actor, 'training.manage', unitId))) {
    throw new AppError(
      'forbidden',
      {
        vi: `Bạn không có quyền tổ chức lớp bồi dưỡng của ${unit.name}`,
        en: `You are not allowed to organise training classes of ${unit.name}`,
      },
      { field: 'organiserUnitId' },
    );
  }
  if (dates.startDate < unit.valid_from) {
    throw fieldError('startDate', {
      vi: `trước ngày thành lập của ${unit.name} (${vnDate(unit.valid_from)})`,
      en: `before ${unit.name} was established (${vnDate(unit.valid_from)})`,
    });
  }
  if (unit.valid_to !== null && dates.startDate > unit.valid_to) {
    throw fieldError('organiserUnitId', messages.unitCeased(unit.name, unit.valid_to));
  }
  return { name: unit.name, level: levelOfUnitKind[unit.kind] };
}

export function checkDates(startDate: string, endDate: string): void {
  if (endDate < startDate) {
    throw fieldError('endDate', messages.notBeforeStart(startDate));
  }
}

/** The kind and programme a class is filed under; checked whenever either is chosen anew. */
export async function checkKindAndProgramme(tx: Tx, kindCode: string, programmeId: number | null): Promise<void> {
  await requireActiveKind(tx, kindCode);
  if (programmeId !== null) await requireUsableProgramme(tx, programmeId, kindCode);
}

const BREAKDOWN = ['women', 'minority', 'doan', 'hoi', 'doi'] as const;

/**
 * A reported headcount describes a class already held: its end date is not in the future, and no
 * part of the breakdown exceeds the total (Đoàn, Hội and Đội cadres are distinct people, so their
 * sum cannot either; women and minority cut across them).
 */
export function checkHeadcount(h: ClassHeadcount, endDate: string, today: string): void {
  if (endDate > today) {
    throw fieldError('endDate', {
      vi: `lớp ghi nhận theo số lượng báo cáo phải là lớp đã học xong, không được sau hôm nay (${vnDate(today)})`,
      en: `a class recorded by its reported headcount is over: it cannot end after today (${vnDate(today)})`,
    });
  }
  for (const part of BREAKDOWN) {
    const v = h[part];
    if (v !== null && v !== undefined && v > h.total) {
      throw fieldError(`headcount.${part}`, {
        vi: `không được lớn hơn Tổng số học viên (${h.total})`,
        en: `cannot exceed the total number of trainees (${h.total})`,
      });
    }
  }
  const unions = (h.doan ?? 0) + (h.hoi ?? 0) + (h.doi ?? 0);
  if (unions > h.total) {
    throw fieldError('headcount', {
      vi: `số cán bộ Đoàn, Hội, Đội cộng lại (${unions}) không được lớn hơn Tổng số học viên (${h.total})`,
      en: `the Union, Association and Pioneer cadres together (${unions}) cannot exceed the total number of trainees (${h.total})`,
    });
  }
}

/** The headcount columns of the class row, all null for a class with a named roster. */
export function headcountColumns(h: ClassHeadcount | null) {
  return {
    headcount_total: h?.total ?? null,
    headcount_women: h?.women ?? null,
    headcount_minority: h?.minority ?? null,
    headcount_doan: h?.doan ?? null,
    headcount_hoi: h?.hoi ?? null,
    headcount_doi: h?.doi ?? null,
  };
}
