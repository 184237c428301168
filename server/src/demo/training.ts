import type { ClassCreateInput } from '@canbo/contract';
import { addDays, todayIso } from '../lib/dates.ts';
import { createClass } from '../modules/training/classes/class.service.ts';
import { createSession } from '../modules/training/classes/sessions.service.ts';
import { createProgramme } from '../modules/training/programmes/programmes.service.ts';
import type { DemoCadres } from './cadres.ts';
import { unitId, type Loader } from './loader.ts';
import { addCommuneSecretariesClass } from './training.class2025.ts';
import { addPastClasses } from './training.past.ts';
import { step } from './training.held.ts';
import { takeNominations } from './training.upcoming.ts';

/**
 * Training in the demo, through the services: the catalogue's programmes, the article's 2023
 * title class (training.class2023.ts, held on the 2023 tree before the restructuring), a few
 * earlier classes known only by their reported headcount (a few named, the rest of the article's
 * fifteen years in training.past.ts), the 2025 class for the new commune
 * unions' secretaries, and an upcoming province class open for nomination.
 */

export interface DemoProgrammes {
  title: number;
  unionWork: number;
  digital: number;
}

/** The title programme's topics, one a session; the last two are the course's closing sessions. */
const TITLE_TOPICS = [
  'Vai trò, nhiệm vụ của Bí thư, Phó Bí thư Đoàn cơ sở',
  'Kỹ năng điều hành hội nghị Ban Chấp hành',
  'Công tác xây dựng Đoàn và phát triển đoàn viên',
  'Kỹ năng xây dựng và triển khai chương trình công tác năm',
  'Trao đổi kinh nghiệm, giải đáp tình huống',
  'Viết bài thu hoạch',
];

export async function addProgrammes(l: Loader): Promise<DemoProgrammes> {
  const title = await createProgramme(l.ctx, l.actor, {
    name: 'Bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở',
    kindCode: 'title',
    targetTitles: ['secretary', 'deputy_secretary'],
    topics: TITLE_TOPICS.slice(0, 4),
    standardDays: 3,
  });
  const unionWork = await createProgramme(l.ctx, l.actor, {
    name: 'Nghiệp vụ công tác Đoàn (Quyết định 1070-QĐ/TWĐTN-HVTTNVN)',
    kindCode: 'union_work',
    targetTitles: ['committee_member', 'specialist'],
    topics: ['Công tác tuyên giáo', 'Công tác tổ chức, kiểm tra', 'Công tác thanh niên', 'Văn bản và lưu trữ'],
    standardDays: 5,
    standardPeriods: 40,
  });
  const digital = await createProgramme(l.ctx, l.actor, {
    name: 'Nâng cao năng lực số cho cán bộ Đoàn',
    kindCode: 'digital',
    topics: ['Chữ ký số và văn bản điện tử', 'An toàn thông tin trên mạng xã hội'],
    standardDays: 2,
  });
  return { title: title.id, unionWork: unionWork.id, digital: digital.id };
}

/**
 * A three-day title class for grassroots secretaries and deputies, mornings and afternoons, taken
 * through planning to open for nomination.
 */
export async function openTitleClass(
  l: Loader,
  c: { organiser: string; start: string; partner: string; place: string; capacity: number; decision: string },
  programmeId: number,
): Promise<number> {
  const created = await createClass(l.ctx, l.actor, {
    name: `Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm ${c.start.slice(0, 4)}`,
    organiserUnitId: unitId(l, c.organiser),
    partners: [c.partner],
    kindCode: 'title',
    programmeId,
    targetTitles: ['secretary', 'deputy_secretary'],
    startDate: c.start,
    endDate: addDays(c.start, 2),
    place: c.place,
    capacity: c.capacity,
    decision: c.decision,
  });
  let n = 0;
  for (let day = 0; day < 3; day++) {
    for (const part of ['morning', 'afternoon'] as const) {
      await createSession(l.ctx, l.actor, {
        classId: created.id,
        date: addDays(c.start, day),
        part,
        topic: TITLE_TOPICS[n++ % TITLE_TOPICS.length] ?? null,
        lecturer: n % 2 ? 'ThS. Nguyễn Thị Hồng' : 'Đồng chí Phó Bí thư Tỉnh đoàn',
      });
    }
  }
  await step(l, created.id, ['plan', 'open']);
  return created.id;
}

/** Classes from before Canbo, known from the year-end reports by their numbers alone. */
const historical = (unionWork: number): (Omit<ClassCreateInput, 'organiserUnitId'> & { organiser: string })[] => [
  {
    name: 'Lớp bồi dưỡng nghiệp vụ công tác Đoàn năm 2019',
    organiser: 'DNO',
    programmeId: unionWork,
    partners: ['Trường Chính trị tỉnh Đắk Nông'],
    kindCode: 'union_work',
    startDate: '2019-04-16',
    endDate: '2019-04-20',
    place: 'Gia Nghĩa',
    decision: 'Quyết định số 305-QĐ/TĐTN-BTC',
    headcount: { total: 180, women: 86, minority: 41, doan: 150, hoi: 20, doi: 10 },
  },
  {
    name: 'Lớp bồi dưỡng chức danh Bí thư chi đoàn năm 2021',
    organiser: 'DNO-CJ',
    partners: ['Trung tâm Bồi dưỡng chính trị huyện Cư Jút'],
    kindCode: 'title',
    targetTitles: ['secretary'],
    startDate: '2021-05-11',
    endDate: '2021-05-12',
    place: "Ea T'ling",
    headcount: { total: 96, women: 45, minority: 38 },
  },
  {
    name: 'Tập huấn chuyển đổi số cho cán bộ Đoàn, Hội, Đội năm 2022',
    organiser: 'DNO-DM',
    kindCode: 'digital',
    mode: 'blended',
    startDate: '2022-08-23',
    endDate: '2022-08-23',
    place: 'Đắk Mil',
    headcount: { total: 64, women: 33, doan: 40, hoi: 14, doi: 10 },
  },
];

/** What follows the 2025 restructuring: the record of earlier classes, the new communes' class, the next one. */
export async function addTraining(l: Loader, programmes: DemoProgrammes, cadres: DemoCadres): Promise<void> {
  for (const { organiser, ...h } of historical(programmes.unionWork)) {
    await createClass(l.ctx, l.actor, { ...h, organiserUnitId: unitId(l, organiser) });
  }
  // After every named class of 2009–2023: the rest of the article's fifteen years.
  await addPastClasses(l);
  await addCommuneSecretariesClass(l, cadres, programmes.digital);
  // Lâm Đồng's next class, four weeks ahead, taking nominations now.
  const upcoming = await openTitleClass(
    l,
    {
      organiser: 'LDO',
      start: addDays(todayIso(), 28),
      partner: 'Trường Chính trị tỉnh Lâm Đồng',
      place: 'Hội trường Tỉnh đoàn Lâm Đồng, Đà Lạt',
      capacity: 120,
      decision: 'Quyết định số 86-QĐ/TĐTN-BTC',
    },
    programmes.title,
  );
  await takeNominations(l, upcoming);
}
