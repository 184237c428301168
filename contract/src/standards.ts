import { z } from 'zod';
import { id, isoDate, pageOf, pageQuery, version } from './common.ts';
import { qualification, theoryLevel, title, type ClassLevel } from './enums.ts';

// Title standards (QĐ 289, configurable) and the standardisation and title-training gap lists.

/** The unit levels a standard is set for: a title's unit decides it (`levelOfUnitKind`). */
export const standardLevels = [
  'province',
  'district',
  'commune',
  'grassroots',
] as const satisfies readonly ClassLevel[];
export const standardLevel = z.enum(standardLevels);
export type StandardLevel = z.infer<typeof standardLevel>;

const age = z.number().int('phải là số nguyên').min(15, 'phải từ 15 tuổi').max(80, 'không được quá 80 tuổi');

/** GET /catalog/title-standards — every cell set (at most titles × levels rows: not paged). */
export const titleStandard = z.object({
  title,
  level: standardLevel,
  maxAgeFirst: z.number().int().nullable(),
  maxAgeInPost: z.number().int().nullable(),
  hardshipMaxAgeFirst: z.number().int().nullable(),
  hardshipMaxAgeInPost: z.number().int().nullable(),
  minQualification: qualification.nullable(),
  minTheoryLevel: theoryLevel.nullable(),
  /** 0: nothing stored yet for this title and level. */
  version: z.number().int(),
});
export type TitleStandard = z.infer<typeof titleStandard>;
export const titleStandardList = z.object({ items: z.array(titleStandard) });

export const titleStandardParams = z.object({ title, level: standardLevel });

/**
 * PUT /catalog/title-standards/:title/:level — the whole cell; null asks nothing. `version` 0 for a
 * cell not stored yet; a field left out is null. A hardship limit relaxes the ordinary one, so it may not be lower.
 */
export const titleStandardSave = z
  .object({
    version,
    maxAgeFirst: age.nullable().default(null),
    maxAgeInPost: age.nullable().default(null),
    hardshipMaxAgeFirst: age.nullable().default(null),
    hardshipMaxAgeInPost: age.nullable().default(null),
    minQualification: qualification.nullable().default(null),
    minTheoryLevel: theoryLevel.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const pairs = [
      ['hardshipMaxAgeFirst', 'maxAgeFirst'],
      ['hardshipMaxAgeInPost', 'maxAgeInPost'],
    ] as const;
    for (const [hardship, ordinary] of pairs) {
      const h = v[hardship];
      const o = v[ordinary];
      if (h !== null && o !== null && h < o) {
        ctx.addIssue({ code: 'custom', path: [hardship], message: `không được thấp hơn tuổi thường (${o})` });
      }
    }
    if (v.maxAgeFirst !== null && v.maxAgeInPost !== null && v.maxAgeInPost < v.maxAgeFirst) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxAgeInPost'],
        message: `không được thấp hơn tuổi bổ nhiệm lần đầu (${v.maxAgeFirst})`,
      });
    }
  });
export type TitleStandardSaveInput = z.input<typeof titleStandardSave>;

/** What a holder may fall short of; the Vietnamese text is in `shortfalls`. */
export const shortfallKinds = ['age_first', 'age_in_post', 'qualification', 'theory'] as const;
export const shortfallKind = z.enum(shortfallKinds);
export type ShortfallKind = z.infer<typeof shortfallKind>;

const listFilter = {
  unitId: id.optional(),
  /** The day asked about; today (Vietnam) when absent. */
  at: isoDate.optional(),
  title: title.optional(),
};

/** GET /standards/standardisation — holders on the day who do not meet their title's standard. */
export const standardisationQuery = pageQuery.extend({
  ...listFilter,
  sort: z.enum(['person', 'unit', 'title']).default('person'),
});
export const standardisationExportQuery = standardisationQuery.omit({ page: true, pageSize: true });
export const standardisationRow = z.object({
  positionId: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  birthDate: z.string().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  title,
  level: standardLevel,
  startDate: z.string(),
  hardshipArea: z.boolean(),
  shortfalls: z.array(z.object({ kind: shortfallKind, text: z.string() })),
});
export type StandardisationRow = z.infer<typeof standardisationRow>;
export const standardisationPage = pageOf(standardisationRow);

/** GET /standards/gaps — holders on the day without a title training within `months` of appointment. */
export const titleGapsQuery = pageQuery.extend({
  ...listFilter,
  months: z.coerce
    .number()
    .int('phải là số nguyên')
    .min(1, 'phải từ 1 tháng')
    .max(120, 'không được quá 120 tháng')
    .default(12),
  sort: z.enum(['person', 'unit', 'title', 'startDate']).default('person'),
});
export const titleGapsExportQuery = titleGapsQuery.omit({ page: true, pageSize: true });
export const titleGapRow = z.object({
  positionId: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  title,
  startDate: z.string(),
  /** The holder's earliest completed title training (late when after the months), else null. */
  trainedOn: z.string().nullable(),
});
export type TitleGapRow = z.infer<typeof titleGapRow>;
export const titleGapsPage = pageOf(titleGapRow);
