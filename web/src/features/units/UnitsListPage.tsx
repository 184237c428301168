import { useState } from 'react';
import { Button, Card, Col, Row, Segmented, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../auth/useMe';
import { CreateUnitModal } from './actions/CreateUnitModal';
import { AsOfControls } from './AsOfControls';
import { useListSearch } from '../../lib/listSearch';
import { readUnitsSearch, type UnitsSearch } from './listSearch';
import { UnitsFilters } from './UnitsFilters';
import { UnitsTable } from './UnitsTable';
import { UnitTree } from './UnitTree';

/**
 * /units: the organisation as a tree (what a user opens it for), or as a filtered table; either on
 * the date in the address (`asOf`), which the navigator's tree beside it follows too.
 */
export function UnitsListPage() {
  const { t } = useTranslation('units');
  const me = useMe();
  const navigate = useNavigate();
  const [search, setSearch] = useListSearch('/units', readUnitsSearch);
  const [creating, setCreating] = useState(false);
  const update = (patch: Partial<UnitsSearch>) => setSearch({ ...search, ...patch });
  const view = search.view ?? 'tree';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[8, 8]} align="middle" justify="space-between">
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('list.title')}
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <Segmented
              aria-label={t('list.view')}
              value={view}
              options={[
                { value: 'table', label: t('list.viewTable') },
                { value: 'tree', label: t('list.viewTree') },
              ]}
              onChange={(v) => update({ view: v === 'table' ? 'table' : undefined })}
            />
            {hasRole(me.data, 'editor') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('action.createRoot')}
              </Button>
            )}
          </Space>
        </Col>
      </Row>
      {view === 'table' ? (
        <Card size="small">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <UnitsFilters search={search} onChange={update} />
            <UnitsTable search={search} onChange={update} />
          </Space>
        </Card>
      ) : (
        <Card size="small">
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8} lg={6}>
              <AsOfControls
                asOf={search.asOf ?? null}
                onAsOf={(asOf) => update({ asOf: asOf ?? undefined })}
                includeEnded={!!search.ended}
                onIncludeEnded={(ended) => update({ ended: ended || undefined })}
              />
            </Col>
            <Col xs={24} md={16} lg={18}>
              <UnitTree
                asOf={search.asOf ?? null}
                includeEnded={!!search.ended}
                onOpen={(id) => void navigate({ to: '/units/$id', params: { id: String(id) } })}
                onMore={(within) => update({ view: 'table', within: within ?? undefined })}
              />
            </Col>
          </Row>
        </Card>
      )}
      {creating && <CreateUnitModal parent={null} onClose={() => setCreating(false)} />}
    </Space>
  );
}
