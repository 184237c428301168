import { studyKindLevel, type StudyKind } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { higherQualification, higherTheoryLevel, lockPersonLevels, setPersonLevels } from './studies.repository.ts';

/**
 * A graduation raises the person's highest qualification / political theory level to what the study
 * gives, never lowers it (a higher manual value or an earlier higher study wins). The manual value
 * stays as typed, beside it.
 */
export async function raiseStudiedLevels(tx: Tx, actor: Actor, personId: number, kind: StudyKind): Promise<void> {
  const person = await lockPersonLevels(tx, personId);
  const level = studyKindLevel[kind];
  const qualification = level.qualification
    ? higherQualification(person.qualification, level.qualification)
    : person.qualification;
  const theoryLevel = level.theoryLevel
    ? higherTheoryLevel(person.theory_level, level.theoryLevel)
    : person.theory_level;
  if (qualification === person.qualification && theoryLevel === person.theory_level) return;
  await setPersonLevels(tx, personId, { qualification, theoryLevel }, nowIso());
  await writeAudit(tx, actor, {
    entity: 'person',
    entityId: personId,
    action: 'update',
    unitId: person.unit_id,
    before: { qualification: person.qualification, theoryLevel: person.theory_level },
    after: { qualification, theoryLevel },
  });
}
