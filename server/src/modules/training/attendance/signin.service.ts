import { sessionPartLabels, titleLabels } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import { can } from '../../../auth/policy.ts';
import type { Ctx } from '../../../context.ts';
import { reader } from '../../../context.ts';
import { forbidden, notFound } from '../../../errors.ts';
import type { SignInSheet } from '../documents/signin.ts';
import { asBuffer } from '../../../workers/pool.ts';
import { issuerOf } from '../../../documents/issuer.ts';
import { fileDate, fileSlug, type DocumentFile } from '../../../documents/file.ts';
import { issuingUnit } from '../enrolments/summons.repository.ts';
import { findAllSeated } from './attendance.repository.ts';
import { sessionCheckinUrl } from './checkin.service.ts';
import { findVisibleSession } from './checkin.repository.ts';

/**
 * The sheet is the organiser's document: every seated trainee (so one promoted from the waitlist is
 * on it), in name order. A unit that only sent trainees sees the class but gets no sheet (403).
 */
async function signInSheet(ctx: Ctx, actor: Actor, sessionId: number): Promise<{ sheet: SignInSheet; name: string }> {
  const tx = reader(ctx);
  const session = await findVisibleSession(tx, actor, sessionId);
  if (!session) throw notFound('Buổi học');
  if (!(await can(tx, actor, 'training.read', session.organiser_unit_id))) {
    throw forbidden({
      vi: `Danh sách ký tên do đơn vị tổ chức lớp "${session.class_name}" lập`,
      en: `The sign-in sheet is drawn up by the organising unit of the class "${session.class_name}"`,
    });
  }
  const trainees = await findAllSeated(tx, null, session.class_id);
  const sheet: SignInSheet = {
    issuer: issuerOf(await issuingUnit(tx, session.organiser_unit_id)),
    className: session.class_name,
    date: session.session_date,
    partLabel: sessionPartLabels[session.part] ?? session.part,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
    topic: session.topic,
    checkinUrl: sessionCheckinUrl(ctx, session.checkin_token),
    trainees: trainees.map((t) => ({
      name: t.person_name,
      unitName: t.unit_name,
      title: t.title ? (titleLabels[t.title] ?? t.title) : '',
    })),
  };
  // "danh-sach-ky-ten-13-06-2023-buoi-sang": the day as users write it, the part in their words.
  const part = session.part === 'full_day' ? sheet.partLabel : `Buổi ${sheet.partLabel}`;
  return { sheet, name: `danh-sach-ky-ten-${fileDate(session.session_date)}-${fileSlug(part)}` };
}

export async function signInSheetDocx(ctx: Ctx, actor: Actor, input: { id: number }): Promise<DocumentFile> {
  const { sheet, name } = await signInSheet(ctx, actor, input.id);
  return { fileName: `${name}.docx`, bytes: asBuffer(await ctx.heavy.run(actor.userId, 'signInDocx', sheet)) };
}

export async function signInSheetPdf(ctx: Ctx, actor: Actor, input: { id: number }): Promise<DocumentFile> {
  const { sheet, name } = await signInSheet(ctx, actor, input.id);
  return { fileName: `${name}.pdf`, bytes: asBuffer(await ctx.heavy.run(actor.userId, 'signInPdf', sheet)) };
}
