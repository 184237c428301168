import type { Dayjs } from 'dayjs';
import type { Grade, Outcome, RecordedClassInput } from '@canbo/contract';
import { toIsoDate } from '../../../lib/format';

/** One roster row as the form holds it: the API's field names, so a refusal lands on its cell. */
export interface RosterRowValues {
  personId: number | null;
  outcome: Outcome;
  grade: Grade | null;
  attendancePercent: number | null;
  /** The signing unit: empty for the organiser, as most papers are signed. */
  certificate: { number: string | null; issuedOn: Dayjs | null; issuingUnitId: number | null };
}

/** "Ghi nhận lớp đã tổ chức": the class's data and its roster. */
export interface RecordedFormValues {
  name: string;
  organiserUnitId: number | null;
  kindCode: string | null;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  place: string | null;
  decision: string | null;
  roster: RosterRowValues[];
}

export const newRosterRow = (): RosterRowValues => ({
  personId: null,
  outcome: 'completed',
  grade: null,
  attendancePercent: null,
  certificate: { number: null, issuedOn: null, issuingUnitId: null },
});

export function newRecordedValues(organiserUnitId: number | null): RecordedFormValues {
  return {
    name: '',
    organiserUnitId,
    kindCode: null,
    startDate: null,
    endDate: null,
    place: null,
    decision: null,
    roster: [newRosterRow()],
  };
}

const blank = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : s.trim());

/**
 * The body of POST /training/classes/recorded. A row with a certificate number carries its printed
 * certificate; without a date on it, the paper is taken as dated the class's last day, and without
 * a signing unit as signed by the organiser (the server's default).
 */
export function recordedBody(v: RecordedFormValues): RecordedClassInput {
  const endDate = toIsoDate(v.endDate) ?? '';
  return {
    name: v.name.trim(),
    organiserUnitId: v.organiserUnitId ?? 0,
    kindCode: v.kindCode ?? '',
    startDate: toIsoDate(v.startDate) ?? '',
    endDate,
    place: blank(v.place),
    decision: blank(v.decision),
    roster: v.roster.map((r) => {
      const number = blank(r.certificate.number);
      return {
        personId: r.personId ?? 0,
        outcome: r.outcome,
        grade: r.grade,
        attendancePercent: r.attendancePercent,
        certificate: number
          ? {
              number,
              issuedOn: toIsoDate(r.certificate.issuedOn) ?? endDate,
              ...(r.certificate.issuingUnitId ? { issuingUnitId: r.certificate.issuingUnitId } : {}),
            }
          : null,
      };
    }),
  };
}
