import { useCallback } from 'react';
import { Button, Col, DatePicker, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { classLevels, classStatuses } from '@canbo/contract';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format';
import { UnitSelect } from '../../units/UnitSelect';
import { KindSelect } from '../catalogue/KindSelect';
import { labelOptions } from '../labels';
import { SearchInput } from '../../../app/SearchInput';
import type { ClassSearch } from './classSearch';

const col = { xs: 24, sm: 12, md: 8, xl: 6 };

/** The year the range covers exactly (1 Jan – 31 Dec), so the year picker shows it. */
function wholeYear(from?: string, to?: string): number | null {
  if (!from || !to) return null;
  const y = from.slice(0, 4);
  return from === `${y}-01-01` && to === `${y}-12-31` ? Number(y) : null;
}

/** Search (diacritics optional) and filters of the class list; every change goes back to page 1. */
export function ClassFilters({ value, onChange }: { value: ClassSearch; onChange: (s: ClassSearch) => void }) {
  const { t } = useTranslation('training');
  const set = (patch: ClassSearch) => onChange({ ...value, ...patch, page: undefined });
  const search = useCallback((q: string | undefined) => onChange({ ...value, q, page: undefined }), [value, onChange]);

  const year = wholeYear(value.from, value.to);
  const active = ['q', 'organiserWithin', 'status', 'kindCode', 'level', 'from', 'to'].some(
    (k) => value[k as keyof ClassSearch] !== undefined,
  );

  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
      <Col xs={24} md={16} xl={12}>
        <SearchInput value={value.q} onSearch={search} placeholder={t('list.search')} />
      </Col>
      <Col {...col}>
        <UnitSelect
          aria-label={t('field.organiserUnitId')}
          placeholder={t('list.allOrganisers')}
          value={value.organiserWithin ?? null}
          onChange={(u) => set({ organiserWithin: u ?? undefined })}
        />
      </Col>
      <Col {...col}>
        <Select
          allowClear
          style={{ width: '100%' }}
          aria-label={t('field.status')}
          placeholder={t('list.allStatuses')}
          value={value.status}
          onChange={(status?: ClassSearch['status']) => set({ status })}
          options={labelOptions(t, 'classStatus', classStatuses)}
        />
      </Col>
      <Col {...col}>
        <KindSelect
          allowClear
          aria-label={t('field.kindCode')}
          placeholder={t('list.allKinds')}
          value={value.kindCode ?? null}
          onChange={(kindCode) => set({ kindCode: kindCode ?? undefined })}
        />
      </Col>
      <Col {...col}>
        <Select
          allowClear
          style={{ width: '100%' }}
          aria-label={t('field.level')}
          placeholder={t('list.allLevels')}
          value={value.level}
          onChange={(level?: ClassSearch['level']) => set({ level })}
          options={labelOptions(t, 'classLevel', classLevels)}
        />
      </Col>
      <Col {...col}>
        <DatePicker
          picker="year"
          style={{ width: '100%' }}
          aria-label={t('list.year')}
          placeholder={t('list.year')}
          value={year ? dayjs(`${year}-01-01`) : null}
          onChange={(d) =>
            set(d ? { from: `${d.year()}-01-01`, to: `${d.year()}-12-31` } : { from: undefined, to: undefined })
          }
        />
      </Col>
      <Col xs={24} sm={12} md={8} xl={6}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          aria-label={t('list.dateRange')}
          placeholder={[t('field.from'), t('field.to')]}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          onChange={(r) => set({ from: toIsoDate(r?.[0]) ?? undefined, to: toIsoDate(r?.[1]) ?? undefined })}
        />
      </Col>
      {active && (
        <Col>
          <Button onClick={() => onChange({ sort: value.sort, order: value.order, pageSize: value.pageSize })}>
            {t('list.resetFilters')}
          </Button>
        </Col>
      )}
    </Row>
  );
}
