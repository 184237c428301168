import { summonsQuery } from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import { can } from '../../../auth/policy.ts';
import type { Ctx } from '../../../context.ts';
import { reader } from '../../../context.ts';
import { issuerOf } from '../../../documents/issuer.ts';
import { fileSlug, type DocumentFile } from '../../../documents/file.ts';
import { forbidden, notFound } from '../../../errors.ts';
import { asBuffer } from '../../../workers/pool.ts';
import { todayIso, vnDate } from '../../../lib/dates.ts';
import { fieldError, parseInput } from '../../../lib/input.ts';
import { findVisibleClass, requireRostered } from '../classes/class.access.ts';
import { findAllocation } from './allocations.repository.ts';
import { classForSummons, issuingUnit, seatedOfQuota } from './summons.repository.ts';

/**
 * The summons of one quota as .docx: an allocation's (for the organiser's readers, and for the
 * allocated unit's nominators — their own seats only) or the organiser's own list (organiser's
 * readers only). Lists the seated trainees of that quota.
 */
export async function summonsFile(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof summonsQuery>,
): Promise<DocumentFile> {
  const { id, ...rest } = input;
  const q = parseInput(summonsQuery, rest);
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, id);
  requireRostered(cls);
  let recipientUnit: string | null = null;
  if (q.allocationId !== undefined) {
    const allocation = await findAllocation(tx, actor, q.allocationId);
    if (!allocation || allocation.class_id !== cls.id) throw notFound('Chỉ tiêu phân bổ');
    recipientUnit = allocation.unit_name;
  } else if (!(await can(tx, actor, 'training.read', cls.organiser_unit_id))) {
    throw forbidden(
      'Giấy triệu tập học viên của đơn vị tổ chức chỉ đơn vị tổ chức được xem: hãy chọn chỉ tiêu của đơn vị bạn',
    );
  }
  const details = await classForSummons(tx, cls.id);
  const date = q.date ?? todayIso();
  // A summons calls people to a class: dated once the class has begun, it would summon them late.
  if (date > details.start_date) {
    const start = vnDate(details.start_date);
    throw fieldError('date', {
      vi: `ngày ký giấy triệu tập (${vnDate(date)}) sau ngày khai giảng lớp (${start}); hãy chọn ngày từ ${start} trở về trước`,
      en: `the summons’ date (${vnDate(date)}) is after the class opens (${start}); choose ${start} or earlier`,
    });
  }
  const trainees = await seatedOfQuota(tx, cls.id, q.allocationId ?? null);
  // Plain data in, bytes out: the Word document is zipped in the heavy pool, off the request thread.
  const bytes = await ctx.heavy.run(actor.userId, 'summonsDocx', {
    issuer: issuerOf(await issuingUnit(tx, cls.organiser_unit_id)),
    number: q.number ?? null,
    date,
    className: details.name,
    startDate: details.start_date,
    endDate: details.end_date,
    place: details.place,
    decision: details.decision,
    firstSession: details.first_session
      ? { date: details.first_session.session_date, startsAt: details.first_session.starts_at }
      : null,
    recipientUnit,
    trainees: trainees.map((t) => ({ name: t.full_name, title: t.title, unitName: t.unit_name })),
    signerTitle: (q.signerTitle ?? 'Bí thư').toLocaleUpperCase('vi'),
    signerName: q.signerName ?? null,
  });
  // "giay-trieu-tap-lop-boi-duong-…-huyen-doan-cu-jut.docx": the class, then the unit summoned.
  const name = ['giay-trieu-tap', fileSlug(details.name), recipientUnit ? fileSlug(recipientUnit) : '']
    .filter(Boolean)
    .join('-');
  return { bytes: asBuffer(bytes), fileName: `${name}.docx` };
}
