import { normalisePhone, type Person, type Title } from '@canbo/contract';
import type { PersonRow } from './people.repository.ts';

/** The API's view of a person for this actor (the row holds the national ID as they may see it). */
export function toPerson(r: PersonRow, currentTitles: { title: Title; unitName: string }[]): Person {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    familyName: r.family_name,
    middleName: r.middle_name,
    givenName: r.given_name,
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender,
    ethnicityCode: r.ethnicity_code,
    ethnicityName: r.ethnicity_name,
    religion: r.religion,
    nationalId: r.national_id,
    nationalIdMasked: r.national_id !== null && r.id_visible !== 1,
    // rows saved before numbers were normalised keep the user's spaces: read as one number (no migration)
    phone: r.phone === null ? null : (normalisePhone(r.phone) ?? r.phone),
    email: r.email,
    partyMember: r.party_member === 1,
    partyJoinDate: r.party_join_date,
    generalEducation: r.general_education,
    qualification: r.qualification,
    theoryLevel: r.theory_level,
    qualificationManual: r.qualification_manual,
    theoryLevelManual: r.theory_level_manual,
    itLevel: r.it_level,
    languageLevel: r.language_level,
    hardshipArea: r.hardship_area === 1,
    notes: r.notes,
    currentTitles,
    version: r.version,
    updatedAt: r.updated_at,
    canEdit: r.can_edit === 1,
  };
}

/**
 * What the audit log keeps of a person: the record's fields as the API names them, the national ID
 * always masked (the log is read more widely than the record), nothing that depends on the reader.
 */
export function auditView(r: PersonRow) {
  const {
    nationalIdMasked: _m,
    currentTitles: _t,
    canEdit: _c,
    version: _v,
    updatedAt: _u,
    ...fields
  } = toPerson(r, []);
  return { ...fields, nationalId: r.national_id_masked };
}
