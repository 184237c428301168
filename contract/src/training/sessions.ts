import { z } from 'zod';
import { isoDate, line, optionalText, version } from '../common.ts';
import { sessionPart } from '../enums.ts';

// Training: sessions. Paths are under /api/v1/training unless noted.

const hhmm = line(5).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ dạng hh:mm');

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
