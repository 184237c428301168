import { recordedClassBody } from '../../training/recorded.ts';
import { trainingClass } from '../../training/classes.ts';
import { defineRoute } from '../define.ts';
import { BODY_LIMITS } from '../limits.ts';

const tags = ['training'];

/** A class already held, recorded in one step with its roster, outcomes and printed certificates. */
export const recorded = {
  recordClass: defineRoute({
    method: 'POST',
    path: '/training/classes/recorded',
    tags,
    bodyLimit: BODY_LIMITS.recordedClass,
    body: recordedClassBody,
    responses: { 201: trainingClass },
    example: (ids) => ({
      organiserUnitId: ids.unit,
      name: 'Lớp bồi dưỡng đã tổ chức',
      kindCode: 'title',
      startDate: '2019-05-13',
      endDate: '2019-05-15',
      roster: [
        {
          personId: ids.person,
          outcome: 'completed',
          grade: 'good',
          attendancePercent: 100,
          certificate: { number: '015/GCN-2019', issuedOn: '2019-05-20' },
        },
      ],
    }),
  }),
};
