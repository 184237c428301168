import { useCallback, useState } from 'react';
import { Badge, Button, Col, DatePicker, Grid, InputNumber, Row, Select, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { genders, theoryLevels, titles } from '@canbo/contract';
import { SearchInput } from '../../app/SearchInput';
import { UnitSelect } from '../units/UnitSelect';
import { useEthnicities, type PeopleFilter } from './api';
import { enumOptions } from '../../lib/enumOptions';
import { DATE_FORMAT, toIsoDate } from '../../lib/format';

const col = { xs: 24, sm: 12, md: 8, xl: 6 };

/** Search box and filters of the people list; every change goes back to page 1. */
export function PeopleFilters({ value, onChange }: { value: PeopleFilter; onChange: (f: PeopleFilter) => void }) {
  const { t } = useTranslation('people');
  const ethnicities = useEthnicities();
  const screens = Grid.useBreakpoint();
  const [showMore, setShowMore] = useState(false);
  const set = (patch: Partial<PeopleFilter>) => onChange({ ...value, ...patch, page: undefined });
  const search = useCallback((q: string | undefined) => onChange({ ...value, q, page: undefined }), [value, onChange]);

  const yesNo = (yes: string, no: string) => [
    { value: 'true', label: yes },
    { value: 'false', label: no },
  ];
  const activeCount = Object.entries(value).filter(
    ([k, v]) => !['q', 'sort', 'order', 'page', 'pageSize'].includes(k) && v !== undefined,
  ).length;
  const active = activeCount > 0 || !!value.q;
  // On a phone the filters would push the list off the screen: they open on demand.
  const folded = !screens.md && !showMore;

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={16} xl={12}>
        <SearchInput value={value.q} onSearch={search} placeholder={t('searchPlaceholder')} />
      </Col>
      {!screens.md && (
        <Col xs={24}>
          <Badge count={activeCount} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setShowMore((x) => !x)} aria-expanded={showMore}>
              {t('moreFilters')}
            </Button>
          </Badge>
        </Col>
      )}
      {!folded && (
        <>
          <Col {...col}>
            <UnitSelect
              aria-label={t('col.unit')}
              placeholder={t('allUnits')}
              value={value.unitId ?? null}
              onChange={(unitId) => set({ unitId: unitId ?? undefined })}
            />
          </Col>
          <Col {...col}>
            {/* The unit filter and column by each cadre's unit on that day, from their moves. */}
            <Tooltip title={t('asOfHint')}>
              <DatePicker
                style={{ width: '100%' }}
                format={DATE_FORMAT}
                aria-label={t('asOf')}
                placeholder={t('asOf')}
                value={value.asOf ? dayjs(value.asOf) : null}
                onChange={(d) => set({ asOf: toIsoDate(d) ?? undefined })}
              />
            </Tooltip>
          </Col>
          <Col {...col}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t('positions:title')}
              placeholder={t('positions:title')}
              value={value.title}
              onChange={(v?: PeopleFilter['title']) => set({ title: v })}
              options={enumOptions(t, 'title', titles)}
            />
          </Col>
          <Col {...col}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t('field.gender')}
              placeholder={t('field.gender')}
              value={value.gender}
              onChange={(v?: PeopleFilter['gender']) => set({ gender: v })}
              options={enumOptions(t, 'gender', genders)}
            />
          </Col>
          <Col {...col}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t('field.ethnicityCode')}
              placeholder={t('field.ethnicityCode')}
              showSearch={{ optionFilterProp: 'label' }}
              loading={ethnicities.isLoading}
              value={value.ethnicityCode}
              onChange={(v?: string) => set({ ethnicityCode: v })}
              options={(ethnicities.data?.items ?? []).map((e) => ({ value: e.code, label: e.name }))}
            />
          </Col>
          <Col {...col}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t('minority')}
              placeholder={t('minority')}
              value={value.minority}
              onChange={(v?: 'true' | 'false') => set({ minority: v })}
              options={yesNo(t('isMinority'), t('isKinh'))}
            />
          </Col>
          <Col {...col}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t('partyMember')}
              placeholder={t('partyMember')}
              value={value.partyMember}
              onChange={(v?: 'true' | 'false') => set({ partyMember: v })}
              options={yesNo(t('partyMember'), t('notPartyMember'))}
            />
          </Col>
          <Col {...col}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t('field.theoryLevel')}
              placeholder={t('field.theoryLevel')}
              value={value.theoryLevel}
              onChange={(v?: PeopleFilter['theoryLevel']) => set({ theoryLevel: v })}
              options={enumOptions(t, 'theoryLevel', theoryLevels)}
            />
          </Col>
          <Col {...col}>
            <Space.Compact style={{ width: '100%' }}>
              <InputNumber
                style={{ width: '50%' }}
                min={0}
                max={120}
                precision={0}
                aria-label={`${t('ageRange')} ${t('ageMin')}`}
                placeholder={`${t('ageRange')} ${t('ageMin').toLowerCase()}`}
                value={value.ageMin ?? null}
                onChange={(v) => set({ ageMin: v ?? undefined })}
              />
              <InputNumber
                style={{ width: '50%' }}
                min={0}
                max={120}
                precision={0}
                aria-label={`${t('ageRange')} ${t('ageMax')}`}
                placeholder={t('ageMax')}
                value={value.ageMax ?? null}
                onChange={(v) => set({ ageMax: v ?? undefined })}
              />
            </Space.Compact>
          </Col>
        </>
      )}
      {active && (
        <Col {...col}>
          <Button onClick={() => onChange({ sort: value.sort, order: value.order, pageSize: value.pageSize })}>
            {t('resetFilters')}
          </Button>
        </Col>
      )}
    </Row>
  );
}
