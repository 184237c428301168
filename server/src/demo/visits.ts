import { createTrip, fileReport, registerVisits } from '../modules/visits/visits.service.ts';
import type { DemoCadres } from './cadres.ts';
import { unitId, type Loader } from './loader.ts';
import { flatten } from './organisation.ts';

/**
 * The article's 2023 grassroots visits of Đắk Nông: "province: 11 trips, 473 days; district: 38
 * trips, 2,005 days". Logged before the 2025 restructuring, so each trip keeps its cadre's unit and
 * level as they were in 2023. 11 × 43 = 473; 29 × 53 + 9 × 52 = 2,005.
 */
export const VISITS_2023 = { province: { trips: 11, days: 473 }, district: { trips: 38, days: 2005 } };

const PROVINCE_TRIPS = Array<number>(11).fill(43);
const DISTRICT_TRIPS = [...Array<number>(29).fill(53), ...Array<number>(9).fill(52)];

/** The host commune every demo trip goes to: a grassroots union of Cư Jút. */
const HOST = 'DNO-CJ-EAPO';

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Spreads trips over cadres, each cadre's trips 60 days apart from early January, so none overlap. */
async function logTrips(l: Loader, people: number[], lengths: number[], hostUnitId: number, from: string) {
  const ids: number[] = [];
  for (const [i, days] of lengths.entries()) {
    const personId = people[i % people.length]!;
    const startDate = addDays(from, Math.floor(i / people.length) * 60);
    const trip = await createTrip(l.ctx, l.actor, {
      personId,
      hostUnitId,
      startDate,
      endDate: addDays(startDate, days - 1),
      purpose: 'Thực hiện "1+2": nắm tình hình đoàn viên, dự sinh hoạt chi đoàn ở cơ sở',
    });
    ids.push(trip.id);
  }
  return ids;
}

/** Đắk Nông's cadres kept by units of this kind (the province office, the districts) in 2023. */
function cadresOf(l: Loader, cadres: DemoCadres, kind: 'province' | 'district'): number[] {
  const units = new Set(
    flatten()
      .filter(({ unit }) => unit.kind === kind && unit.code.startsWith('DNO') && unit.code !== 'DNO-DAKNONG')
      .map(({ unit }) => unit.code),
  );
  return cadres.people.filter((p) => units.has(p.unit)).map((p) => l.people.get(p.ref)!);
}

/** The 2023 trips (reports filed but for three, left overdue), before the restructuring. */
export async function addVisits2023(l: Loader, cadres: DemoCadres): Promise<void> {
  const host = unitId(l, HOST);
  const province = cadresOf(l, cadres, 'province').slice(0, 3);
  const district = cadresOf(l, cadres, 'district').slice(0, 10);
  if (province.length < 2 || district.length < 7)
    throw new Error('Dữ liệu mẫu: thiếu cán bộ cho các đợt đi cơ sở 2023');
  const ids = [
    ...(await logTrips(l, province, PROVINCE_TRIPS, host, '2023-01-09')),
    ...(await logTrips(l, district, DISTRICT_TRIPS, host, '2023-01-03')),
  ];
  for (const id of ids.slice(0, -3)) {
    await fileReport(l.ctx, l.actor, {
      id,
      version: 1,
      reportText: 'Đã làm việc với ban chấp hành đoàn cơ sở; nắm tình hình, đề xuất giải pháp.',
    });
  }
}

/**
 * Later years for the demo cadre's own account (`canbo`, the secretary of Đoàn xã Cư Jút): registered
 * each year from 2024 with a branch of the commune (a visit goes down, so not the commune itself), with
 * a few trips, so the phone page opens on a year in progress.
 */
export async function addLaterVisits(l: Loader, personId: number, thisYear: number): Promise<void> {
  // Trúc Sơn's village branch, which followed its commune into Đoàn xã Cư Jút in 2025.
  const host = unitId(l, 'DNO-CJ-TRUCSON-THON1');
  for (let year = 2024; year <= thisYear; year++) {
    await registerVisits(l.ctx, l.actor, { personId, year, hostUnitId: host, notes: null });
    if (year < thisYear) await logTrips(l, [personId], [20, 15], host, `${year}-03-04`);
  }
}
