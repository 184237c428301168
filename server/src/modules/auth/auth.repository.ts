import type { Tx } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';

/** The account behind a login, with what the password check and the actor need. */
export function findLoginAccount(tx: Tx, login: string) {
  return tx.q
    .selectFrom('users')
    .select(['id', 'login', 'display_name', 'person_id', 'is_superadmin', 'disabled', 'password_hash'])
    .where('login', '=', login)
    .executeTakeFirst();
}

export async function markLoggedIn(tx: Tx, userId: number): Promise<void> {
  await tx.q.updateTable('users').set({ last_login_at: nowIso() }).where('id', '=', userId).execute();
}
