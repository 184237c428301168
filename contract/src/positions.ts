import { z } from 'zod';
import { id, isoDate, line, optionalText, pageOf, pageQuery, version } from './common.ts';
import { appointmentMethod, employment, title } from './enums.ts';

export const position = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  title,
  employment,
  method: appointmentMethod,
  term: z.string().nullable(),
  decision: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  version: z.number().int(),
  /** The actor may change or end this position (write access to both the person and the unit). */
  canEdit: z.boolean(),
});
export type Position = z.infer<typeof position>;

const term = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  line(20)
    .regex(/^\d{4}\s*[–-]\s*\d{4}$/, 'Nhiệm kỳ dạng 2022–2027')
    .nullable()
    .optional(),
);

export const positionCreate = z.object({
  personId: id,
  unitId: id,
  title,
  employment,
  method: appointmentMethod,
  term,
  decision: optionalText(100),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
});
export type PositionCreate = z.infer<typeof positionCreate>;
export type PositionCreateInput = z.input<typeof positionCreate>;

export const positionUpdate = z.object({
  version,
  title: title.optional(),
  employment: employment.optional(),
  method: appointmentMethod.optional(),
  term,
  decision: optionalText(100),
  startDate: isoDate.optional(),
  endDate: isoDate.nullable().optional(),
});
export type PositionUpdate = z.infer<typeof positionUpdate>;

export const positionListQuery = pageQuery.extend({
  unitId: id.optional(),
  personId: id.optional(),
  /** Only positions held on this date (a unit's committee "as of"). */
  activeOn: isoDate.optional(),
  title: title.optional(),
  sort: z.enum(['startDate', 'title', 'person']).default('startDate'),
});
export type PositionListQuery = z.infer<typeof positionListQuery>;
export type PositionListInput = z.input<typeof positionListQuery>;
export const positionPage = pageOf(position);
