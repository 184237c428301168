import { z } from 'zod';
import { phoneNumber } from './phone.ts';
import {
  id,
  isoDate,
  line,
  optionalMultilineText,
  optionalText,
  pageOf,
  pageQuery,
  searchTerm,
  text,
  version,
} from './common.ts';
import { gender, qualification, theoryLevel, title } from './enums.ts';

export const person = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  familyName: z.string(),
  middleName: z.string().nullable(),
  givenName: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  gender,
  ethnicityCode: z.string(),
  ethnicityName: z.string(),
  religion: z.string().nullable(),
  /** Masked (`0xx******123`) unless the actor may see national IDs in this unit. */
  nationalId: z.string().nullable(),
  nationalIdMasked: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  partyMember: z.boolean(),
  partyJoinDate: z.string().nullable(),
  generalEducation: z.string().nullable(),
  /** The highest: the manual value or what a graduated study gives, whichever ranks higher. */
  qualification,
  theoryLevel,
  /** As typed in by hand (what `qualification` / `theoryLevel` in a write set). */
  qualificationManual: qualification,
  theoryLevelManual: theoryLevel,
  itLevel: z.string().nullable(),
  languageLevel: z.string().nullable(),
  hardshipArea: z.boolean(),
  notes: z.string().nullable(),
  /** Titles held today, for lists. */
  currentTitles: z.array(z.object({ title, unitName: z.string() })),
  version: z.number().int(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type Person = z.infer<typeof person>;

const personFields = {
  unitId: id,
  familyName: text(50),
  middleName: optionalText(80),
  givenName: text(50),
  birthDate: isoDate.nullable().optional(),
  gender,
  ethnicityCode: line(2).regex(/^\d{2}$/),
  religion: optionalText(100),
  nationalId: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    line(12)
      .regex(/^\d{12}$/, 'Số CCCD gồm đúng 12 chữ số')
      .nullable()
      .optional(),
  ),
  phone: phoneNumber,
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.email().max(200).nullable().optional(),
  ),
  partyMember: z.boolean().default(false),
  partyJoinDate: isoDate.nullable().optional(),
  generalEducation: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    line(5)
      .regex(/^(\d{1,2})\/(10|12)$/, 'Trình độ phổ thông dạng 12/12')
      .nullable()
      .optional(),
  ),
  qualification: qualification.default('none'),
  theoryLevel: theoryLevel.default('none'),
  itLevel: optionalText(100),
  languageLevel: optionalText(100),
  hardshipArea: z.boolean().default(false),
  notes: optionalMultilineText(2000),
};

export const personCreate = z.object({
  ...personFields,
  /** A person with the same name and birth date exists: create anyway only when confirmed. */
  confirmDuplicate: z.boolean().default(false),
});
export type PersonCreate = z.infer<typeof personCreate>;
export type PersonCreateInput = z.input<typeof personCreate>;

// A partial update must not fill in create-time defaults: an absent field means "unchanged".
export const personUpdate = z
  .object({
    ...personFields,
    partyMember: z.boolean(),
    qualification,
    theoryLevel,
    hardshipArea: z.boolean(),
  })
  .partial()
  .extend({ version });
export type PersonUpdate = z.infer<typeof personUpdate>;

/** The list's filters and order, without paging: the Excel export takes these. */
export const personFilterQuery = z.object({
  q: searchTerm,
  unitId: id.optional(),
  /**
   * The unit filter and the unit column by each person's unit on this day (their moves), not today's;
   * people whose record began later (first position, first move, entry in Canbo) are left out.
   */
  asOf: isoDate.optional(),
  title: title.optional(),
  gender: gender.optional(),
  ethnicityCode: line(2)
    .regex(/^\d{2}$/)
    .optional(),
  minority: z.enum(['true', 'false']).optional(),
  partyMember: z.enum(['true', 'false']).optional(),
  theoryLevel: theoryLevel.optional(),
  ageMin: z.coerce.number().int().min(0).max(120).optional(),
  ageMax: z.coerce.number().int().min(0).max(120).optional(),
  sort: z.enum(['name', 'birthDate', 'unit', 'updatedAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const personListQuery = pageQuery.extend(personFilterQuery.shape);
export type PersonListQuery = z.infer<typeof personListQuery>;
export type PersonListInput = z.input<typeof personListQuery>;
export const personExportQuery = personFilterQuery;
export type PersonExportQuery = z.infer<typeof personExportQuery>;
/**
 * A name search counts its matches up to this many: over the whole country a common name matches
 * tens of thousands of records, and counting every one cost more than finding the page's twenty.
 */
export const SEARCH_COUNT_LIMIT = 1000;
/** `more`: the list holds more than `total` rows (a name search stopped counting at its limit). */
export const personPage = pageOf(person).extend({ more: z.boolean() });

export const duplicateCandidate = z.object({
  id: z.number().int(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  unitName: z.string(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

/** Body of the 409 a possible duplicate gets: the UI lists these and asks "create anyway?". */
export const duplicateDetails = z.object({
  field: z.literal('confirmDuplicate'),
  duplicates: z.array(duplicateCandidate),
});
