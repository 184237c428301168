import { attendance } from './attendance.ts';
import { certificates } from './certificates.ts';
import { classes } from './classes.ts';
import { enrolments } from './enrolments.ts';
import { recorded } from './recorded.ts';

/** Training: classes and sessions, seats and enrolments, attendance and results, certificates. */
export const training = { ...classes, ...recorded, ...enrolments, ...attendance, ...certificates };
