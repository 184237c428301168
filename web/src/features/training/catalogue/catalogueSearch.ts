import { compact, intIn, oneOf, str } from '../search';
import type { ProgrammeSearch } from './api';

export function parseProgrammeSearch(raw: Record<string, unknown>): ProgrammeSearch {
  return compact<ProgrammeSearch>({
    q: str(raw.q),
    kindCode: typeof raw.kindCode === 'string' && /^[a-z0-9_]{1,40}$/.test(raw.kindCode) ? raw.kindCode : undefined,
    active: oneOf(raw.active, ['true', 'false'] as const),
    sort: oneOf(raw.sort, ['name', 'kind'] as const),
    order: oneOf(raw.order, ['asc', 'desc'] as const),
    page: intIn(raw.page, 1, 100_000),
    pageSize: intIn(raw.pageSize, 1, 200),
  });
}
