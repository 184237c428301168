import {
  classLevelLabels,
  titleLabels,
  titleStandardSave,
  type StandardLevel,
  type Title,
  type TitleStandard,
  type TitleStandardSaveInput,
} from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import type { Ctx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import { stale } from '../../errors.ts';
import { parseInput } from '../../lib/input.ts';
import { updateVersioned } from '../../lib/versioned.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { requireCatalogManager } from '../catalog/catalog.access.ts';
import {
  findStandard,
  insertStandard,
  listStandards,
  type StandardRow,
  type StandardValues,
} from './standards.repository.ts';

function toStandard(r: StandardRow): TitleStandard {
  return {
    title: r.title,
    level: r.level,
    maxAgeFirst: r.max_age_first,
    maxAgeInPost: r.max_age_in_post,
    hardshipMaxAgeFirst: r.hardship_max_age_first,
    hardshipMaxAgeInPost: r.hardship_max_age_in_post,
    minQualification: r.min_qualification,
    minTheoryLevel: r.min_theory_level,
    version: r.version,
  };
}

/** The audit page names the record by `name`: the title at its level, in words. */
function auditView(r: StandardRow) {
  const { version: _v, ...fields } = toStandard(r);
  return { name: `${titleLabels[r.title]} ${classLevelLabels[r.level].toLowerCase()}`, ...fields };
}

/** Every stored cell; a title and level not listed asks nothing. */
export async function listTitleStandards(ctx: Ctx): Promise<{ items: TitleStandard[] }> {
  return { items: (await listStandards(reader(ctx))).map(toStandard) };
}

/**
 * Sets one cell (title × level) whole. Standards hold for the whole tree, so only catalogue managers
 * (a province admin or a superadmin) set them; version 0 creates the cell.
 */
export async function saveTitleStandard(
  ctx: Ctx,
  actor: Actor,
  input: { title: Title; level: StandardLevel } & TitleStandardSaveInput,
): Promise<TitleStandard> {
  const { title, level, ...rest } = input;
  const data = parseInput(titleStandardSave, rest);
  const values: StandardValues = {
    max_age_first: data.maxAgeFirst,
    max_age_in_post: data.maxAgeInPost,
    hardship_max_age_first: data.hardshipMaxAgeFirst,
    hardship_max_age_in_post: data.hardshipMaxAgeInPost,
    min_qualification: data.minQualification,
    min_theory_level: data.minTheoryLevel,
  };
  return inTransaction(ctx, async (tx) => {
    await requireCatalogManager(tx, actor);
    const before = await findStandard(tx, title, level);
    if ((before?.version ?? 0) !== data.version) throw stale();
    if (!before) {
      await insertStandard(tx, { title, level }, values);
    } else {
      // a save that changes nothing keeps the version and leaves no audit row
      if (!(await updateVersioned(tx, 'title_standards', before.id, data.version, values))) return toStandard(before);
    }
    const after = (await findStandard(tx, title, level))!;
    await writeAudit(tx, actor, {
      entity: 'title_standard',
      entityId: after.id,
      action: before ? 'update' : 'create',
      unitId: null,
      ...(before ? { before: auditView(before) } : {}),
      after: auditView(after),
    });
    return toStandard(after);
  });
}
