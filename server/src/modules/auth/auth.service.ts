import type { Ctx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { messages } from '../../i18n/messages.ts';
import { DUMMY_HASH, verifyPassword } from '../../auth/password.ts';
import { createSession, deleteSession, loadActor, purgeExpiredSessions } from '../../auth/session.ts';
import { findLoginAccount, markLoggedIn } from './auth.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { loginWait, recordFailure, recordSuccess, type LoginAttempt } from '../../auth/throttle.ts';

/**
 * Checks a login and opens a session. Throttled per account and address (auth/throttle.ts): a
 * refused attempt is a 429 with the seconds to wait, before any password is checked.
 */
export async function login(ctx: Ctx, input: LoginAttempt & { password: string }) {
  const wait = await loginWait(reader(ctx), input);
  if (wait > 0) {
    throw new AppError('rate_limited', messages.loginThrottled(wait), { retryAfter: wait });
  }
  const user = await findLoginAccount(reader(ctx), input.login);
  // Always verify something, so a missing login takes as long as a wrong password.
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, input.password);
  if (!user || !ok || user.disabled) {
    await inTransaction(ctx, (tx) => recordFailure(tx, input));
    throw new AppError('unauthenticated', messages.wrongLogin, { field: 'password' });
  }
  return inTransaction(ctx, async (tx) => {
    const device = await recordSuccess(tx, input);
    await markLoggedIn(tx, user.id);
    // Expired sessions are refused anyway; a login is a cheap moment to clear them out.
    await purgeExpiredSessions(tx);
    const session = await createSession(tx, user.id, ctx.config.sessionHours);
    const actor = await loadActor(tx, user);
    return { ...session, actor, device };
  });
}

export async function logout(ctx: Ctx, token: string | undefined): Promise<void> {
  if (token) await inTransaction(ctx, (tx) => deleteSession(tx, token));
}

export function meOf(actor: Actor, csrfToken: string) {
  return {
    id: actor.userId,
    login: actor.login,
    displayName: actor.displayName,
    personId: actor.personId,
    isSuperadmin: actor.isSuperadmin,
    grants: actor.grants,
    csrfToken,
  };
}
