import { fieldLabels } from '@canbo/contract';

/**
 * English for the field names of `fieldLabels` (contract), which holds the Vietnamese: the server's
 * validation messages and the screens then call a field by the same word. i18n.test.ts checks that
 * both lists name the same fields.
 */
export const fieldLabelsEn: Record<string, string> = {
  code: 'Unit code',
  name: 'Name',
  shortName: 'Short name',
  kind: 'Unit kind',
  organisation: 'Organisation',
  parentId: 'Parent unit',
  place: 'Place',
  date: 'Date',
  decision: 'Decision number',
  note: 'Note',
  sourceIds: 'Merged units',
  targetId: 'Receiving unit',
  into: 'Units after split',
  newUnit: 'New unit',
  children: 'Child units',
  interim: 'Interim',
  within: 'Within unit',
  includeEnded: 'Including dissolved units',
  version: 'Version',
  unitId: 'Unit',
  familyName: 'Family name',
  middleName: 'Middle name',
  givenName: 'Given name',
  birthDate: 'Date of birth',
  gender: 'Gender',
  ethnicityCode: 'Ethnicity',
  religion: 'Religion',
  nationalId: 'National ID',
  phone: 'Phone',
  email: 'Email',
  partyMember: 'Party member',
  partyJoinDate: 'Party join date',
  generalEducation: 'General education',
  qualification: 'Qualification',
  theoryLevel: 'Political theory',
  itLevel: 'IT level',
  languageLevel: 'Foreign language',
  hardshipArea: 'Hardship area',
  notes: 'Notes',
  confirmDuplicate: 'Confirm duplicate record',
  personId: 'Cadre',
  title: 'Title',
  employment: 'Employment',
  method: 'Method',
  term: 'Term',
  startDate: 'Start date',
  endDate: 'End date',
  login: 'Username',
  password: 'Password',
  displayName: 'Display name',
  role: 'Role',
  grants: 'Grants',
  grantId: 'Grant',
  disabled: 'Account locked',
  entity: 'Record type',
  entityId: 'Record id',
  sort: 'Sort by',
  order: 'Order',
  page: 'Page',
  pageSize: 'Rows per page',
  q: 'Search text',
  asOf: 'As of',
  ageMin: 'Age from',
  ageMax: 'Age to',
};

/**
 * The words for some fields in both languages, so a feature's screens and the server's messages
 * name a field alike: a list of field names, or the feature's keys mapped to field names
 * (`{ person: 'personId' }`).
 */
export function fieldWords<K extends string>(
  names: readonly K[] | Record<K, string>,
): { vi: Record<K, string>; en: Record<K, string> } {
  const pairs: [string, string][] = Array.isArray(names)
    ? names.map((n: K) => [n, n])
    : Object.entries<string>(names as Record<K, string>);
  const pick = (labels: Record<string, string>) =>
    Object.fromEntries(pairs.map(([key, field]) => [key, labels[field] ?? field])) as Record<K, string>;
  return { vi: pick(fieldLabels), en: pick(fieldLabelsEn) };
}
