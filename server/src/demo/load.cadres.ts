import { createMove } from '../modules/moves/moves.service.ts';
import { createPerson, getPerson } from '../modules/people/people.service.ts';
import { createPosition } from '../modules/positions/positions.service.ts';
import type { DemoCadres, DemoPosition } from './cadres.ts';
import { unitId, type Loader } from './loader.ts';
import { RESTRUCTURE_DATE } from './restructure.ts';

/** Cadre records through the people service, as an organisation board would type them in. */
export async function addPeople(l: Loader, cadres: DemoCadres): Promise<void> {
  for (const p of cadres.people) {
    const created = await createPerson(l.ctx, l.actor, {
      unitId: unitId(l, p.unit),
      familyName: p.name.familyName,
      middleName: p.name.middleName,
      givenName: p.name.givenName,
      birthDate: p.birthDate,
      gender: p.gender,
      ethnicityCode: p.ethnicityCode,
      religion: p.religion,
      nationalId: p.nationalId,
      phone: p.phone,
      email: p.email,
      partyMember: p.partyMember,
      partyJoinDate: p.partyJoinDate,
      generalEducation: p.generalEducation,
      qualification: p.qualification,
      theoryLevel: p.theoryLevel,
      itLevel: p.itLevel,
      languageLevel: p.languageLevel,
      hardshipArea: p.hardshipArea,
      // Common names repeat (two Nguyễn Văn Hùng born the same day are rare but possible): keep both.
      confirmDuplicate: true,
    });
    l.people.set(p.ref, created.id);
  }
}

export async function addPositions(l: Loader, positions: DemoPosition[]): Promise<void> {
  for (const p of positions) {
    const personId = l.people.get(p.person);
    if (personId === undefined) throw new Error(`Dữ liệu mẫu: chưa có cán bộ ${p.person}`);
    await createPosition(l.ctx, l.actor, {
      personId,
      unitId: unitId(l, p.unit),
      title: p.title,
      employment: p.employment,
      method: p.method,
      term: p.term,
      decision: p.decision,
      startDate: p.startDate,
      endDate: p.endDate,
    });
  }
}

/**
 * Records kept by an ended unit go to the unit of the cadre's new seat: a move on the day of the
 * restructuring, so what the cadre did before it stays credited to the unit they were in then.
 */
export async function moveRecords(l: Loader, cadres: DemoCadres): Promise<void> {
  const managedBefore = new Map(cadres.people.map((p) => [p.ref, p.unit]));
  for (const m of cadres.moves) {
    const id = l.people.get(m.person)!;
    const target = unitId(l, m.unit);
    const current = await getPerson(l.ctx, l.actor, { id });
    if (current.unitId === target) continue;
    await createMove(l.ctx, l.actor, {
      id,
      moveKind: 'transfer',
      // Left from the unit that kept the record before the restructuring (a merge may have passed
      // the record on to its new target meanwhile: the cadre was never in it).
      fromUnitId: unitId(l, managedBefore.get(m.person)!),
      toUnitId: target,
      moveDate: RESTRUCTURE_DATE,
      decision: l.decision(),
      decisionDate: RESTRUCTURE_DATE,
    });
  }
}
