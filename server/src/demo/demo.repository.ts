import type { Tx } from '../context.ts';

/** The two reads the demo loader needs before any service exists to ask. */

/** The demo loads only into a database without any unit. */
export async function hasUnits(tx: Tx): Promise<boolean> {
  return (await tx.q.selectFrom('units').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function userByLogin(tx: Tx, login: string) {
  return tx.q
    .selectFrom('users')
    .select(['id', 'login', 'display_name', 'person_id', 'is_superadmin'])
    .where('login', '=', login)
    .executeTakeFirst();
}

export async function countLogins(tx: Tx, logins: string[]): Promise<number> {
  const rows = await tx.q.selectFrom('users').select('id').where('login', 'in', logins).execute();
  return rows.length;
}
