import { useState } from 'react';
import { Alert, Button, Col, Flex, Row, Select, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { sortArrow, sortOf, useListPagination } from '../../../lib/paging';
import { SearchInput } from '../../../app/SearchInput';
import { useProgrammes, type ProgrammeSearch } from './api';
import { KindSelect } from './KindSelect';
import { ProgrammeModal } from './ProgrammeModal';
import { ListTable } from '../../../lib/ListTable';

const DEFAULT_PAGE_SIZE = 20;

/** The programmes: searched, filtered by kind, sorted and paged on the server; the state is in the address. */
export function ProgrammesList({
  search,
  onSearch,
  canEdit,
}: {
  search: ProgrammeSearch;
  onSearch: (s: ProgrammeSearch) => void;
  canEdit: boolean;
}) {
  const { t } = useTranslation('training');
  const listPagination = useListPagination();
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  const sort = search.sort ?? 'name';
  const order = search.order ?? 'asc';
  const list = useProgrammes({ ...search, sort, order, page, pageSize });
  const [editing, setEditing] = useState<Programme | null>(null);
  const [open, setOpen] = useState(false);
  const set = (patch: ProgrammeSearch) => onSearch({ ...search, ...patch, page: undefined });
  const edit = (p: Programme | null) => {
    setEditing(p);
    setOpen(true);
  };

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('catalogue.programmes')}
        </Typography.Title>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => edit(null)}>
            {t('catalogue.addProgramme')}
          </Button>
        )}
      </Flex>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}>
          <SearchInput value={search.q} onSearch={(q) => set({ q })} placeholder={t('catalogue.searchProgrammes')} />
        </Col>
        <Col xs={24} sm={12} md={8}>
          <KindSelect
            allowClear
            aria-label={t('field.kindCode')}
            placeholder={t('list.allKinds')}
            value={search.kindCode ?? null}
            onChange={(kindCode) => set({ kindCode: kindCode ?? undefined })}
          />
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Select
            allowClear
            style={{ width: '100%' }}
            aria-label={t('field.active')}
            placeholder={t('catalogue.anyActive')}
            value={search.active}
            onChange={(active?: 'true' | 'false') => set({ active })}
            options={[
              { value: 'true', label: t('catalogue.inUse') },
              { value: 'false', label: t('catalogue.retired') },
            ]}
          />
        </Col>
      </Row>
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <ListTable<Programme>
        label={t('catalogue.programmes')}
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('common:table.empty') }}
        pagination={listPagination(page, pageSize, list.data?.total)}
        onChange={(pg, _f, sorter, extra) => {
          const s = sortOf(sorter);
          const column = s.column === 'name' || s.column === 'kind' ? s.column : undefined;
          onSearch({
            ...search,
            sort: column === 'name' && s.order !== 'desc' ? undefined : column,
            order: s.order === 'desc' ? 'desc' : undefined,
            page: extra.action === 'paginate' && pg.current && pg.current > 1 ? pg.current : undefined,
            pageSize: pg.pageSize && pg.pageSize !== DEFAULT_PAGE_SIZE ? pg.pageSize : undefined,
          });
        }}
        columns={[
          {
            key: 'name',
            title: t('catalogue.programmeName'),
            dataIndex: 'name',
            sorter: true,
            sortOrder: sortArrow(sort === 'name', order),
          },
          {
            key: 'kind',
            title: t('field.kindCode'),
            dataIndex: 'kindName',
            sorter: true,
            sortOrder: sortArrow(sort === 'kind', order),
          },
          {
            key: 'targetTitles',
            title: t('field.targetTitles'),
            render: (_, p) => (
              <Space size={[0, 4]} wrap>
                {p.targetTitles.map((x) => (
                  <Tag key={x}>{t(`common:title.${x}`)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'topics',
            title: t('field.topics'),
            render: (_, p) => (p.topics.length ? t('catalogue.topicCount', { count: p.topics.length }) : ''),
          },
          { key: 'standardDays', title: t('field.standardDays'), render: (_, p) => p.standardDays ?? '' },
          { key: 'standardPeriods', title: t('field.standardPeriods'), render: (_, p) => p.standardPeriods ?? '' },
          {
            key: 'active',
            title: t('field.active'),
            render: (_, p) =>
              p.active ? <Tag color="green">{t('catalogue.inUse')}</Tag> : <Tag>{t('catalogue.retired')}</Tag>,
          },
          ...(canEdit
            ? [
                {
                  key: 'edit',
                  title: '',
                  render: (_: unknown, p: Programme) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`${t('common:action.edit')} ${p.name}`}
                      onClick={() => edit(p)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <ProgrammeModal programme={editing} open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
