import { createClass } from '../modules/training/classes/class.service.ts';
import { createSession } from '../modules/training/classes/sessions.service.ts';
import { nominatePeople } from '../modules/training/enrolments/nominate.service.ts';
import type { DemoCadres } from './cadres.ts';
import { unitId, type Loader } from './loader.ts';
import { Random } from './random.ts';
import { NEW_UNITS } from './restructure.ts';
import { holdClass, step } from './training.held.ts';

/**
 * After the 1 July 2025 restructuring Lâm Đồng trained the secretaries of its new commune and ward
 * unions in the digital tools of the merged province. Held in October 2025 and certified, it is the
 * completed class in the record of the `canbo` demo login, the secretary of Đoàn xã Cư Jút.
 */

export const CLASS_2025 = {
  name: 'Lớp tập huấn chuyển đổi số cho Bí thư Đoàn xã, phường sau sắp xếp năm 2025',
  start: '2025-10-14',
  end: '2025-10-15',
};

const TOPICS = [
  'Chữ ký số và văn bản điện tử',
  'An toàn thông tin trên mạng xã hội',
  'Quản lý đoàn viên, cán bộ Đoàn trên phần mềm',
  'Thực hành: số hoá hồ sơ cán bộ của Đoàn xã',
];

/** The new communes' secretaries on the class days, from the generated cadres (refs). */
export function communeSecretaries(cadres: DemoCadres): number[] {
  const communes = new Set(NEW_UNITS.filter((u) => u.kind === 'commune').map((u) => u.code));
  const refs = cadres.after
    .filter(
      (p) =>
        p.title === 'secretary' &&
        communes.has(p.unit) &&
        p.startDate <= CLASS_2025.start &&
        (p.endDate === null || p.endDate >= CLASS_2025.end),
    )
    .map((p) => p.person);
  return [...new Set(refs)];
}

export async function addCommuneSecretariesClass(l: Loader, cadres: DemoCadres, programmeId: number): Promise<number> {
  const trainees = communeSecretaries(cadres);
  const created = await createClass(l.ctx, l.actor, {
    name: CLASS_2025.name,
    organiserUnitId: unitId(l, 'LDO'),
    partners: ['Sở Khoa học và Công nghệ tỉnh Lâm Đồng'],
    kindCode: 'digital',
    programmeId,
    targetTitles: ['secretary'],
    startDate: CLASS_2025.start,
    endDate: CLASS_2025.end,
    place: 'Trung tâm Hội nghị tỉnh Lâm Đồng, Đà Lạt',
    mode: 'blended',
    capacity: trainees.length + 5,
    decision: 'Quyết định số 41-QĐ/TĐTN-BTC',
    // Four sessions: missing one of them is allowed.
    minAttendancePercent: 75,
  });
  let n = 0;
  for (const date of [CLASS_2025.start, CLASS_2025.end]) {
    for (const part of ['morning', 'afternoon'] as const) {
      await createSession(l.ctx, l.actor, {
        classId: created.id,
        date,
        part,
        topic: TOPICS[n++] ?? null,
        lecturer: 'ThS. Trần Minh Khoa, Sở Khoa học và Công nghệ',
      });
    }
  }
  await step(l, created.id, ['plan', 'open']);
  // The organiser calls them itself, on the seats it kept: no unit below shares the seats out.
  await nominatePeople(l.ctx, l.actor, {
    classId: created.id,
    personIds: trainees.map((ref) => l.people.get(ref)!),
  });
  await holdClass(l, created.id, new Random(20251014), { shortfall: 0 });
  return created.id;
}
