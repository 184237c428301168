/*
 * Training: the catalogue (kinds, programmes), classes and their sessions, seat allocations,
 * enrolments, attendance, results, certificates, a person's record and documents, one file per part.
 */
export * from './catalogue.ts';
export * from './classes.ts';
export * from './recorded.ts';
export * from './sessions.ts';
export * from './allocations.ts';
export * from './enrolments.ts';
export * from './attendance.ts';
export * from './results.ts';
export * from './certificates.ts';
export * from './record.ts';
export * from './documents.ts';
