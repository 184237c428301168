import { useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Allocation, TrainingClass } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { sortArrow, sortOf, usePaging } from '../../../lib/paging';
import { isEditable } from '../classes/ClassInfoTab';
import { useAllocations, useDeleteAllocation } from './api';
import { AllocationModal } from './AllocationModal';
import { SummonsModal } from './SummonsModal';
import { ListTable } from '../../../lib/ListTable';

/**
 * "Chỉ tiêu": the seats the organiser gives each unit, how many are taken and waiting. The organiser
 * allocates and summons; its readers (a province's leaders) see every unit's seats without the
 * controls; a unit editor sees only its own seats.
 */
export function AllocationsTab({ cls }: { cls: TrainingClass }) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const paging = usePaging();
  const [sort, setSort] = useState<{ sort?: 'unit' | 'seats'; order?: 'asc' | 'desc' }>({});
  const list = useAllocations(cls.id, {
    ...sort,
    page: paging.page,
    pageSize: paging.pageSize,
    ...(cls.readsAll ? {} : { mine: 'true' }),
  });
  const remove = useDeleteAllocation();
  const [editing, setEditing] = useState<Allocation | null>(null);
  const [open, setOpen] = useState(false);
  const [summons, setSummons] = useState<{ allocationId: number | null; unitName: string } | null>(null);
  const editable = isEditable(cls) && cls.status !== 'completed';
  const remaining = cls.capacity === null ? null : cls.capacity - cls.seatsAllocated;

  const del = async (a: Allocation) => {
    try {
      await remove.mutateAsync(a.id);
      void message.success(t('allocations.deleted'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <div>
      {cls.readsAll && (
        <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text data-testid="organiser-seats">
            {remaining === null
              ? t('allocations.organiserUnlimited')
              : t('allocations.organiserRemaining', { count: remaining, capacity: cls.capacity })}
          </Typography.Text>
          <Space wrap>
            <Button
              icon={<FileWordOutlined />}
              onClick={() => setSummons({ allocationId: null, unitName: cls.organiserUnitName })}
            >
              {t('summons.own')}
            </Button>
            {editable && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="allocation-add"
                onClick={() => {
                  setEditing(null);
                  setOpen(true);
                }}
              >
                {t('allocations.add')}
              </Button>
            )}
          </Space>
        </Flex>
      )}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <ListTable<Allocation>
        label={t('tab.allocations')}
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('allocations.none') }}
        pagination={paging.pagination(list.data?.total)}
        onChange={(_p, _f, sorter) => {
          const s = sortOf(sorter);
          const column = s.column === 'unit' || s.column === 'seats' ? s.column : undefined;
          setSort(column ? { sort: column, order: s.order } : {});
          paging.restart();
        }}
        columns={[
          {
            key: 'unit',
            title: t('field.unitId'),
            dataIndex: 'unitName',
            sorter: true,
            sortOrder: sortArrow((sort.sort ?? 'unit') === 'unit', sort.order ?? 'asc'),
          },
          {
            key: 'seats',
            title: t('field.seats'),
            dataIndex: 'seats',
            align: 'right',
            sorter: true,
            sortOrder: sortArrow(sort.sort === 'seats', sort.order),
          },
          { key: 'used', title: t('allocations.used'), dataIndex: 'used', align: 'right' },
          { key: 'waitlisted', title: t('allocations.waitlisted'), dataIndex: 'waitlisted', align: 'right' },
          {
            key: 'free',
            title: t('allocations.free'),
            align: 'right',
            render: (_, a) => Math.max(a.seats - a.used, 0),
          },
          // every row listed is one whose summons the user may take: the organiser's readers see every
          // unit's seats, a unit's nominators only their own
          {
            key: 'actions',
            title: '',
            render: (_: unknown, a: Allocation) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<FileWordOutlined />}
                  data-testid="allocation-summons"
                  onClick={() => setSummons({ allocationId: a.id, unitName: a.unitName })}
                >
                  {t('summons.button')}
                </Button>
                {editable && (
                  <>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`${t('allocations.edit')} ${a.unitName}`}
                      onClick={() => {
                        setEditing(a);
                        setOpen(true);
                      }}
                    />
                    <Popconfirm
                      title={t('allocations.deleteConfirm', { unit: a.unitName })}
                      okText={t('common:action.delete')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common:action.cancel')}
                      onConfirm={() => void del(a)}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('common:action.delete')} ${a.unitName}`}
                      />
                    </Popconfirm>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <AllocationModal cls={cls} allocation={editing} open={open} onClose={() => setOpen(false)} />
      <SummonsModal cls={cls} target={summons} onClose={() => setSummons(null)} />
    </div>
  );
}
