import { genders, theoryLevels, titles } from '@canbo/contract';
import type { PeopleFilter } from './api';

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown, min: number, max: number) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: unknown, values: readonly T[]) => (values.includes(v as T) ? (v as T) : undefined);
const bool = (v: unknown) => (v === 'true' || v === true ? 'true' : v === 'false' || v === false ? 'false' : undefined);

/** The list's filters kept in the URL, so a filtered list can be bookmarked and shared; junk is dropped. */
export function parsePeopleSearch(raw: Record<string, unknown>): PeopleFilter {
  const out: PeopleFilter = {
    q: str(raw.q),
    unitId: num(raw.unitId, 1, Number.MAX_SAFE_INTEGER),
    title: oneOf(raw.title, titles),
    gender: oneOf(raw.gender, genders),
    ethnicityCode:
      typeof raw.ethnicityCode === 'string' && /^\d{2}$/.test(raw.ethnicityCode) ? raw.ethnicityCode : undefined,
    minority: bool(raw.minority),
    partyMember: bool(raw.partyMember),
    theoryLevel: oneOf(raw.theoryLevel, theoryLevels),
    ageMin: num(raw.ageMin, 0, 120),
    ageMax: num(raw.ageMax, 0, 120),
    sort: oneOf(raw.sort, ['name', 'birthDate', 'unit', 'updatedAt'] as const),
    order: oneOf(raw.order, ['asc', 'desc'] as const),
    page: num(raw.page, 1, 100_000),
    pageSize: num(raw.pageSize, 1, 200),
  };
  // undefined keys would still show up as "?q=" in some serialisers
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
