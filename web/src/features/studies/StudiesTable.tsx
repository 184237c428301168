import { useState } from 'react';
import { Button, Dropdown, Space, Tag, type TablePaginationConfig, type TableProps } from 'antd';
import { EditOutlined, MoreOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { studyActions, studyTransitions, type Study, type StudyAction } from '@canbo/contract';
import { formatDate } from '../../lib/format';
import { StudyFormModal } from './StudyFormModal';
import { StudyTransitionModal } from './StudyTransitionModal';
import { ListTable } from '../../lib/ListTable';

export const STATUS_COLOR: Record<Study['studyStatus'], string> = {
  studying: 'blue',
  extended: 'orange',
  graduated: 'green',
  withdrawn: 'default',
};

type Column = 'person' | 'unit';

/** Studies with their workflow steps and an edit button on the rows the actor may change. */
export function StudiesTable({
  rows,
  loading,
  pagination,
  onChange,
  sortOrder,
  show = ['person', 'unit'],
}: {
  rows: Study[];
  loading: boolean;
  pagination: TablePaginationConfig;
  onChange?: TableProps<Study>['onChange'];
  /** antd's arrow for a sortable column key, when the list sorts on the server. */
  sortOrder?: (column: string) => 'ascend' | 'descend' | null;
  show?: Column[];
}) {
  const { t } = useTranslation('studies');
  const [editing, setEditing] = useState<Study | null>(null);
  const [stepping, setStepping] = useState<{ study: Study; action: StudyAction } | null>(null);
  const f = (name: string) => t(`field.${name}`);
  const sortable = (key: string) => (sortOrder ? { sorter: true, sortOrder: sortOrder(key) } : {});

  const columns: TableProps<Study>['columns'] = [
    ...(show.includes('person')
      ? [
          {
            title: f('personId'),
            key: 'person',
            fixed: 'left' as const,
            ...sortable('person'),
            render: (_: unknown, s: Study) => (
              <Link to="/people/$id" params={{ id: String(s.personId) }}>
                {s.personName}
              </Link>
            ),
          },
        ]
      : []),
    ...(show.includes('unit') ? [{ title: f('unitId'), dataIndex: 'unitName', key: 'unit' }] : []),
    {
      title: f('studyKind'),
      key: 'studyKind',
      render: (_, s) => (
        <Link to="/studies/$id" params={{ id: String(s.id) }}>
          {t(`common:studyKind.${s.studyKind}`)}
        </Link>
      ),
    },
    { title: f('institution'), dataIndex: 'institution', key: 'institution' },
    {
      title: f('startDate'),
      key: 'startDate',
      ...sortable('startDate'),
      render: (_, s) => formatDate(s.startDate),
    },
    {
      title: f('expectedEndDate'),
      key: 'expectedEndDate',
      ...sortable('expectedEndDate'),
      render: (_, s) => formatDate(s.expectedEndDate),
    },
    {
      title: f('studyStatus'),
      key: 'studyStatus',
      render: (_, s) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLOR[s.studyStatus]}>{t(`common:studyStatus.${s.studyStatus}`)}</Tag>
          {s.endDate && <span>{formatDate(s.endDate)}</span>}
          {s.diplomaGrade && <span>{t(`common:diplomaGrade.${s.diplomaGrade}`)}</span>}
        </Space>
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      render: (_, s) => {
        if (!s.canEdit) return null;
        const steps = studyActions.filter((a) => studyTransitions[a].from.includes(s.studyStatus));
        return (
          <Space size={4}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={t('editTitle')}
              title={t('editTitle')}
              onClick={() => setEditing(s)}
            />
            {steps.length > 0 && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: steps.map((a) => ({ key: a, label: t(`step.${a}`), danger: a === 'withdraw' })),
                  onClick: ({ key }) => setStepping({ study: s, action: key as StudyAction }),
                }}
              >
                <Button size="small" icon={<MoreOutlined />} aria-label={t('actions')} />
              </Dropdown>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <ListTable<Study>
        label={t('listTitle')}
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: t('empty') }}
        pagination={pagination}
        onChange={onChange}
        columns={columns}
      />
      <StudyFormModal open={editing !== null} study={editing} onClose={() => setEditing(null)} />
      <StudyTransitionModal
        study={stepping?.study ?? null}
        action={stepping?.action ?? null}
        onClose={() => setStepping(null)}
      />
    </>
  );
}
