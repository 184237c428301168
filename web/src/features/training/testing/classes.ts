import type { TrainingClass } from '@canbo/contract';

/** A class as the API returns it, with the fields a test cares about overridden. */
export function makeClass(over: Partial<TrainingClass> = {}): TrainingClass {
  return {
    id: 42,
    name: 'Lớp bồi dưỡng bí thư, phó bí thư đoàn cơ sở năm 2025',
    organiserUnitId: 5,
    organiserUnitName: 'Huyện đoàn Cư Jút',
    level: 'district',
    partners: ['Trung tâm bồi dưỡng chính trị huyện'],
    kindCode: 'title',
    kindName: 'Bồi dưỡng chức danh',
    programmeId: null,
    programmeName: null,
    targetTitles: ['secretary', 'deputy_secretary'],
    startDate: '2025-05-12',
    endDate: '2025-05-14',
    place: 'Hội trường Huyện ủy',
    mode: 'in_person',
    capacity: 60,
    decision: null,
    status: 'draft',
    headcount: null,
    completionRule: { minAttendancePercent: 80, passGrade: 'average' },
    seatsAllocated: 40,
    seated: 12,
    waitlisted: 0,
    sessionCount: 6,
    version: 3,
    canManage: true,
    readsAll: true,
    ...over,
  };
}
