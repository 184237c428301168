import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../context.ts';
import type { Actor } from './actor.ts';
import { nowIso } from '../db/dialect.ts';

export const SESSION_COOKIE = 'canbo_session';

/** Only the hash of a session token is stored: a leaked database does not hand out sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(tx: Tx, userId: number, hours: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await tx.q
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + hours * 3600_000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

export async function deleteSession(tx: Tx, token: string): Promise<void> {
  await tx.q.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  /** ISO timestamp: the session is refused from then on. */
  expiresAt: string;
}

/** The actor behind a session cookie, or null when the token is unknown, expired, or the user disabled. */
export async function resolveSession(tx: Tx, token: string): Promise<ResolvedSession | null> {
  const row = await tx.q
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      'u.id',
      'u.login',
      'u.display_name',
      'u.person_id',
      'u.is_superadmin',
      'u.disabled',
      's.csrf_token',
      's.expires_at',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at <= nowIso()) return null;
  return { actor: await loadActor(tx, row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export async function loadActor(
  tx: Tx,
  user: { id: number; login: string; display_name: string; person_id: number | null; is_superadmin: number },
): Promise<Actor> {
  const grants = await tx.q
    .selectFrom('grants as g')
    .innerJoin('units as un', 'un.id', 'g.unit_id')
    .select(['g.id', 'g.unit_id', 'g.role', 'un.name'])
    .where('g.user_id', '=', user.id)
    .orderBy('g.id')
    .execute();
  return {
    userId: user.id,
    login: user.login,
    displayName: user.display_name,
    personId: user.person_id,
    isSuperadmin: user.is_superadmin === 1,
    grants: grants.map((g) => ({ id: g.id, unitId: g.unit_id, unitName: g.name, role: g.role })),
  };
}

export async function purgeExpiredSessions(tx: Tx): Promise<void> {
  await tx.q.deleteFrom('sessions').where('expires_at', '<=', nowIso()).execute();
}
