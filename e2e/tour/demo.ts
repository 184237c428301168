import type { APIRequestContext } from 'playwright-core';
import type { Certificate, ClassSession, Me, Page as Paged, TrainingClass } from '@canbo/contract';

// Real ids from the demo organisation for the tour's detail pages, read through the API as each user:
// a page is visited at a record its user can see. Where a user can see none (a cadre's own account has
// no units, schemes or classes to manage), the administrator's record is visited instead: the page must
// then say, cleanly, that this user has no access.

export interface DemoIds {
  unit: number;
  person: number;
  user: number;
  study: number;
  scheme: number;
  target: number;
  /** A class with its trainees on a roster (the 2025 class: attendance, results, certificates). */
  rosterClass: number;
  /** A class recorded by its headcount only. */
  headcountClass: number;
  reports: string[];
  certificate: string;
  revokedCertificate: string;
  /** A session QR's token of a class not yet held: a check-in with it is refused. */
  checkinToken: string;
  /**
   * The records this user cannot see, borrowed from the administrator: the server refuses them (404,
   * never a hint that they exist) and the page must say so cleanly.
   */
  borrowed: readonly Borrowable[];
  /**
   * The units this user reads, as the roots of their tree (a user reads each root's whole subtree):
   * users with the same roots see the same read-only pages. Undefined: no units (a cadre's account).
   */
  reads?: string;
}

/** The ids a user may have none of their own. */
export type Borrowable = 'unit' | 'person' | 'study' | 'scheme' | 'rosterClass' | 'headcountClass';

/** GET an API path as the context's user; undefined when refused. */
async function read<T>(api: APIRequestContext, path: string): Promise<T | undefined> {
  const res = await api.get(`/api/v1${path}`);
  return res.ok() ? ((await res.json()) as T) : undefined;
}

async function must<T>(api: APIRequestContext, path: string): Promise<T> {
  const value = await read<T>(api, path);
  if (value === undefined) throw new Error(`tour: the demo answers nothing at ${path}`);
  return value;
}

const firstId = async (api: APIRequestContext, path: string) =>
  (await read<Paged<{ id: number }>>(api, path))?.items[0]?.id;

/** The administrator's ids: every page has a record to show. */
export async function adminIds(api: APIRequestContext): Promise<DemoIds> {
  const classes = (await must<Paged<TrainingClass>>(api, '/training/classes?pageSize=200')).items;
  const roster = rosterClass(classes);
  const headcount = classes.find((c) => c.headcount !== null);
  const upcoming = classes.find((c) => c.headcount === null && (c.status === 'open' || c.status === 'planned'));
  if (!roster || !headcount || !upcoming) throw new Error('tour: the demo has no roster, headcount or upcoming class');

  const certificates: Certificate[] = [];
  for (const c of classes.filter((k) => k.headcount === null)) {
    certificates.push(
      ...(await must<Paged<Certificate>>(api, `/training/classes/${c.id}/certificates?pageSize=200`)).items,
    );
  }
  const valid = certificates.find((c) => c.status === 'valid');
  const revoked = certificates.find((c) => c.status === 'revoked');
  const sessions = (await must<{ items: ClassSession[] }>(api, `/training/classes/${upcoming.id}/sessions`)).items;
  const qr = await must<{ token: string }>(api, `/training/sessions/${sessions[0]!.id}/qr`);
  const users = (await must<Paged<{ id: number; isSuperadmin: boolean }>>(api, '/users')).items;
  const schemeId = await firstId(api, '/schemes?pageSize=1');
  const scheme = await must<{ targets: { id: number }[] }>(api, `/schemes/${schemeId}`);
  const reports = (await must<{ items: { name: string }[] }>(api, '/reports')).items.map((r) => r.name);
  if (!valid || !revoked) throw new Error('tour: the demo has no valid and revoked certificate');

  return {
    unit: roster.organiserUnitId,
    person: (await firstId(api, '/people?pageSize=1'))!,
    user: users.find((u) => !u.isSuperadmin)!.id,
    study: (await firstId(api, '/studies?pageSize=1'))!,
    scheme: schemeId!,
    target: scheme.targets[0]!.id,
    rosterClass: roster.id,
    headcountClass: headcount.id,
    reports,
    certificate: valid.verifyCode,
    revokedCertificate: revoked.verifyCode,
    checkinToken: qr.token,
    borrowed: [],
    reads: await readScope(api),
  };
}

/**
 * The most recent class held with a roster (the list is newest first); for a unit that was never in
 * one, the class it nominates into.
 */
function rosterClass(classes: TrainingClass[]): TrainingClass | undefined {
  const rostered = classes.filter((c) => c.headcount === null);
  return rostered.find((c) => c.status === 'completed') ?? rostered[0];
}

/** A user's ids: what this user's own lists show first, the administrator's where they show nothing. */
export async function idsFor(api: APIRequestContext, admin: DemoIds): Promise<DemoIds> {
  const me = await must<Me>(api, '/auth/me');
  const classes = (await read<Paged<TrainingClass>>(api, '/training/classes?pageSize=200'))?.items ?? [];
  const scheme = await firstId(api, '/schemes?pageSize=1');
  const targets = scheme ? (await read<{ targets: { id: number }[] }>(api, `/schemes/${scheme}`))?.targets : undefined;
  const own: Record<Borrowable, number | undefined> = {
    unit: me.grants[0]?.unitId ?? (me.isSuperadmin ? admin.unit : await firstId(api, '/units?pageSize=1')),
    person: await firstId(api, '/people?pageSize=1'),
    study: await firstId(api, '/studies?pageSize=1'),
    scheme: targets?.[0] ? scheme : undefined,
    rosterClass: rosterClass(classes)?.id,
    headcountClass: classes.find((c) => c.headcount !== null)?.id,
  };
  const ids: DemoIds = { ...admin, borrowed: [] };
  const borrowed: Borrowable[] = [];
  for (const key of Object.keys(own) as Borrowable[]) {
    const id = own[key];
    if (id === undefined) borrowed.push(key);
    else ids[key] = id;
  }
  return {
    ...ids,
    ...(own.scheme !== undefined ? { target: targets![0]!.id } : {}),
    borrowed,
    reads: await readScope(api),
  };
}

async function readScope(api: APIRequestContext): Promise<string | undefined> {
  const roots = await read<Paged<{ id: number }>>(api, '/units/tree');
  return roots?.items.length ? roots.items.map((u) => u.id).join(',') : undefined;
}

/** The training kinds' codes (title, union_work, …): catalogue codes, shown by their names only. */
export async function kindCodes(api: APIRequestContext): Promise<string[]> {
  return (await must<{ items: { code: string }[] }>(api, '/training/kinds')).items.map((k) => k.code);
}
