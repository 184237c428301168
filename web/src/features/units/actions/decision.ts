import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { toIsoDate } from '../../../lib/format';

export interface DecisionValues {
  date?: Dayjs | null;
  decision?: string;
  note?: string;
}

export const decisionDefaults = (): DecisionValues => ({ date: dayjs(), decision: '', note: '' });

/** The form's dayjs date and free texts as the API wants them. */
export function decisionBody(v: DecisionValues) {
  return { date: toIsoDate(v.date) ?? '', decision: v.decision?.trim() || null, note: v.note?.trim() || null };
}
