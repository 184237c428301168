import { useMemo, useState } from 'react';
import { Alert, App, Button, Col, Flex, Input, Row, Select, Space, Typography } from 'antd';
import { CheckOutlined, DownloadOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { download } from '../../../api/client';
import { enrolmentStatuses, type Enrolment, type TrainingClass, routes } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { sortArrow, sortOf, usePaging } from '../../../lib/paging';
import { useDebounced } from '../../../lib/useDebounced';
import { UnitSelect } from '../../units/UnitSelect';
import { useNominatableAllocations } from '../allocations/api';
import { EnrolmentStatusTag, labelOptions } from '../labels';
import { useDownload } from '../../../lib/useDownload';
import { useConfirmEnrolments, useEnrolments, type EnrolmentFilter } from './api';
import { BulkNominateModal } from './BulkNominateModal';
import { NominateModal } from './NominateModal';
import { seatOptions } from './seatChoices';
import { WithdrawModal } from './WithdrawModal';
import { ListTable } from '../../../lib/ListTable';

const SORT_BY_COLUMN: Record<string, EnrolmentFilter['sort']> = { name: 'person', unit: 'unit', status: 'status' };

/** A trainee can still be withdrawn while the class has not ended. */
const WITHDRAWABLE = ['draft', 'planned', 'open', 'in_progress'];

/**
 * "Học viên": the enrolments the user may see (a unit editor: its own cadres), searched, filtered,
 * sorted and paged on the server. Nominating one by one or by a filter, confirming (the organiser),
 * withdrawing with a reason, and the roster as Excel.
 */
export function TraineesTab({ cls }: { cls: TrainingClass }) {
  const { t } = useTranslation('training');
  const { message, modal } = App.useApp();
  const paging = usePaging();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 350);
  const [filter, setFilterState] = useState<Omit<EnrolmentFilter, 'q'>>({});
  const full: EnrolmentFilter = { ...filter, q: q || undefined };
  const list = useEnrolments(cls.id, full, paging.page, paging.pageSize);
  const allocations = useNominatableAllocations(cls.id, cls.readsAll);
  const confirm = useConfirmEnrolments(cls.id);
  const dl = useDownload();
  const [selected, setSelected] = useState<number[]>([]);
  const [nominating, setNominating] = useState<'one' | 'bulk' | null>(null);
  const [withdrawing, setWithdrawing] = useState<Enrolment | null>(null);

  const allocationItems = useMemo(() => allocations.data?.items ?? [], [allocations.data]);
  const seats = useMemo(() => seatOptions(t, cls, allocationItems), [t, cls, allocationItems]);
  const byAllocation = useMemo(() => new Map(allocationItems.map((a) => [a.id, a])), [allocationItems]);
  const canNominate = cls.status === 'open' && seats.length > 0;
  const canConfirm = cls.canManage && WITHDRAWABLE.includes(cls.status);
  const mayWithdraw = (e: Enrolment) =>
    e.status !== 'withdrawn' &&
    WITHDRAWABLE.includes(cls.status) &&
    (cls.canManage || (e.allocationId !== null && !!byAllocation.get(e.allocationId)?.canNominate));

  const setFilter = (patch: Omit<EnrolmentFilter, 'q'>) => {
    setFilterState((f) => ({ ...f, ...patch }));
    setSelected([]);
    paging.restart();
  };
  const sort = filter.sort ?? 'person';
  const order = filter.order ?? 'asc';
  const sortOrder = (col: string) => sortArrow(SORT_BY_COLUMN[col] === sort, order);

  const confirmSelected = () => {
    modal.confirm({
      title: t('trainees.confirmTitle'),
      content: t('trainees.confirmQuestion', { count: selected.length }),
      okText: t('trainees.confirm'),
      cancelText: t('common:action.cancel'),
      onOk: async () => {
        try {
          await confirm.mutateAsync(selected);
          void message.success(t('trainees.confirmed', { count: selected.length }));
          setSelected([]);
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });
  };

  return (
    <div>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          {canNominate && (
            <>
              <Button
                type="primary"
                icon={<TeamOutlined />}
                data-testid="nominate-bulk"
                onClick={() => setNominating('bulk')}
              >
                {t('bulk.open')}
              </Button>
              <Button icon={<UserAddOutlined />} data-testid="nominate-one" onClick={() => setNominating('one')}>
                {t('nominate.open')}
              </Button>
            </>
          )}
          {canConfirm && (
            <Button
              icon={<CheckOutlined />}
              disabled={selected.length === 0}
              onClick={confirmSelected}
              data-testid="trainees-confirm"
            >
              {t('trainees.confirmSelected', { count: selected.length })}
            </Button>
          )}
        </Space>
        <Button
          icon={<DownloadOutlined />}
          loading={dl.busy === 'roster'}
          onClick={() =>
            void dl.run('roster', () => download(routes.training.roster, { params: { id: cls.id }, query: full }))
          }
        >
          {t('trainees.roster')}
        </Button>
      </Flex>
      {cls.status !== 'open' && seats.length > 0 && WITHDRAWABLE.includes(cls.status) && (
        <Typography.Paragraph type="secondary">{t('nominate.notOpen')}</Typography.Paragraph>
      )}
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Input.Search
            allowClear
            placeholder={t('trainees.search')}
            aria-label={t('trainees.search')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              paging.restart();
            }}
          />
        </Col>
        <Col xs={24} sm={12} md={5}>
          <Select
            allowClear
            style={{ width: '100%' }}
            aria-label={t('field.status')}
            placeholder={t('list.allStatuses')}
            value={filter.status}
            onChange={(status?: EnrolmentFilter['status']) => setFilter({ status })}
            options={labelOptions(t, 'enrolmentStatus', enrolmentStatuses)}
          />
        </Col>
        <Col xs={24} sm={12} md={6}>
          <UnitSelect
            aria-label={t('trainees.unitWithin')}
            placeholder={t('trainees.unitWithin')}
            value={filter.unitWithin ?? null}
            onChange={(u) => setFilter({ unitWithin: u ?? undefined })}
          />
        </Col>
        {allocationItems.length > 0 && (
          <Col xs={24} sm={12} md={5}>
            <Select
              allowClear
              style={{ width: '100%' }}
              aria-label={t('field.allocationId')}
              placeholder={t('field.allocationId')}
              value={filter.allocationId}
              onChange={(allocationId?: number) => setFilter({ allocationId })}
              options={allocationItems.map((a) => ({ value: a.id, label: a.unitName }))}
            />
          </Col>
        )}
      </Row>
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <ListTable<Enrolment>
        label={t('tab.trainees')}
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('trainees.none') }}
        pagination={paging.pagination(list.data?.total)}
        rowSelection={
          canConfirm
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (e) => ({ disabled: e.status !== 'nominated', 'aria-label': e.personName }),
              }
            : undefined
        }
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const s = sortOf(sorter);
          const column = s.column ? SORT_BY_COLUMN[s.column] : undefined;
          setFilter({ sort: column, order: column ? s.order : undefined });
        }}
        columns={[
          {
            key: 'name',
            title: t('trainees.name'),
            sorter: true,
            sortOrder: sortOrder('name'),
            render: (_, e) => (
              <Link to="/people/$id" params={{ id: String(e.personId) }}>
                {e.personName}
              </Link>
            ),
          },
          { key: 'birthDate', title: t('trainees.birthDate'), render: (_, e) => formatDate(e.birthDate) },
          { key: 'gender', title: t('trainees.gender'), render: (_, e) => t(`common:gender.${e.gender}`) },
          { key: 'unit', title: t('field.unitId'), dataIndex: 'unitName', sorter: true, sortOrder: sortOrder('unit') },
          { key: 'title', title: t('field.title'), render: (_, e) => (e.title ? t(`common:title.${e.title}`) : '') },
          {
            key: 'seats',
            title: t('field.allocationId'),
            render: (_, e) =>
              e.allocationId === null
                ? t('trainees.organiserSeats')
                : (byAllocation.get(e.allocationId)?.unitName ?? ''),
          },
          {
            key: 'status',
            title: t('field.status'),
            sorter: true,
            sortOrder: sortOrder('status'),
            render: (_, e) => <EnrolmentStatusTag status={e.status} />,
          },
          {
            key: 'waitlist',
            title: t('trainees.waitlistPosition'),
            align: 'right',
            render: (_, e) => e.waitlistPosition ?? '',
          },
          {
            key: 'actions',
            title: '',
            render: (_, e) =>
              mayWithdraw(e) ? (
                <Button size="small" danger onClick={() => setWithdrawing(e)}>
                  {t('withdraw.button')}
                </Button>
              ) : null,
          },
        ]}
      />
      <NominateModal cls={cls} seats={seats} open={nominating === 'one'} onClose={() => setNominating(null)} />
      <BulkNominateModal cls={cls} seats={seats} open={nominating === 'bulk'} onClose={() => setNominating(null)} />
      <WithdrawModal enrolment={withdrawing} onClose={() => setWithdrawing(null)} />
    </div>
  );
}
