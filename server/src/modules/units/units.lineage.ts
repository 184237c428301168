import { sql } from 'kysely';
import type { UnitEventKind, UnitStatus } from '@canbo/contract';
import type { Tx } from '../../context.ts';
import type { VisibleUnitId } from './units.repository.ts';
import { offsetOf } from '../../lib/paging.ts';

// Links only ever point from an ended unit to a later one, so the walk ends; the bound is a guard.
const MAX_DEPTH = 50;

/**
 * Historical units whose records roll up into `unitId` today: every unit linked into it by a merge
 * or split, then every unit linked into those, and so on. A unit reached by several paths is
 * listed once, at its nearest depth.
 */
function lineageRows(unitId: number) {
  return sql`
    with recursive lin(unit_id, via, ev_date, into_id, depth) as (
      select l.from_unit_id, e.kind, e.event_date, l.to_unit_id, 1
        from unit_event_links l join unit_events e on e.id = l.event_id
       where l.to_unit_id = ${unitId}
      union all
      select l.from_unit_id, e.kind, e.event_date, l.to_unit_id, lin.depth + 1
        from lin
        join unit_event_links l on l.to_unit_id = lin.unit_id
        join unit_events e on e.id = l.event_id
       where lin.depth < ${MAX_DEPTH}
    ),
    best as (
      select lin.*, row_number() over (partition by unit_id order by depth, ev_date desc, into_id) as rn
        from lin
       where unit_id <> ${unitId}
    )`;
}

export async function lineage(tx: Tx, unitId: VisibleUnitId, p: { page: number; pageSize: number }) {
  const total = await sql<{ n: number }>`${lineageRows(unitId)} select count(*) as n from best where rn = 1`.execute(
    tx.q,
  );
  const rows = await sql<{
    id: number;
    code: string;
    name: string;
    status: UnitStatus;
    valid_from: string;
    valid_to: string | null;
    via: UnitEventKind;
    ev_date: string;
    into_id: number;
    depth: number;
  }>`${lineageRows(unitId)}
    select u.id, u.code, u.name, u.status, u.valid_from, u.valid_to, b.via, b.ev_date, b.into_id, b.depth
      from best b join units u on u.id = b.unit_id
     where b.rn = 1
     order by b.depth, b.ev_date desc, u.id
     limit ${p.pageSize} offset ${offsetOf(p)}`.execute(tx.q);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    items: rows.rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      status: r.status,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      via: r.via,
      date: r.ev_date,
      intoId: r.into_id,
      depth: Number(r.depth),
    })),
  };
}

/**
 * Distinct people holding a position on `date` anywhere in the unit's subtree as it stood on that
 * date (the dated edges, not today's tree), so a later restructuring does not change the answer.
 */
export async function headcountOn(tx: Tx, unitId: VisibleUnitId, date: string): Promise<number> {
  const result = await sql<{ n: number }>`
    with recursive sub(id) as (
      select u.id from units u
       where u.id = ${unitId} and u.valid_from <= ${date} and (u.valid_to is null or u.valid_to > ${date})
      union
      select h.unit_id
        from sub
        join unit_tree_history h on h.parent_id = sub.id
        join units u on u.id = h.unit_id
       where h.valid_from <= ${date} and (h.valid_to is null or h.valid_to > ${date})
         and u.valid_from <= ${date} and (u.valid_to is null or u.valid_to > ${date})
    )
    select count(distinct p.person_id) as n
      from positions p
     where p.unit_id in (select id from sub)
       and p.start_date <= ${date} and (p.end_date is null or p.end_date >= ${date})`.execute(tx.q);
  return Number(result.rows[0]?.n ?? 0);
}
