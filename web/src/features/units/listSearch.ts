import { organisations, unitKinds, unitStatuses } from '@canbo/contract';
import type { Organisation, UnitKind, UnitStatus } from '@canbo/contract';

/** The list page's state lives in the address, so a filtered list can be bookmarked and shared. */
export interface UnitsSearch {
  q?: string;
  within?: number;
  kind?: UnitKind;
  organisation?: Organisation;
  status?: UnitStatus;
  sort?: 'name' | 'code' | 'validFrom';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  view?: 'table' | 'tree';
  asOf?: string;
  ended?: boolean;
}

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const positive = (v: unknown): number | undefined => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function parseUnitsSearch(s: Record<string, unknown>): UnitsSearch {
  const pageSize = positive(s.pageSize);
  return {
    q: typeof s.q === 'string' && s.q.trim() ? s.q : undefined,
    within: positive(s.within),
    kind: oneOf(unitKinds, s.kind),
    organisation: oneOf(organisations, s.organisation),
    status: oneOf(unitStatuses, s.status),
    sort: oneOf(['name', 'code', 'validFrom'] as const, s.sort),
    order: oneOf(['asc', 'desc'] as const, s.order),
    page: positive(s.page),
    pageSize: pageSize && pageSize <= 200 ? pageSize : undefined,
    view: oneOf(['table', 'tree'] as const, s.view),
    asOf: typeof s.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.asOf) ? s.asOf : undefined,
    ended: s.ended === true || s.ended === 'true' ? true : undefined,
  };
}
