import { openWriter } from './bulk.ts';
import type { Row } from './population.ts';
import { LONG_TERM_COLUMNS, LongTermRows, type LongTermCounts, type LongTermTable } from './longterm.rows.ts';
import { readLongTermWorld } from './longterm.world.ts';

/**
 * Adds long-term studies and "1+2" grassroots visits to a generated database (bench/generate.ts),
 * after the training: `--studies` studies over the years since 2008 and `--trips` trips over the
 * last eleven years. Secondary indexes of the three tables are dropped during the load and rebuilt
 * at the end; graduations then raise the people's recorded levels as the study service does.
 */
export interface LongTermOptions {
  studies: number;
  trips: number;
  seed: number;
  today: string;
  log: (line: string) => void;
}

const BATCH = 10_000;
const FLUSH_EVERY = 2_000_000;
const ORDER: LongTermTable[] = ['studies', 'visit_registrations', 'visit_trips'];

/** A graduation's level, lowest first so the highest wins when a person has several. */
const RAISES: { column: 'qualification' | 'theory_level'; kind: string; level: string; below: string[] }[] = [
  { column: 'qualification', kind: 'university', level: 'university', below: ['none', 'intermediate', 'college'] },
  {
    column: 'qualification',
    kind: 'master',
    level: 'master',
    below: ['none', 'intermediate', 'college', 'university'],
  },
  {
    column: 'qualification',
    kind: 'doctorate',
    level: 'doctorate',
    below: ['none', 'intermediate', 'college', 'university', 'master'],
  },
  { column: 'theory_level', kind: 'theory_intermediate', level: 'intermediate', below: ['none', 'basic'] },
  { column: 'theory_level', kind: 'theory_advanced', level: 'advanced', below: ['none', 'basic', 'intermediate'] },
  {
    column: 'theory_level',
    kind: 'theory_bachelor',
    level: 'bachelor',
    below: ['none', 'basic', 'intermediate', 'advanced'],
  },
];

export async function addLongTerm(url: string, o: LongTermOptions): Promise<LongTermCounts> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const world = await readLongTermWorld(url);
  const firstStudy = world.maxId.studies;
  o.log(
    `studies and visits: read ${world.personId.length} people, ${world.registrations.size} registrations (${elapsed()})`,
  );
  const maker = new LongTermRows(world, o.today, o.seed);
  const w = await openWriter(url);
  const rebuild = await w.dropIndexes([...ORDER]);
  const buffers = new Map<LongTermTable, Row[]>(ORDER.map((t) => [t, []]));
  let sinceFlush = 0;
  const write = async () => {
    for (const t of ORDER) {
      const rows = buffers.get(t)!;
      sinceFlush += rows.length;
      for (let i = 0; i < rows.length; i += BATCH) await w.insert(t, LONG_TERM_COLUMNS[t], rows.slice(i, i + BATCH));
      rows.length = 0;
    }
    if (sinceFlush >= FLUSH_EVERY) {
      await w.flush();
      sinceFlush = 0;
    }
  };
  const sink = (t: LongTermTable, row: Row) => buffers.get(t)!.push(row);

  const studyStep = Math.max(1, Math.ceil(o.studies / 5));
  for (let i = 0; i < o.studies; i++) {
    sink('studies', maker.study());
    if (buffers.get('studies')!.length >= BATCH * 4) await write();
    if ((i + 1) % studyStep === 0) o.log(`  ${i + 1} studies (${elapsed()})`);
  }
  await write();
  let trips = 0;
  let tries = 0;
  const tripStep = Math.max(1, Math.ceil(o.trips / 5));
  let nextLog = tripStep;
  while (trips < o.trips) {
    if (++tries > o.trips * 20) throw new Error(`chỉ tạo được ${trips} đợt đi cơ sở: thêm cán bộ hoặc bớt --trips`);
    trips += maker.year(o.trips - trips, sink);
    if (buffers.get('visit_trips')!.length >= BATCH * 4) await write();
    if (trips >= nextLog) {
      o.log(`  ${trips} trips, ${maker.counts.registrations} registrations (${elapsed()})`);
      nextLog += tripStep;
    }
  }
  await write();
  o.log(`studies and visits: building ${rebuild.length} indexes… (${elapsed()})`);
  await w.exec(rebuild);
  // What each graduation of this load gives the person (raiseStudiedLevels, in bulk): never lower.
  const now = `${o.today}T00:00:00.000Z`;
  await w.exec(
    RAISES.map(
      (r) =>
        `update people set ${r.column} = '${r.level}', updated_at = '${now}', version = version + 1
          where ${r.column} in (${r.below.map((b) => `'${b}'`).join(', ')})
            and id in (select person_id from studies
                        where status = 'graduated' and kind = '${r.kind}' and id > ${firstStudy})`,
    ),
  );
  await w.commit();
  o.log(`studies and visits: indexes built, levels raised (${elapsed()}); analysing…`);
  await w.finish([...ORDER, 'people']);
  o.log(`studies and visits: done in ${elapsed()}`);
  return maker.counts;
}

export function describeLongTerm(c: LongTermCounts): string[] {
  const list = (r: Record<string, number>) =>
    Object.entries(r)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const studies = Object.values(c.studies).reduce((s, n) => s + n, 0);
  return [
    `studies ${studies} (${list(c.studies)}; ${list(c.studyKinds)})`,
    `visit registrations ${c.registrations}, trips ${c.trips} (${c.days} days, ${c.acrossNewYear} across New Year)`,
    `trip reports filed ${c.reportsFiled}, overdue ${c.reportsOverdue}`,
  ];
}
