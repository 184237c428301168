import { Col, DatePicker, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, toIsoDate } from '../../lib/format';
import type { UnitsSearch } from './listSearch';
import { kindOptions, organisationOptions, statusOptions } from './options';
import { UnitSelect } from './UnitSelect';

export interface UnitsFiltersProps {
  search: UnitsSearch;
  onChange: (patch: Partial<UnitsSearch>) => void;
}

/** Search box and filters above the units table; every change goes back to page 1. */
export function UnitsFilters({ search, onChange }: UnitsFiltersProps) {
  const { t } = useTranslation('units');
  const set = (patch: Partial<UnitsSearch>) => onChange({ ...patch, page: undefined });
  return (
    <Row gutter={[8, 8]}>
      <Col xs={24} md={12} xl={5}>
        <Input.Search
          key={search.q ?? ''}
          defaultValue={search.q}
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          allowClear
          enterButton
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
      </Col>
      <Col xs={24} md={12} xl={4}>
        <UnitSelect
          value={search.within ?? null}
          onChange={(v) => set({ within: v ?? undefined })}
          placeholder={t('list.within')}
          aria-label={t('list.within')}
        />
      </Col>
      <Col xs={24} sm={12} md={6} xl={3}>
        <Select
          style={{ width: '100%' }}
          allowClear
          value={search.kind}
          placeholder={t('list.allKinds')}
          aria-label={t('field.kind')}
          options={kindOptions(t)}
          onChange={(kind) => set({ kind })}
        />
      </Col>
      <Col xs={24} sm={12} md={6} xl={3}>
        <Select
          style={{ width: '100%' }}
          allowClear
          value={search.organisation}
          placeholder={t('list.allOrganisations')}
          aria-label={t('field.organisation')}
          options={organisationOptions(t)}
          onChange={(organisation) => set({ organisation })}
        />
      </Col>
      <Col xs={24} sm={12} md={6} xl={3}>
        <Select
          style={{ width: '100%' }}
          allowClear
          value={search.status}
          placeholder={t('list.allStatuses')}
          aria-label={t('field.status')}
          options={statusOptions(t)}
          onChange={(status) => set({ status })}
        />
      </Col>
      <Col xs={24} sm={12} md={6} xl={3}>
        <DatePicker
          style={{ width: '100%' }}
          format={DATE_FORMAT}
          value={search.asOf ? dayjs(search.asOf) : null}
          placeholder={t('list.asOfToday')}
          aria-label={t('tree.asOf')}
          onChange={(d) => set({ asOf: toIsoDate(d) ?? undefined })}
        />
      </Col>
    </Row>
  );
}
