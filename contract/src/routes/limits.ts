/**
 * How large a request body may be, per route. Small by default: a JSON body is parsed whole on the
 * server's event loop, so a large one costs everyone time and memory, and the anonymous login must
 * cost an attacker more than it costs the server. Routes that legitimately take more say so with
 * `bodyLimit` in their table entry; uploads have their own limits.
 */
const KB = 1024;

export const BODY_LIMITS = {
  /** Any JSON body: a person with every field and long notes is under 20 KB; 5000 ids are 55 KB. */
  json: 256 * KB,
  /** Login and password forms: a login and a password. */
  login: 4 * KB,
  /** Scores and grades of up to 5000 trainees (about 60 bytes each). */
  results: 1024 * KB,
  /** A recorded class: up to 2000 trainees with a printed certificate each (about 200 bytes each). */
  recordedClass: 1024 * KB,
  /** Up to 20000 attendance marks (about 70 bytes each). */
  attendanceMarks: 2048 * KB,
  /** An import sheet (multipart): 100,000 cadres with every column are about 12 MB as .xlsx. */
  importSheet: 32 * 1024 * KB,
} as const;
