/**
 * Frozen: the engine names and identity column type as the migrations were written with them. A
 * migration that has run on someone's database must keep producing the same schema, so it never
 * reads live code that may change; fix a past schema with a new migration, never by editing this.
 */

export type Engine = 'sqlite' | 'postgres';

/** Column type used for identity keys. */
export function idType(engine: Engine) {
  return engine === 'postgres' ? ('serial' as const) : ('integer' as const);
}
