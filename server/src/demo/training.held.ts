import type { AttendanceMark, Certificate, ClassAction, Enrolment } from '@canbo/contract';
import { saveAttendance } from '../modules/training/attendance/attendance.service.ts';
import { issueCertificates } from '../modules/training/certificates/certificates.service.ts';
import { getClass } from '../modules/training/classes/class.service.ts';
import { transitionClass } from '../modules/training/classes/class.transitions.ts';
import { listClassSessions } from '../modules/training/classes/sessions.service.ts';
import { confirmTrainees, listEnrolments } from '../modules/training/enrolments/enrolments.service.ts';
import { saveResults } from '../modules/training/results/results.service.ts';
import type { Loader } from './loader.ts';
import type { Random } from './random.ts';

/**
 * A class that took place: the organiser summons everyone nominated, opens the course, keeps the
 * sign-in sheets, marks the end-of-course papers, closes the course and certifies who completed it.
 * Marks and scores come from the class's own seeded generator, so every load gives the same class.
 */

export interface Cohort {
  /**
   * Share of trainees who fall short: two sessions missed, or a paper below 5 — the class's
   * completion rule leaves them without a certificate. The others miss a session at most.
   */
  shortfall: number;
}

/** Steps of the workflow, each on the class's current version. */
export async function step(l: Loader, classId: number, actions: ClassAction[]): Promise<void> {
  for (const action of actions) {
    const current = await getClass(l.ctx, l.actor, { id: classId });
    await transitionClass(l.ctx, l.actor, { id: classId, action, version: current.version });
  }
}

const ROSTER_PAGE = 200;

async function roster(l: Loader, classId: number): Promise<Enrolment[]> {
  const all: Enrolment[] = [];
  for (let page = 1; ; page++) {
    const p = await listEnrolments(l.ctx, l.actor, { id: classId, page, pageSize: ROSTER_PAGE });
    all.push(...p.items);
    if (all.length >= p.total) return all;
  }
}

/** Two distinct session indexes out of n. */
function twoOf(rng: Random, n: number): [number, number] {
  const a = rng.int(0, n - 1);
  const b = (a + rng.int(1, n - 1)) % n;
  return [a, b];
}

/** Who came to which session: most on time, some late, a few excused or absent once, a few missing two. */
function sheet(rng: Random, sessions: number, missesTwo: boolean): AttendanceMark[] {
  const marks = Array.from({ length: sessions }, (): AttendanceMark => (rng.chance(0.05) ? 'late' : 'present'));
  if (missesTwo) {
    for (const i of twoOf(rng, sessions)) marks[i] = rng.chance(0.5) ? 'absent' : 'excused';
  } else if (rng.chance(0.1)) {
    marks[rng.int(0, sessions - 1)] = rng.weighted<AttendanceMark>([
      ['excused', 1],
      ['absent', 1],
    ]);
  }
  return marks;
}

/** The paper's score, to a tenth: mostly 6.5 – 9.5; a failed paper is below 5. */
function score(rng: Random, fails: boolean): number {
  if (fails) return rng.int(35, 49) / 10;
  return Math.round((rng.int(60, 98) + rng.int(60, 98)) / 2) / 10;
}

/**
 * From "open" to certificates issued: confirm, start, attendance (one bulk save), scores (one bulk
 * save, the grade following from the score), complete, issue. Returns the roster as it ends and the
 * certificates in number order.
 */
export async function holdClass(
  l: Loader,
  classId: number,
  rng: Random,
  cohort: Cohort,
): Promise<{ trainees: Enrolment[]; certificates: Certificate[] }> {
  const nominated = await roster(l, classId);
  await confirmTrainees(l.ctx, l.actor, { classId, enrolmentIds: nominated.map((e) => e.id) });
  await step(l, classId, ['start']);
  const sessions = (await listClassSessions(l.ctx, l.actor, { classId })).items;
  const marks: { enrolmentId: number; sessionId: number; mark: AttendanceMark }[] = [];
  const results: { enrolmentId: number; score: number }[] = [];
  for (const e of nominated) {
    // Who falls short does so on attendance or on the paper, half and half.
    const falls = rng.chance(cohort.shortfall);
    const missesTwo = falls && rng.chance(0.5);
    sheet(rng, sessions.length, missesTwo).forEach((mark, i) =>
      marks.push({ enrolmentId: e.id, sessionId: sessions[i]!.id, mark }),
    );
    results.push({ enrolmentId: e.id, score: score(rng, falls && !missesTwo) });
  }
  await saveAttendance(l.ctx, l.actor, { id: classId, marks });
  await saveResults(l.ctx, l.actor, { id: classId, results });
  await step(l, classId, ['complete']);
  const { issued } = await issueCertificates(l.ctx, l.actor, { id: classId });
  return { trainees: await roster(l, classId), certificates: issued };
}
