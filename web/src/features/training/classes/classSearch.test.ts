import { describe, expect, it } from 'vitest';
import { makeClass } from '../testing/classes';
import { readClassPageSearch, readClassSearch, tabsFor } from './classSearch';

/** A class with a roster, as its organiser and the organiser's readers see it. */
const EVERY_TAB = ['info', 'sessions', 'allocations', 'trainees', 'attendance', 'results', 'certificates'];

describe('class page tabs', () => {
  it('gives the organiser every tab of a class with a roster', () => {
    expect(tabsFor(makeClass())).toEqual(EVERY_TAB);
  });

  it('gives a unit editor who does not run the class only its seats and trainees besides the details', () => {
    expect(tabsFor(makeClass({ canManage: false, readsAll: false }))).toEqual([
      'info',
      'sessions',
      'allocations',
      'trainees',
    ]);
  });

  it("gives a reader of the organiser unit (a province's leader) every tab of the class", () => {
    expect(tabsFor(makeClass({ canManage: false, readsAll: true }))).toEqual(EVERY_TAB);
  });

  it('shows a class recorded by its headcount with its numbers instead of a roster', () => {
    expect(tabsFor(makeClass({ headcount: { total: 243 } }))).toEqual(['info', 'sessions', 'headcount']);
  });

  it('keeps only a known tab from the address', () => {
    expect(readClassPageSearch({ tab: 'trainees' })).toEqual({ tab: 'trainees' });
    expect(readClassPageSearch({ tab: 'secrets' })).toEqual({});
  });
});

describe('class list address', () => {
  it('keeps the filters it understands and drops junk', () => {
    expect(
      readClassSearch({
        q: 'bi thu',
        organiserWithin: '12',
        status: 'open',
        level: 'moon',
        from: '2025-01-01',
        to: '31/12/2025',
        sort: 'name',
        order: 'asc',
        page: '0',
        pageSize: '500',
      }),
    ).toEqual({ q: 'bi thu', organiserWithin: 12, status: 'open', from: '2025-01-01', sort: 'name', order: 'asc' });
  });
});
