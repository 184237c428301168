import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routes } from '@canbo/contract';
import { listSearch, plainSearch } from './listSearch';

const readPeople = listSearch(routes.people.list);
const readUnits = listSearch(routes.units.list, { view: z.enum(['table', 'tree']) });

describe('a list page reading its address', () => {
  it('keeps what the route’s query schema accepts, typed as the API reads it', () => {
    expect(readPeople({ q: 'Lò Văn', unitId: '5', gender: 'female', minority: 'true', page: '2' })).toEqual({
      q: 'Lò Văn',
      unitId: 5,
      gender: 'female',
      minority: 'true',
      page: 2,
    });
  });

  it('drops the values the schema refuses instead of failing, and keys it does not know', () => {
    expect(
      readPeople({ q: '  ', unitId: '-3', gender: 'x', ageMin: '500', pageSize: '9999', sort: 'password', admin: '1' }),
    ).toEqual({});
  });

  it('fills in no defaults, so the address shows only what the user chose', () => {
    expect(readPeople({})).toEqual({});
  });

  it('reads a value the router parsed as JSON the way the server reads the text', () => {
    expect(readPeople({ q: 123, unitId: 7, minority: true })).toEqual({ q: '123', unitId: 7, minority: 'true' });
  });

  it('reads the page’s own keys with their schemas', () => {
    expect(readUnits({ view: 'tree', within: '4' })).toEqual({ view: 'tree', within: 4 });
    expect(readUnits({ view: 'map' })).toEqual({});
  });

  it('round-trips: what it gives back reads the same again', () => {
    const once = readPeople({ q: 'Hà', ageMin: '18', ageMax: '30', order: 'desc', title: 'bogus' });
    expect(readPeople(once)).toEqual(once);
    const asText = Object.fromEntries(Object.entries(once).map(([k, v]) => [k, String(v)]));
    expect(readPeople(asText)).toEqual(once);
  });
});

describe('the address format', () => {
  it('keeps text plain, numbers included, and reads it back as the API would', () => {
    const written = plainSearch.stringifySearch({ q: '2024', unitId: 5, minority: 'true', name: 'Lò Văn' });
    expect(written).toBe('?q=2024&unitId=5&minority=true&name=L%C3%B2+V%C4%83n');
    // the router's reader turns "2024" into a number; the contract's schemas take it back as text
    expect(readPeople(plainSearch.parseSearch(written))).toEqual({ q: '2024', unitId: 5, minority: 'true' });
  });
});
