import { normalisePhone, type Person, type Title } from '@canbo/contract';
import type { PersonRow } from './people.repository.ts';

/**
 * A person's fields as the API names them, with the national ID given: what the record view and the
 * audit view share, in the record view's order. One literal, built once: the audit rows of an import
 * (100,000 of them) are made from it, and each copy or rest-spread of it was garbage the write had to
 * collect.
 */
function personFields(r: PersonRow, nationalId: string | null) {
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
    nationalId,
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
  };
}

/** The API's view of a person for this actor (the row holds the national ID as they may see it). */
export function toPerson(r: PersonRow, currentTitles: { title: Title; unitName: string }[]): Person {
  return Object.assign(personFields(r, r.national_id), {
    nationalIdMasked: r.national_id !== null && r.id_visible !== 1,
    currentTitles,
    version: r.version,
    updatedAt: r.updated_at,
    canEdit: r.can_edit === 1,
  });
}

/**
 * What the audit log keeps of a person: the record's fields as the API names them, the national ID
 * always masked (the log is read more widely than the record), nothing that depends on the reader.
 */
export function auditView(r: PersonRow) {
  return personFields(r, r.national_id_masked);
}
