import { makeClass, makeEnrolment, makePerson, makePosition, makeUnit } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/fixtures.ts';

/**
 * Holders with known standardisation and title-training answers on 30/06/2024 (`twoDistricts`' units):
 * short of the standard — An (province secretary: age at appointment), Bình (Cư Jút committee member:
 * age in post), Dũng (Đắk Mil secretary: qualification and theory), Em (commune secretary of Cư Jút:
 * theory), Giang (Cư Jút committee member on the day, moved to Đắk Mil later: both ages); Cường is
 * within the hardship limit, Phúc's position ended. Deputy secretaries appointed 10/01/2023: Hà
 * trained in time, Khánh late (01/03/2024), Lan never, Minh only in a skills class. Nobody else has a
 * title training.
 */
export async function standardsCast(t: TestApp, units: { province: number; cuJut: number; dakMil: number }) {
  const { province, cuJut, dakMil } = units;

  /** A cadre with the levels and hardship flag a case needs, holding one position. */
  async function holder(p: {
    unit: number;
    given: string;
    birth: string;
    title: 'secretary' | 'committee_member' | 'deputy_secretary';
    start: string;
    end?: string;
    positionUnit?: number;
    qualification?: 'intermediate' | 'college' | 'university';
    theory?: 'none' | 'basic' | 'intermediate';
    hardship?: boolean;
  }): Promise<number> {
    const id = await makePerson(t.ctx, {
      unitId: p.unit,
      familyName: 'Nguyễn',
      givenName: p.given,
      birthDate: p.birth,
    });
    await t.db.kysely
      .updateTable('people')
      .set({
        qualification: p.qualification ?? 'university',
        theory_level: p.theory ?? 'intermediate',
        hardship_area: p.hardship ? 1 : 0,
      })
      .where('id', '=', id)
      .execute();
    await makePosition(t.ctx, {
      personId: id,
      unitId: p.positionUnit ?? p.unit,
      title: p.title,
      startDate: p.start,
      endDate: p.end ?? null,
    });
    return id;
  }

  /** A completed title-training class ending on `end`, with the person completing it. */
  async function trained(personId: number, end: string, kindCode = 'title'): Promise<void> {
    const classId = await makeClass(t.ctx, {
      organiserUnitId: province,
      status: 'completed',
      kindCode,
      startDate: end,
      endDate: end,
    });
    const e = await makeEnrolment(t.ctx, { classId, personId });
    await t.db.kysely.updateTable('enrolments').set({ outcome_override: 'completed' }).where('id', '=', e).execute();
  }

  const commune = await makeUnit(t.ctx, { name: 'Đoàn xã Nam Dong', parentId: cuJut, kind: 'commune' });

  // Provincial secretary appointed at 36 (limit 35), 40 on the day (limit 40): over age at appointment only.
  await holder({ unit: province, given: 'An', birth: '1984-06-01', title: 'secretary', start: '2021-01-01' });
  // District committee member, 30 when elected, 36 on the day (limit 35).
  await holder({ unit: cuJut, given: 'Bình', birth: '1988-01-01', title: 'committee_member', start: '2018-01-01' });
  // The same in a hardship area: 36 is within the hardship limit 37.
  await holder({
    unit: dakMil,
    given: 'Cường',
    birth: '1988-01-01',
    title: 'committee_member',
    start: '2018-01-01',
    hardship: true,
  });
  // District secretary with a college degree and basic theory (needs university + intermediate).
  await holder({
    unit: dakMil,
    given: 'Dũng',
    birth: '1990-01-01',
    title: 'secretary',
    start: '2022-01-01',
    qualification: 'college',
    theory: 'basic',
  });
  // Commune secretary without political theory (needs basic); intermediate vocational is enough.
  await holder({
    unit: commune,
    given: 'Em',
    birth: '1995-01-01',
    title: 'secretary',
    start: '2022-01-01',
    qualification: 'intermediate',
    theory: 'none',
  });
  // A provincial secretary long gone: his position ended before the day.
  await holder({
    unit: province,
    given: 'Phúc',
    birth: '1960-01-01',
    title: 'secretary',
    start: '2005-01-01',
    end: '2015-01-01',
  });
  // Committee member of Cư Jút on the day, moved to Đắk Mil in September: counted in Cư Jút.
  const moved = await holder({
    unit: dakMil,
    positionUnit: cuJut,
    given: 'Giang',
    birth: '1985-01-01',
    title: 'committee_member',
    start: '2019-01-01',
    end: '2024-08-31',
  });
  const now = new Date().toISOString();
  await t.db.kysely
    .insertInto('moves')
    .values({
      person_id: moved,
      kind: 'transfer',
      from_unit_id: cuJut,
      to_unit_id: dakMil,
      move_date: '2024-09-01',
      decision: null,
      decision_date: null,
      notes: null,
      created_at: now,
      updated_at: now,
    })
    .execute();

  // Deputy secretaries appointed 10/01/2023: trained in time, late, never.
  const inTime = await holder({
    unit: cuJut,
    given: 'Hà',
    birth: '1995-01-01',
    title: 'deputy_secretary',
    start: '2023-01-10',
  });
  await trained(inTime, '2023-06-15');
  const late = await holder({
    unit: cuJut,
    given: 'Khánh',
    birth: '1995-01-01',
    title: 'deputy_secretary',
    start: '2023-01-10',
  });
  await trained(late, '2024-03-01');
  await holder({ unit: dakMil, given: 'Lan', birth: '1995-01-01', title: 'deputy_secretary', start: '2023-01-10' });
  // A skills class is not a title training.
  const skills = await holder({
    unit: cuJut,
    given: 'Minh',
    birth: '1995-01-01',
    title: 'deputy_secretary',
    start: '2023-01-10',
  });
  await trained(skills, '2023-03-01', 'skills');
}
