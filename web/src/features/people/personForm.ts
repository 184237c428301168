import dayjs, { type Dayjs } from 'dayjs';
import type { Person, PersonCreate, PersonUpdate } from '@canbo/contract';
import { toIsoDate } from '../../lib/format';

/** What the person form holds: the API's fields, dates as dayjs. */
export interface PersonFormValues {
  unitId?: number | null;
  familyName?: string;
  middleName?: string | null;
  givenName?: string;
  birthDate?: Dayjs | null;
  gender?: Person['gender'];
  ethnicityCode?: string;
  religion?: string | null;
  nationalId?: string | null;
  phone?: string | null;
  email?: string | null;
  partyMember?: boolean;
  partyJoinDate?: Dayjs | null;
  generalEducation?: string | null;
  qualification?: Person['qualification'];
  theoryLevel?: Person['theoryLevel'];
  itLevel?: string | null;
  languageLevel?: string | null;
  hardshipArea?: boolean;
  notes?: string | null;
}

export const NEW_PERSON: PersonFormValues = {
  gender: 'male',
  ethnicityCode: '01',
  partyMember: false,
  qualification: 'none',
  theoryLevel: 'none',
  hardshipArea: false,
};

export function toFormValues(p: Person): PersonFormValues {
  return {
    unitId: p.unitId,
    familyName: p.familyName,
    middleName: p.middleName,
    givenName: p.givenName,
    birthDate: p.birthDate ? dayjs(p.birthDate) : null,
    gender: p.gender,
    ethnicityCode: p.ethnicityCode,
    religion: p.religion,
    nationalId: p.nationalId,
    phone: p.phone,
    email: p.email,
    partyMember: p.partyMember,
    partyJoinDate: p.partyJoinDate ? dayjs(p.partyJoinDate) : null,
    generalEducation: p.generalEducation,
    // The form edits what was typed in; the highest level follows from it and graduated studies.
    qualification: p.qualificationManual,
    theoryLevel: p.theoryLevelManual,
    itLevel: p.itLevel,
    languageLevel: p.languageLevel,
    hardshipArea: p.hardshipArea,
    notes: p.notes,
  };
}

const blank = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

/** Form values → request body fields (empty text → null, dates → yyyy-mm-dd). */
export function toBody(v: PersonFormValues): Omit<PersonCreate, 'confirmDuplicate'> {
  return {
    unitId: v.unitId!,
    familyName: (v.familyName ?? '').trim(),
    middleName: blank(v.middleName),
    givenName: (v.givenName ?? '').trim(),
    birthDate: toIsoDate(v.birthDate),
    gender: v.gender!,
    ethnicityCode: v.ethnicityCode!,
    religion: blank(v.religion),
    nationalId: blank(v.nationalId),
    phone: blank(v.phone),
    email: blank(v.email),
    partyMember: v.partyMember ?? false,
    partyJoinDate: v.partyMember ? toIsoDate(v.partyJoinDate) : null,
    generalEducation: blank(v.generalEducation),
    qualification: v.qualification ?? 'none',
    theoryLevel: v.theoryLevel ?? 'none',
    itLevel: blank(v.itLevel),
    languageLevel: blank(v.languageLevel),
    hardshipArea: v.hardshipArea ?? false,
    notes: blank(v.notes),
  };
}

/**
 * Only the fields the user changed, with the version read: an update never rewrites what the
 * user did not touch (nor sends back a masked national ID).
 */
export function changedFields(original: Person, v: PersonFormValues): PersonUpdate {
  const before = toBody(toFormValues(original)) as Record<string, unknown>;
  const after = toBody(v) as Record<string, unknown>;
  const patch: Record<string, unknown> = { version: original.version };
  for (const [k, value] of Object.entries(after)) {
    if (k === 'nationalId' && original.nationalIdMasked) continue;
    if (JSON.stringify(value) !== JSON.stringify(before[k])) patch[k] = value;
  }
  return patch as PersonUpdate;
}
