import {
  foldVietnamese,
  programmeCreate,
  programmeListQuery,
  programmeUpdate,
  vietnameseTextKey,
  type Page,
  type Programme,
  type ProgrammeCreateInput,
  type Title,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx, Tx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { notFound, stale } from '../../../errors.ts';
import { offsetOf, pageFrom } from '../../../lib/paging.ts';
import { updateVersioned } from '../../../lib/versioned.ts';
import { writeAudit } from '../../audit/audit.writer.ts';
import { requireCatalogManager } from '../../catalog/catalog.access.ts';
import { requireActiveKind } from '../../catalog/kinds.service.ts';
import { fieldError, parseInput } from '../../../lib/input.ts';
import {
  countProgrammes,
  findProgramme,
  findProgrammesPage,
  insertProgramme,
  type ProgrammeRow,
  type ProgrammeValues,
} from './programmes.repository.ts';

const NOT_FOUND = 'Chương trình bồi dưỡng';

function toProgramme(r: ProgrammeRow): Programme {
  return {
    id: r.id,
    name: r.name,
    kindCode: r.kind_code,
    kindName: r.kind_name,
    targetTitles: JSON.parse(r.target_titles) as Title[],
    topics: JSON.parse(r.topics) as string[],
    standardDays: r.standard_days,
    standardPeriods: r.standard_periods,
    active: r.active === 1,
    version: r.version,
  };
}

function auditView(r: ProgrammeRow) {
  const { version: _v, ...fields } = toProgramme(r);
  return fields;
}

/** Found by any word of its name or topics, typed with or without diacritics. */
function derived(name: string, topics: string[]) {
  return { search_text: foldVietnamese([name, ...topics].join(' ')), sort_key: vietnameseTextKey(name) };
}

async function programmeOr404(tx: Tx, id: number): Promise<ProgrammeRow> {
  const row = await findProgramme(tx, id);
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

export async function listProgrammes(
  ctx: Ctx,
  _actor: Actor,
  input: z.input<typeof programmeListQuery>,
): Promise<Page<Programme>> {
  const { page, pageSize, sort, order, ...filter } = parseInput(programmeListQuery, input);
  const tx = reader(ctx);
  const [rows, total] = await Promise.all([
    findProgrammesPage(tx, filter, sort, order, { limit: pageSize, offset: offsetOf({ page, pageSize }) }),
    countProgrammes(tx, filter),
  ]);
  return pageFrom(rows.map(toProgramme), total, { page, pageSize });
}

export async function getProgramme(ctx: Ctx, _actor: Actor, input: { id: number }): Promise<Programme> {
  return toProgramme(await programmeOr404(reader(ctx), input.id));
}

/**
 * The programme a new class follows: in the catalogue, still in use, and of the class's kind (a
 * "union work" programme cannot run as a "title" class, or the kind totals would disagree).
 */
export async function requireUsableProgramme(tx: Tx, id: number, kindCode: string): Promise<ProgrammeRow> {
  const row = await findProgramme(tx, id);
  if (!row) throw fieldError('programmeId', 'chương trình không có trong danh mục');
  if (row.active !== 1) {
    throw fieldError('programmeId', {
      vi: `"${row.name}" đã ngừng sử dụng, hãy chọn chương trình khác`,
      en: `"${row.name}" is no longer used: choose another programme`,
    });
  }
  if (row.kind_code !== kindCode) {
    throw fieldError('programmeId', {
      vi: `"${row.name}" thuộc loại hình "${row.kind_name}", khác loại hình của lớp`,
      en: `"${row.name}" is of the kind "${row.kind_name}", not the class’s kind`,
    });
  }
  return row;
}

export async function createProgramme(ctx: Ctx, actor: Actor, input: ProgrammeCreateInput): Promise<Programme> {
  const data = parseInput(programmeCreate, input);
  return inTransaction(ctx, async (tx) => {
    await requireCatalogManager(tx, actor);
    await requireActiveKind(tx, data.kindCode);
    const values: ProgrammeValues = {
      name: data.name,
      kind_code: data.kindCode,
      target_titles: JSON.stringify(data.targetTitles),
      topics: JSON.stringify(data.topics),
      standard_days: data.standardDays ?? null,
      standard_periods: data.standardPeriods ?? null,
      ...derived(data.name, data.topics),
    };
    const id = await insertProgramme(tx, values);
    const row = await programmeOr404(tx, id);
    await writeAudit(tx, actor, {
      entity: 'programme',
      entityId: id,
      action: 'create',
      unitId: null,
      after: auditView(row),
    });
    return toProgramme(row);
  });
}

export async function updateProgramme(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof programmeUpdate>,
): Promise<Programme> {
  const { id, ...rest } = input;
  const patch = parseInput(programmeUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    await requireCatalogManager(tx, actor);
    const before = await programmeOr404(tx, id);
    if (before.version !== patch.version) throw stale();
    // Moving a programme to another kind must pick one still in use; keeping its kind is always fine.
    if (patch.kindCode !== undefined && patch.kindCode !== before.kind_code)
      await requireActiveKind(tx, patch.kindCode);
    const name = patch.name ?? before.name;
    const topics = patch.topics ?? (JSON.parse(before.topics) as string[]);
    const values: Partial<ProgrammeValues & { active: number }> = {
      name,
      topics: JSON.stringify(topics),
      ...derived(name, topics),
    };
    if (patch.kindCode !== undefined) values.kind_code = patch.kindCode;
    if (patch.targetTitles !== undefined) values.target_titles = JSON.stringify(patch.targetTitles);
    if (patch.standardDays !== undefined) values.standard_days = patch.standardDays;
    if (patch.standardPeriods !== undefined) values.standard_periods = patch.standardPeriods;
    if (patch.active !== undefined) values.active = patch.active ? 1 : 0;
    await updateVersioned(tx, 'programmes', id, patch.version, values);
    const after = await programmeOr404(tx, id);
    await writeAudit(tx, actor, {
      entity: 'programme',
      entityId: id,
      action: 'update',
      unitId: null,
      before: auditView(before),
      after: auditView(after),
    });
    return toProgramme(after);
  });
}
