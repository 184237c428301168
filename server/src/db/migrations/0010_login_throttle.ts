import type { Kysely } from 'kysely';

/**
 * Login throttling kept in the database, so a restart does not forget it and several instances
 * share it. Keys are hashes (of the login and the address), so the table names nobody.
 *
 * `login_failures`: one counter per key (an account from one address, or an address) for a fixed
 * window starting at `first_at`; rows whose window has passed are deleted as failures come in.
 * `login_known`: where an account signed in before (an address, or a device cookie), so that its
 * owner keeps signing in while a stranger's guesses are refused; kept while in use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_last_at').on('login_failures').column('last_at').execute();
  await db.schema
    .createTable('login_known')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_known_last_at').on('login_known').column('last_at').execute();
}
