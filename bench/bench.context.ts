import type { Kysely } from 'kysely';
import type { Actor } from '../server/src/auth/actor.ts';
import { loadConfig } from '../server/src/config.ts';
import type { Ctx } from '../server/src/context.ts';
import { HeavyPool } from '../server/src/workers/pool.ts';
import { createDb } from '../server/src/db/index.ts';
import type { Database } from '../server/src/db/schema.ts';

/** The services' context on a bench database, as the server builds it (default configuration). */
export function benchContext(url: string): Ctx {
  return {
    db: createDb(url),
    config: { ...loadConfig({}), databaseUrl: url, webDist: null },
    heavy: new HeavyPool(loadConfig({}).heavy),
  };
}

export async function unitByCode(q: Kysely<Database>, code: string): Promise<{ id: number; name: string }> {
  const u = await q.selectFrom('units').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
  if (!u) throw new Error(`Không có đơn vị ${code}: CSDL có được tạo bằng bench/generate.ts?`);
  return u;
}

/** A viewer of the unit: what its staff read, in its subtree. */
export function viewerOn(unit: { id: number; name: string }): Actor {
  return {
    userId: 0,
    login: 'bench',
    displayName: 'Benchmark',
    personId: null,
    isSuperadmin: false,
    grants: [{ id: 0, unitId: unit.id, unitName: unit.name, role: 'viewer' }],
  };
}
