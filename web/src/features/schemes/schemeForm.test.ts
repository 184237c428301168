import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { createBody, newSchemeValues, newTarget, onFormFields, periodYears, toFormValues } from './schemeForm';
import { aScheme, aTarget } from './testing';

describe('the scheme form values', () => {
  it("sends only the filters a target's metric counts by, and the years of the period that have a value", () => {
    const v = {
      ...newSchemeValues(2),
      name: ' Kế hoạch 2024 ',
      code: 'KH-2024',
      startYear: 2024,
      endYear: 2025,
      targets: [
        {
          ...newTarget(),
          metric: 'studies_started' as const,
          // left over from another metric the user tried first
          kindCode: 'title',
          title: 'secretary' as const,
          studyKinds: ['master' as const],
          linkedOnly: true,
          total: 10,
          yearValues: { y2023: 1, y2024: 4, y2025: null },
        },
      ],
    };
    const body = createBody(v);
    expect(body).toMatchObject({ name: 'Kế hoạch 2024', issuingUnitId: 2, startYear: 2024, endYear: 2025 });
    expect(body.targets![0]).toEqual({
      metric: 'studies_started',
      label: null,
      kindCode: null,
      title: null,
      organiserLevel: null,
      unitId: null,
      studyKinds: ['master'],
      withinMonths: null,
      linkedOnly: true,
      total: 10,
      years: [{ year: 2024, value: 4 }],
      units: [],
    });
  });

  it('keeps an edited target its id, so its links and drill-down stay, and its per-unit values', () => {
    const units = [{ unitId: 5, unitName: 'Huyện đoàn Đắk Mil', value: 7 }];
    const body = createBody(toFormValues(aScheme({ targets: [aTarget({ units })] })));
    expect(body.targets![0]!.units).toEqual([{ unitId: 5, value: 7 }]);
    expect(body.targets![0]).toMatchObject({ id: 11, metric: 'studies_started', total: 60 });
    expect(body.targets![0]!.years).toEqual([
      { year: 2018, value: 12 },
      { year: 2019, value: 12 },
    ]);
  });

  it('has no years for a period that ends before it starts or is too long', () => {
    expect(periodYears(2022, 2018)).toEqual([]);
    expect(periodYears(2000, 2030)).toEqual([]);
    expect(periodYears(2018, 2020)).toEqual([2018, 2019, 2020]);
  });

  it("puts the server's refusal of a year's value on that year's field", () => {
    const body = createBody({
      ...newSchemeValues(2),
      startYear: 2024,
      endYear: 2026,
      targets: [{ ...newTarget(), metric: 'classes', total: 3, yearValues: { y2025: 2, y2026: 9 } }],
    });
    const err = new ApiError(400, 'validation', 'Chỉ tiêu của năm: quá lớn', {
      field: 'targets.0.years.1.value',
      fields: [{ field: 'targets.0.years.1.value', message: 'Chỉ tiêu của năm: quá lớn' }],
    });
    const out = onFormFields(err, body) as ApiError;
    expect(out.field).toBe('targets.0.yearValues.y2026');
    expect(out.details.fields).toEqual([{ field: 'targets.0.yearValues.y2026', message: 'Chỉ tiêu của năm: quá lớn' }]);
  });
});
