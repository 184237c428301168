import type { Actor } from '../../../auth/actor.ts';
import { unitInScope } from '../../../auth/policy.ts';
import type { Tx } from '../../../context.ts';
import type { Outcome } from '@canbo/contract';
import { personVisible, type VisiblePersonId } from '../../people/access.ts';
import { unitAt } from '../../moves/unitAt.repository.ts';

export interface RosterPerson {
  id: VisiblePersonId;
  full_name: string;
  sort_key: string;
}

/**
 * The roster's people the actor may record: anyone in the actor's read scope today, or whose unit on
 * the class's first day was (a cadre who has moved on since still counts for the unit of the time,
 * as `enrolmentVisible` shows them there). No "own subtree only" rule: joint classes happen. An id
 * outside both is simply absent.
 */
export function rosterPeople(tx: Tx, actor: Actor, ids: readonly number[], firstDay: string): Promise<RosterPerson[]> {
  if (!ids.length) return Promise.resolve([]);
  return tx.q
    .selectFrom('people as p')
    .where('p.id', 'in', [...ids])
    .where((eb) =>
      eb.or([
        personVisible(eb, actor, 'p'),
        unitInScope(actor, 'person.read', unitAt(eb.ref('p.id'), firstDay, eb.ref('p.unit_id'))),
      ]),
    )
    .select((eb) => [eb.ref('p.id').$castTo<VisiblePersonId>().as('id'), 'p.full_name', 'p.sort_key'])
    .execute();
}

export interface IssuerUnit {
  id: number;
  valid_from: string;
  valid_to: string | null;
}

/**
 * The units that signed the printed certificates, wherever they are: a district's class may carry
 * the province's signature, and the signer may have ended since. Only existence and dates matter.
 */
export function issuerUnits(tx: Tx, ids: readonly number[]): Promise<IssuerUnit[]> {
  if (!ids.length) return Promise.resolve([]);
  return tx.q
    .selectFrom('units')
    .select(['id', 'valid_from', 'valid_to'])
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * Certificates these issuers already hold under any of these numbers (issued or recorded); the
 * caller keeps the (issuer, number) pairs it asked about. Read with the issuers' rows locked.
 */
export function takenNumbers(
  tx: Tx,
  unitIds: readonly number[],
  numbers: readonly string[],
): Promise<{ issuing_unit_id: number; number: string }[]> {
  if (!unitIds.length || !numbers.length) return Promise.resolve([]);
  return tx.q
    .selectFrom('certificates')
    .select(['issuing_unit_id', 'number'])
    .where('issuing_unit_id', 'in', [...unitIds])
    .where('number', 'in', [...numbers])
    .execute();
}

/** The completion rule's verdict for each of the class's enrolments, just computed. */
export function ruleOutcomes(tx: Tx, classId: number): Promise<{ id: number; rule_outcome: Outcome | null }[]> {
  return tx.q.selectFrom('enrolments').select(['id', 'rule_outcome']).where('class_id', '=', classId).execute();
}

/**
 * Where the papers' outcome differs from what the rule makes of the grade and attendance share,
 * the papers win: kept as an override with its reason, which staff may correct later like any other.
 */
export async function overrideOutcomes(tx: Tx, ids: number[], outcome: Outcome, reason: string): Promise<void> {
  if (!ids.length) return;
  await tx.q
    .updateTable('enrolments')
    .set({ outcome_override: outcome, override_reason: reason })
    .where('id', 'in', ids)
    .execute();
}
