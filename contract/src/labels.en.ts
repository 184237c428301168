import type {
  classActions,
  classLevels,
  classStatuses,
  outcomes,
  sessionParts,
  studyStatuses,
  titles,
} from './enums.ts';

type Labels<T extends readonly string[]> = Record<T[number], string>;

/**
 * English beside `labels.ts` for the enums the server's own messages name (a class's state, a
 * workflow step, a session's part, a level): the web app's English screens and the server's English
 * refusals say the same words.
 */
export const classStatusLabelsEn: Labels<typeof classStatuses> = {
  draft: 'Draft',
  planned: 'Planned',
  open: 'Open for nominations',
  in_progress: 'In progress',
  completed: 'Completed',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const classActionLabelsEn: Labels<typeof classActions> = {
  plan: 'Approve the plan',
  open: 'Open nominations',
  start: 'Start the class',
  complete: 'Finish the class',
  close: 'Close the file',
  cancel: 'Cancel the class',
  reopen: 'Reopen to correct results',
};

export const classLevelLabelsEn: Labels<typeof classLevels> = {
  central: 'Central',
  province: 'Province',
  district: 'District',
  commune: 'Commune',
  grassroots: 'Grassroots',
};

export const studyStatusLabelsEn: Labels<typeof studyStatuses> = {
  studying: 'Studying',
  graduated: 'Graduated',
  withdrawn: 'Withdrawn',
  extended: 'Extended',
};

export const outcomeLabelsEn: Labels<typeof outcomes> = {
  completed: 'Completed',
  not_completed: 'Not completed',
};

export const titleLabelsEn: Labels<typeof titles> = {
  secretary: 'Secretary',
  deputy_secretary: 'Deputy secretary',
  standing_member: 'Standing committee member',
  committee_member: 'Executive committee member',
  head_of_board: 'Head of board',
  deputy_head_of_board: 'Deputy head of board',
  specialist: 'Specialist',
  federation_chair: 'Federation chair',
  federation_vice_chair: 'Federation vice chair',
  pioneer_council_chair: 'Pioneer council chair',
  pioneer_leader: 'Pioneer leader',
};

export const sessionPartLabelsEn: Labels<typeof sessionParts> = {
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
  full_day: 'Full day',
};
