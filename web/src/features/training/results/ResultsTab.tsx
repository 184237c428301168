import { useMemo, useState } from 'react';
import { Alert, App, Button, Flex, InputNumber, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { grades, type Enrolment, type TrainingClass } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { labelOptions } from '../labels';
import { useSaveResults, useSeatedEnrolments, type ResultEdit } from './api';
import { CompletionRule } from './CompletionRule';
import { OverrideModal } from './OverrideModal';
import { recording } from './classStates';
import { pagedTable, TraineeSearch, useSearchPaging } from './listing';
import { ListTable } from '../../../lib/ListTable';

/**
 * Scores, grades and outcomes of the seated trainees. Edits stay local until one Save; the server
 * then applies the completion rule. Staff may override an outcome with a reason.
 */
export function ResultsTab({ cls }: { cls: TrainingClass }) {
  const { t } = useTranslation('trainingResults');
  const { message } = App.useApp();
  const editable = cls.canManage && recording(cls.status);
  const paging = useSearchPaging(50);
  const list = useSeatedEnrolments(cls.id, paging.query);
  const save = useSaveResults(cls.id);
  const [edits, setEdits] = useState<ReadonlyMap<number, ResultEdit>>(new Map());
  const [overriding, setOverriding] = useState<Enrolment | null>(null);
  const gradeOptions = useMemo(() => labelOptions(t, 'grade', grades), [t]);

  /** Record a change; a value set back to the server's is no change. */
  const edit = (e: Enrolment, patch: ResultEdit) =>
    setEdits((prev) => {
      const next = new Map(prev);
      const merged: ResultEdit = { ...next.get(e.id), ...patch };
      if (merged.score !== undefined && merged.score === e.score) delete merged.score;
      if (merged.grade !== undefined && merged.grade === e.grade) delete merged.grade;
      if (Object.keys(merged).length) next.set(e.id, merged);
      else next.delete(e.id);
      return next;
    });
  const shown = <K extends keyof ResultEdit>(e: Enrolment, k: K) => {
    const v = edits.get(e.id)?.[k];
    return v === undefined ? e[k] : v;
  };

  const columns: TableColumnsType<Enrolment> = [
    {
      key: 'person',
      title: t('attendance.trainee'),
      render: (_, e) => (
        <div>
          <Typography.Text strong>{e.personName}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.unitName}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'attendance',
      title: t('attendance.percent'),
      align: 'right',
      width: 100,
      render: (_, e) => (e.attendancePercent === null ? '—' : `${e.attendancePercent}%`),
    },
    {
      key: 'score',
      title: t('results.score'),
      width: 120,
      render: (_, e) =>
        editable ? (
          <InputNumber<number>
            min={0}
            max={10}
            step={0.1}
            value={shown(e, 'score')}
            onChange={(v) => edit(e, { score: v ?? null })}
            aria-label={`${t('results.score')} — ${e.personName}`}
            data-testid={`res-score-${e.id}`}
            style={{ width: 90 }}
          />
        ) : (
          (e.score ?? '—')
        ),
    },
    {
      key: 'grade',
      title: t('results.grade'),
      width: 160,
      render: (_, e) =>
        editable ? (
          <Select
            allowClear
            value={shown(e, 'grade') ?? undefined}
            onChange={(v) => edit(e, { grade: v ?? null })}
            options={gradeOptions}
            placeholder="—"
            aria-label={`${t('results.grade')} — ${e.personName}`}
            data-testid={`res-grade-${e.id}`}
            style={{ width: 140 }}
          />
        ) : e.grade ? (
          t(`training:grade.${e.grade}`)
        ) : (
          '—'
        ),
    },
    {
      key: 'outcome',
      title: t('results.outcome'),
      render: (_, e) => (
        <Space size={4} wrap>
          {e.outcome ? (
            <Tag color={e.outcome === 'completed' ? 'green' : 'default'}>{t(`training:outcome.${e.outcome}`)}</Tag>
          ) : (
            '—'
          )}
          {e.outcomeOverridden && (
            <Tooltip title={e.overrideReason}>
              <Tag color="orange" data-testid={`res-overridden-${e.id}`}>
                {t('results.overridden')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            width: 120,
            render: (_: unknown, e: Enrolment) => (
              <Button size="small" onClick={() => setOverriding(e)} data-testid={`res-override-${e.id}`}>
                {t('override.open')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const submit = () =>
    save.mutate(edits, {
      onSuccess: (res) => {
        setEdits(new Map());
        void message.success(t('results.saved', { count: res.changed }));
      },
      onError: (err) => void message.error(errorMessage(err)),
    });

  return (
    <div>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={<CompletionRule rule={cls.completionRule} />} />
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <TraineeSearch value={paging.search} onChange={paging.setSearch} />
        {editable && (
          <Space>
            {edits.size > 0 && (
              <Typography.Text type="warning" data-testid="res-unsaved">
                {t('results.unsaved', { count: edits.size })}
              </Typography.Text>
            )}
            <Button onClick={() => setEdits(new Map())} disabled={!edits.size || save.isPending}>
              {t('attendance.discard')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={!edits.size}
              loading={save.isPending}
              onClick={submit}
              data-testid="res-save"
            >
              {t('common:action.save')}
            </Button>
          </Space>
        )}
      </Flex>
      {cls.canManage && !editable && (
        <Alert type="info" showIcon title={t('results.notRecording')} style={{ marginBottom: 12 }} />
      )}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <ListTable<Enrolment>
        label={t('training:tab.results')}
        rowKey="id"
        columns={columns}
        {...pagedTable(list, paging.pagination, t('attendance.empty'))}
      />
      {editable && <OverrideModal enrolment={overriding} onClose={() => setOverriding(null)} />}
    </div>
  );
}
