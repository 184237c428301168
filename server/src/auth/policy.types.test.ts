import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/schema.ts';
import { classVisible, enrolmentVisible, type VisibleClassId } from '../modules/training/classes/class.access.ts';
import { listSessions } from '../modules/training/classes/sessions.repository.ts';
import { personVisible } from '../modules/people/access.ts';
import type { Actor } from './actor.ts';
import { inScope } from './policy.ts';

/**
 * Scoping is typed: the `@ts-expect-error` lines below are what `npm run typecheck` refuses to
 * compile (a misspelt column, a table the query does not read, a gate on a query without the table
 * it names, a child read given a plain number). Were any of them to compile, the directive itself
 * would be the error. At run time the queries only compile to SQL; nothing is executed.
 */
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const viewer: Actor = {
  userId: 1,
  login: 'v',
  displayName: 'v',
  personId: null,
  isSuperadmin: false,
  grants: [{ id: 1, unitId: 7, unitName: '', role: 'viewer' }],
};

describe('typed scope predicates', () => {
  it('put the checked column into the subtree condition', () => {
    const q = db
      .selectFrom('people as p')
      .select('p.id')
      .where((eb) => inScope(eb, viewer, 'person.read', 'p.unit_id'))
      .compile();
    expect(q.sql).toBe(
      'select "p"."id" from "people" as "p" where "p"."unit_id" in (select descendant_id from unit_closure where ancestor_id in (?))',
    );
    expect(q.parameters).toEqual([7]);
  });

  it('refuse, at compile time, a column the query does not have', () => {
    const people = db.selectFrom('people as p').select('p.id');
    // @ts-expect-error a misspelt column
    people.where((eb) => inScope(eb, viewer, 'person.read', 'p.unit_idd'));
    // @ts-expect-error a table the query does not read
    people.where((eb) => inScope(eb, viewer, 'person.read', 'pos.unit_id'));
    // @ts-expect-error the table's name where the query gave it an alias
    people.where((eb) => inScope(eb, viewer, 'person.read', 'people.unit_id'));
    // @ts-expect-error a gate naming an alias the query does not have
    people.where((eb) => personVisible(eb, viewer, 'x'));
    // @ts-expect-error a gate given an alias of another table
    db.selectFrom('units as p').where((eb) => personVisible(eb, viewer, 'p'));
    const enrolments = db.selectFrom('enrolments as e').select('e.id');
    // @ts-expect-error the class gate on a query without a class
    enrolments.where((eb) => classVisible(eb, viewer, 'c'));
    const withClass = enrolments.innerJoin('training_classes as c', 'c.id', 'e.class_id');
    // @ts-expect-error the enrolment gate with the aliases swapped
    withClass.where((eb) => enrolmentVisible(eb, viewer, 'c', 'e'));
    expect(withClass.where((eb) => enrolmentVisible(eb, viewer, 'e', 'c')).compile().sql).toContain(
      '"e"."unit_id" in (select descendant_id from unit_closure',
    );
  });

  it("refuse, at compile time, a class's child read given an id that did not pass the gate", () => {
    const read = (id: number, gated: VisibleClassId) => {
      // @ts-expect-error a plain number is not a visible class id
      void listSessions({ q: db, engine: 'sqlite' }, id);
      return () => listSessions({ q: db, engine: 'sqlite' }, gated);
    };
    expect(typeof read).toBe('function');
  });
});
