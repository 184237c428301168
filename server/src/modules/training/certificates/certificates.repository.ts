import { randomBytes } from 'node:crypto';
import type { EnrolmentStatus, Grade, Organisation, Outcome, UnitKind } from '@canbo/contract';
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import { inScope } from '../../../auth/policy.ts';
import type { Tx } from '../../../context.ts';
import { nullsLast } from '../../../db/dialect.ts';
import { countRows, pageRows } from '../../../db/listing.ts';
import type { CertificateTable } from '../../../db/schema.ts';
import { enrolmentVisible, type VisibleClassId } from '../classes/class.access.ts';
import { effectiveOutcome, SEATED } from '../results/outcomes.ts';
import { unitNameOn } from '../../moves/unitAt.repository.ts';

/**
 * The date the issuer's name and superior are read on: the date printed on the certificate when one
 * was given (recorded as printed, or issued late), else the class's last day (a date column on both
 * engines, where the issue timestamp is text), so a later renaming does not rewrite the certificate.
 */
const namedOn = sql<string>`coalesce(cert.issued_on, c.end_date)`;

/** The unit the issuer stood under on a date (null for a top unit). */
function parentOn(unitId: RawBuilder<unknown>, date: RawBuilder<string>): RawBuilder<number | null> {
  return sql<number | null>`(select h.parent_id from unit_tree_history h where h.unit_id = ${unitId}
    and h.valid_from <= ${date} and (h.valid_to is null or h.valid_to > ${date}) order by h.valid_from desc limit 1)`;
}

// A renamed unit signs with the name it had on the day.
const issuerName = unitNameOn(sql.ref<number>('cert.issuing_unit_id'), namedOn);

function certificates(tx: Tx) {
  return tx.q
    .selectFrom('certificates as cert')
    .innerJoin('enrolments as e', 'e.id', 'cert.enrolment_id')
    .innerJoin('training_classes as c', 'c.id', 'e.class_id')
    .innerJoin('people as p', 'p.id', 'e.person_id');
}

/**
 * The certificates the actor may open (the PDF, with the birth date on it): readers of the organiser
 * unit, the trainee, and editors of the trainee's unit — the one at the time of the class or the one
 * keeping the record today (a cadre who moved takes the certificate along). Viewers of the trainee's
 * unit see the certificate in lists, not the document.
 */
function openable(tx: Tx, actor: Actor) {
  return certificates(tx).where((eb) => {
    const units = [
      inScope(eb, actor, 'training.read', 'c.organiser_unit_id'),
      inScope(eb, actor, 'person.write', 'e.unit_id'),
      inScope(eb, actor, 'person.write', 'p.unit_id'),
    ];
    return eb.or(actor.personId === null ? units : [...units, eb('e.person_id', '=', actor.personId)]);
  });
}

export interface CertificateRow {
  id: number;
  enrolment_id: number;
  class_id: number;
  organiser_unit_id: number;
  person_name: string;
  number: string;
  issuing_unit_id: number;
  issuing_unit_name: string;
  issued_at: string;
  issued_on: string | null;
  seq: number | null;
  revoked_at: string | null;
  revoke_reason: string | null;
  verify_code: string;
  version: number;
}

/** Certificate rows: of those the actor may open, or (without an actor) of every certificate. */
function certificateRows(tx: Tx, actor?: Actor) {
  return (actor ? openable(tx, actor) : certificates(tx)).select([
    'cert.id',
    'cert.enrolment_id',
    'e.class_id',
    'c.organiser_unit_id',
    'p.full_name as person_name',
    'cert.number',
    'cert.issuing_unit_id',
    issuerName.as('issuing_unit_name'),
    'cert.issued_at',
    'cert.issued_on',
    'cert.seq',
    'cert.revoked_at',
    'cert.revoke_reason',
    'cert.verify_code',
    'cert.version',
  ]);
}

export interface CertificateFilter {
  classId: VisibleClassId;
  status?: 'valid' | 'revoked';
}

/** A class's certificates of the trainees the actor sees, as its enrolment list shows them. */
function listed(tx: Tx, actor: Actor, f: CertificateFilter) {
  let query = certificateRows(tx)
    .where('e.class_id', '=', f.classId)
    .where((eb) => enrolmentVisible(eb, actor, 'e', 'c'));
  if (f.status === 'valid') query = query.where('cert.revoked_at', 'is', null);
  if (f.status === 'revoked') query = query.where('cert.revoked_at', 'is not', null);
  return query;
}

/**
 * Number order: by year, the unit's running numbers in order, then the certificates recorded as
 * printed (no running number) in the order they were recorded — the same on both engines.
 */
const NUMBER_ORDER: RawBuilder<unknown>[] = [sql`cert.year`, nullsLast('cert.seq'), sql`cert.seq`, sql`cert.id`];

/** Total orders ending in the id, the same on both engines. */
const SORT_KEYS = {
  number: NUMBER_ORDER,
  person: [sql`e.sort_key`, sql`cert.id`],
} satisfies Record<string, RawBuilder<unknown>[]>;

export function findCertificatesPage(
  tx: Tx,
  actor: Actor,
  f: CertificateFilter,
  sort: keyof typeof SORT_KEYS,
  order: 'asc' | 'desc',
  page: { limit: number; offset: number },
): Promise<CertificateRow[]> {
  return pageRows(listed(tx, actor, f), SORT_KEYS[sort], order, page);
}

export function countCertificates(tx: Tx, actor: Actor, f: CertificateFilter): Promise<number> {
  return countRows(listed(tx, actor, f));
}

/** One certificate the actor may open, or undefined (404). */
export function findVisibleCertificate(tx: Tx, actor: Actor, id: number): Promise<CertificateRow | undefined> {
  return certificateRows(tx, actor).where('cert.id', '=', id).executeTakeFirst();
}

/** Certificates this transaction has just written, in number order. */
export function certificatesByIds(tx: Tx, ids: number[]): Promise<CertificateRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return NUMBER_ORDER.reduce((q, key) => q.orderBy(key), certificateRows(tx).where('cert.id', 'in', ids)).execute();
}

// --- issuing -----------------------------------------------------------------------------------

export interface Candidate {
  id: number;
  class_id: number;
  status: EnrolmentStatus;
  person_name: string;
  outcome: Outcome | null;
  certificate_id: number | null;
}

function candidates(tx: Tx) {
  return tx.q
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .leftJoin('certificates as cert', 'cert.enrolment_id', 'e.id')
    .select([
      'e.id',
      'e.class_id',
      'e.status',
      'p.full_name as person_name',
      effectiveOutcome().as('outcome'),
      'cert.id as certificate_id',
    ])
    .orderBy('e.sort_key')
    .orderBy('e.id');
}

/** The listed enrolments wherever they are, in name order; the service tells which do not fit. */
export function listedCandidates(tx: Tx, ids: number[]): Promise<Candidate[]> {
  if (!ids.length) return Promise.resolve([]);
  return candidates(tx).where('e.id', 'in', ids).execute();
}

/** Seated trainees of the class who completed it and hold no certificate yet, in name order. */
export function pendingCandidates(tx: Tx, classId: VisibleClassId): Promise<Candidate[]> {
  return candidates(tx)
    .where('e.class_id', '=', classId)
    .where('e.status', 'in', [...SEATED])
    .where(effectiveOutcome(), '=', 'completed')
    .where('cert.id', 'is', null)
    .execute();
}

/**
 * The next free number of an issuing unit in a year. Only meaningful with the unit's row locked
 * (lockUnits) for the rest of the transaction: the lock is what keeps two issuers from both
 * reading the same maximum.
 */
export async function nextSeq(tx: Tx, unitId: number, year: number): Promise<number> {
  const row = await tx.q
    .selectFrom('certificates')
    .select(sql<number | null>`max(seq)`.as('m'))
    .where('issuing_unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
}

export type NewCertificate = Omit<CertificateTable, 'id' | 'version' | 'created_at' | 'updated_at'>;

/**
 * A certificate to insert: numbered (`seq`) or as printed (`seq` null, its own number and date). Its
 * verification code is 144 random bits: the code in the QR is the only key to the public page, so
 * it cannot be guessed.
 */
export function newCertificate(c: {
  enrolmentId: number;
  unitId: number;
  year: number;
  seq: number | null;
  number: string;
  issuedOn: string | null;
  issuedBy: number | null;
  now: string;
}): NewCertificate {
  return {
    enrolment_id: c.enrolmentId,
    issuing_unit_id: c.unitId,
    year: c.year,
    seq: c.seq,
    number: c.number,
    verify_code: randomBytes(18).toString('base64url'),
    issued_at: c.now,
    issued_on: c.issuedOn,
    issued_by: c.issuedBy,
    revoked_at: null,
    revoke_reason: null,
    revoked_by: null,
  };
}

/** Inserted in batches: each row binds 13 values, and PostgreSQL takes at most 65,535 per statement. */
export async function insertCertificates(tx: Tx, rows: NewCertificate[], now: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await tx.q
      .insertInto('certificates')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, created_at: now, updated_at: now })))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export async function unitCode(tx: Tx, unitId: number): Promise<string> {
  const row = await tx.q.selectFrom('units').select('code').where('id', '=', unitId).executeTakeFirstOrThrow();
  return row.code;
}

// --- documents ---------------------------------------------------------------------------------

export interface DocumentRow {
  id: number;
  number: string;
  verify_code: string;
  issued_at: string;
  issued_on: string | null;
  revoked_at: string | null;
  person_name: string;
  birth_date: string | null;
  unit_name: string;
  grade: Grade | null;
  class_name: string;
  start_date: string;
  end_date: string;
  issuer_name: string;
  issuer_place: string | null;
  issuer_kind: UnitKind;
  issuer_organisation: Organisation;
  superior_name: string | null;
}

function documentRows(tx: Tx, actor: Actor) {
  const superior = parentOn(sql.ref('cert.issuing_unit_id'), namedOn);
  return openable(tx, actor)
    .innerJoin('units as iu', 'iu.id', 'cert.issuing_unit_id')
    .select([
      'cert.id',
      'cert.number',
      'cert.verify_code',
      'cert.issued_at',
      'cert.issued_on',
      'cert.revoked_at',
      'p.full_name as person_name',
      'p.birth_date',
      'e.unit_name',
      'e.grade',
      'c.name as class_name',
      'c.start_date',
      'c.end_date',
      issuerName.as('issuer_name'),
      'iu.place as issuer_place',
      'iu.kind as issuer_kind',
      'iu.organisation as issuer_organisation',
      sql<string | null>`case when ${superior} is null then null else ${unitNameOn(superior, namedOn)} end`.as(
        'superior_name',
      ),
    ]);
}

export function documentRow(tx: Tx, actor: Actor, id: number): Promise<DocumentRow | undefined> {
  return documentRows(tx, actor).where('cert.id', '=', id).executeTakeFirst();
}

/** A class's valid certificates the actor may open, in number order. */
export function classDocumentRows(tx: Tx, actor: Actor, classId: VisibleClassId): Promise<DocumentRow[]> {
  const query = documentRows(tx, actor).where('e.class_id', '=', classId).where('cert.revoked_at', 'is', null);
  return NUMBER_ORDER.reduce((q, key) => q.orderBy(key), query).execute();
}

// --- public verification -----------------------------------------------------------------------

export interface PublicRow {
  number: string;
  issued_at: string;
  issued_on: string | null;
  person_name: string;
  class_name: string;
  start_date: string;
  end_date: string;
  issuer_name: string;
  grade: Grade | null;
  revoked_at: string | null;
}

/** Exactly what the public page shows, by the code printed in the QR; nothing else is read. */
export function findByVerifyCode(tx: Tx, code: string): Promise<PublicRow | undefined> {
  return certificates(tx)
    .where('cert.verify_code', '=', code)
    .select([
      'cert.number',
      'cert.issued_at',
      'cert.issued_on',
      'p.full_name as person_name',
      'c.name as class_name',
      'c.start_date',
      'c.end_date',
      issuerName.as('issuer_name'),
      'e.grade',
      'cert.revoked_at',
    ])
    .executeTakeFirst();
}
