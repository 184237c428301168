import type { ClassSession, TrainingClass } from '@canbo/contract';

/** A class as the class page hands it to the tabs. */
export function makeClass(over: Partial<TrainingClass> = {}): TrainingClass {
  return {
    id: 7,
    name: 'Bồi dưỡng chức danh bí thư đoàn cơ sở 2025',
    organiserUnitId: 5,
    organiserUnitName: 'Huyện đoàn Cư Jút',
    level: 'district',
    partners: [],
    kindCode: 'title',
    kindName: 'Bồi dưỡng chức danh',
    programmeId: null,
    programmeName: null,
    targetTitles: ['secretary'],
    startDate: '2025-03-10',
    endDate: '2025-03-11',
    place: null,
    mode: 'in_person',
    capacity: 50,
    decision: null,
    status: 'in_progress',
    headcount: null,
    completionRule: { minAttendancePercent: 80, passGrade: 'average' },
    seatsAllocated: 0,
    seated: 3,
    waitlisted: 0,
    sessionCount: 2,
    version: 1,
    canManage: true,
    readsAll: true,
    ...over,
  };
}

export function makeSession(id: number, date: string, part: ClassSession['part']): ClassSession {
  return {
    id,
    classId: 7,
    date,
    part,
    startsAt: '07:30',
    endsAt: '11:30',
    topic: null,
    lecturer: null,
    version: 1,
  };
}
