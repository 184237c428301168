import type { Ctx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { DUMMY_HASH, verifyPassword } from '../../auth/password.ts';
import { createSession, deleteSession, loadActor, purgeExpiredSessions } from '../../auth/session.ts';
import { findLoginAccount, markLoggedIn } from './auth.repository.ts';
import type { Actor } from '../../auth/actor.ts';

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng';

export async function login(ctx: Ctx, input: { login: string; password: string; address: string }) {
  const wait = ctx.throttle.retryAfter(input.login, input.address);
  if (wait > 0) {
    throw new AppError('rate_limited', `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${Math.ceil(wait / 60)} phút.`, {
      retryAfter: wait,
    });
  }
  const user = await findLoginAccount(reader(ctx), input.login);
  // Always verify something, so a missing login takes as long as a wrong password.
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, input.password);
  if (!user || !ok || user.disabled) {
    ctx.throttle.fail(input.login, input.address);
    throw new AppError('unauthenticated', WRONG, { field: 'password' });
  }
  ctx.throttle.succeed(input.login);
  return inTransaction(ctx, async (tx) => {
    await markLoggedIn(tx, user.id);
    // Expired sessions are refused anyway; a login is a cheap moment to clear them out.
    await purgeExpiredSessions(tx);
    const session = await createSession(tx, user.id, ctx.config.sessionHours);
    const actor = await loadActor(tx, user);
    return { ...session, actor };
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
