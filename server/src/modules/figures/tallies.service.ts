import { inTransaction, type Ctx } from '../../context.ts';
import { rebuildIfMarked, rebuildTallies } from './tallies.repository.ts';

/**
 * The training tallies' whole rebuilds, in one transaction each: `canbo serve` start and a test
 * app rebuild when everything is marked (the migration, a restore, a load too large to follow);
 * `canbo tallies rebuild` always (the bench, after loading its data set).
 */
export function prepareTallies(ctx: Ctx, log?: (line: string) => void): Promise<boolean> {
  return inTransaction(ctx, (tx) => rebuildIfMarked(tx, log));
}

export function rebuildAllTallies(ctx: Ctx, log?: (line: string) => void): Promise<void> {
  return inTransaction(ctx, (tx) => rebuildTallies(tx, log));
}
