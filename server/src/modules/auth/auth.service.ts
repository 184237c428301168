import type { Ctx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { DUMMY_HASH, verifyPassword } from '../../auth/password.ts';
import { createSession, deleteSession, loadActor } from '../../auth/session.ts';
import { nowIso } from '../../db/dialect.ts';
import type { Actor } from '../../auth/actor.ts';

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng';

export async function login(ctx: Ctx, input: { login: string; password: string; address: string }) {
  const wait = ctx.throttle.retryAfter(input.login, input.address);
  if (wait > 0) {
    throw new AppError('rate_limited', `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${Math.ceil(wait / 60)} phút.`, {
      retryAfter: wait,
    });
  }
  const user = await reader(ctx)
    .q.selectFrom('users')
    .select(['id', 'login', 'display_name', 'person_id', 'is_superadmin', 'disabled', 'password_hash'])
    .where('login', '=', input.login)
    .executeTakeFirst();
  // Always verify something, so a missing login takes as long as a wrong password.
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, input.password);
  if (!user || !ok || user.disabled) {
    ctx.throttle.fail(input.login, input.address);
    throw new AppError('unauthenticated', WRONG, { field: 'password' });
  }
  ctx.throttle.succeed(input.login);
  return inTransaction(ctx, async (tx) => {
    await tx.q.updateTable('users').set({ last_login_at: nowIso() }).where('id', '=', user.id).execute();
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
