import { foldVietnamese, fullName, vietnameseSortKey } from '@canbo/contract';
import { Random } from '../server/src/demo/random.ts';
import { makeName, pickEthnicity, type Area, type Gender } from '../server/src/demo/names.ts';
import type { BenchUnit } from './national.ts';

/**
 * People and positions for the benchmark database, produced in batches so a million records
 * never sit in memory at once. Columns are listed once here and used by both writers.
 */

export const PERSON_COLUMNS = [
  'id',
  'unit_id',
  'family_name',
  'middle_name',
  'given_name',
  'full_name',
  'sort_key',
  'search_text',
  'birth_date',
  'gender',
  'ethnicity_code',
  'religion',
  'national_id',
  'phone',
  'email',
  'party_member',
  'party_join_date',
  'general_education',
  'qualification',
  'theory_level',
  'it_level',
  'language_level',
  'hardship_area',
  'notes',
  'created_at',
  'updated_at',
  'version',
] as const;

export const POSITION_COLUMNS = [
  'id',
  'person_id',
  'unit_id',
  'title',
  'employment',
  'method',
  'term',
  'decision',
  'start_date',
  'end_date',
  'created_at',
  'updated_at',
  'version',
] as const;

export type Row = (string | number | null)[];

const STAMP = '2026-01-01T00:00:00.000Z';

/** Provinces in the highlands and the south-central coast draw from the minority mixes. */
function areaOf(province: number): Area {
  if ([18, 19, 23, 33].includes(province)) return 'dak_nong_highland';
  if (province === 35) return 'lam_dong';
  if ([15, 42].includes(province)) return 'binh_thuan';
  return 'dak_nong';
}

export class Population {
  private readonly rng: Random;
  /** Units that keep cadre records, weighted towards the grassroots where most cadres are. */
  private readonly homes: BenchUnit[];
  private readonly hasSecretary = new Set<number>();
  private readonly names = new Map<string, { sortKey: string; searchText: string }>();
  private personId = 0;
  private positionId = 0;

  constructor(units: BenchUnit[], seed = 7) {
    this.rng = new Random(seed);
    const weight = { central: 2, province: 6, district: 4, grassroots: 3, branch: 2 } as const;
    this.homes = units.flatMap((u) => Array<BenchUnit>(weight[u.level]).fill(u));
  }

  /** The next `n` people with their positions (about 1.3 per person). */
  batch(n: number): { people: Row[]; positions: Row[] } {
    const rng = this.rng;
    const people: Row[] = [];
    const positions: Row[] = [];
    for (let i = 0; i < n; i++) {
      const id = ++this.personId;
      const unit = rng.pick(this.homes);
      const gender: Gender = rng.chance(0.45) ? 'female' : 'male';
      const ethnicity = pickEthnicity(rng, areaOf(unit.province));
      const name = makeName(rng, ethnicity, gender);
      const full = fullName(name.familyName, name.middleName, name.givenName);
      let derived = this.names.get(full);
      if (!derived) {
        derived = {
          sortKey: vietnameseSortKey(name.givenName, name.familyName, name.middleName),
          searchText: foldVietnamese(full),
        };
        this.names.set(full, derived);
      }
      const year = rng.int(1980, 2006);
      const birth = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const party = rng.chance(unit.level === 'branch' ? 0.2 : 0.6);
      // Unique by construction: the six-digit serial is the record number (first million only).
      const nationalId =
        id <= 1_000_000 && rng.chance(0.6)
          ? `0${String(unit.province + 1).padStart(2, '0')}${(year >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0)}${String(year).slice(2)}${String(id % 1_000_000).padStart(6, '0')}`
          : null;
      people.push([
        id,
        unit.id,
        name.familyName,
        name.middleName,
        name.givenName,
        full,
        derived.sortKey,
        derived.searchText,
        birth,
        gender,
        ethnicity,
        null,
        nationalId,
        rng.chance(0.8) ? `09${rng.digits(8)}` : null,
        null,
        party ? 1 : 0,
        party ? `${Math.min(year + 22, 2025)}-03-26` : null,
        '12/12',
        rng.weighted([
          ['university', 55],
          ['college', 15],
          ['intermediate', 15],
          ['master', 8],
          ['none', 7],
        ] as const),
        rng.weighted([
          ['basic', 45],
          ['none', 30],
          ['intermediate', 20],
          ['advanced', 5],
        ] as const),
        null,
        null,
        rng.chance(0.1) ? 1 : 0,
        null,
        STAMP,
        STAMP,
        1,
      ]);
      // Today's position; the unit's first cadre is its secretary (one at a time, as the rules say).
      const secretary = !this.hasSecretary.has(unit.id);
      if (secretary) this.hasSecretary.add(unit.id);
      const title = secretary
        ? 'secretary'
        : rng.weighted([
            ['committee_member', 6],
            ['deputy_secretary', 2],
            ['standing_member', 1],
            ['specialist', 1],
          ] as const);
      positions.push(this.position(id, unit.id, title, '2022-06-15', null, '2022–2027'));
      // About a third also held a seat in the previous term.
      if (rng.chance(0.3))
        positions.push(this.position(id, unit.id, 'committee_member', '2017-06-15', '2022-06-14', '2017–2022'));
    }
    return { people, positions };
  }

  private position(
    personId: number,
    unitId: number,
    title: string,
    start: string,
    end: string | null,
    term: string,
  ): Row {
    return [
      ++this.positionId,
      personId,
      unitId,
      title,
      'part_time',
      'elected',
      term,
      null,
      start,
      end,
      STAMP,
      STAMP,
      1,
    ];
  }
}
