import type { Ctx } from '../context.ts';
import type { Actor } from '../auth/actor.ts';

/** What the demo load steps share: the services' context, the acting administrator, and ids made so far. */
export interface Loader {
  ctx: Ctx;
  actor: Actor;
  /** Unit code → id. */
  units: Map<string, number>;
  /** Demo person ref → id. */
  people: Map<number, number>;
  /** Running number for the decisions that create and change units. */
  decision: () => string;
}

export function unitId(l: Loader, code: string): number {
  const id = l.units.get(code);
  if (id === undefined) throw new Error(`Dữ liệu mẫu: chưa có đơn vị ${code}`);
  return id;
}
