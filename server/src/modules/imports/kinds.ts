import type { ImportKind } from '@canbo/contract';
import type { ImportKindDef } from './kind.ts';
import { attendanceImport } from './attendance/attendance.import.ts';
import { peopleImport } from './people/people.import.ts';
import { classesImport } from './classes/classes.import.ts';
import { movesImport } from './moves/moves.import.ts';
import { traineesImport } from './trainees/trainees.import.ts';
import { studiesImport } from './studies/studies.import.ts';
import { unitsImport } from './units/units.import.ts';
import { visitsImport } from './visits/visits.import.ts';

/** Every kind an import takes; a new kind is one file and one line here. */
export const IMPORT_KINDS: Record<ImportKind, ImportKindDef> = {
  people: peopleImport,
  units: unitsImport,
  moves: movesImport,
  studies: studiesImport,
  visits: visitsImport,
  classes: classesImport,
  trainees: traineesImport,
  attendance: attendanceImport,
};
