import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Progress, Row, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Scheme, SchemeTarget, TargetProgress } from '@canbo/contract';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useScheme, useSchemeProgress } from './api';
import { figureText, StatusTag, strokeColor } from './progress';
import { SchemeFormModal } from './SchemeFormModal';
import { ListTable } from '../../lib/ListTable';

/** /schemes/$id: the scheme, and each target's live progress; every figure opens the rows behind it. */
export function SchemePage() {
  const { t } = useTranslation('schemes');
  const id = Number(useParams({ strict: false, select: (p: Record<string, string | undefined>) => p.id }));
  const q = useScheme(id);
  const progress = useSchemeProgress(id);
  const [editing, setEditing] = useState(false);

  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.error || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return <Alert type="error" showIcon title={notFound ? t('common:error.notFound') : errorMessage(q.error)} />;
  }
  const s = q.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <SchemeHeader scheme={s} onEdit={() => setEditing(true)} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('progress.title')}
      </Typography.Title>
      {progress.error && <Alert type="error" showIcon title={errorMessage(progress.error)} />}
      {progress.isLoading && <Spin style={{ display: 'block', margin: 24 }} />}
      {progress.data && (
        <>
          <Typography.Text type="secondary">
            {t('progress.asOf', {
              date: formatDate(progress.data.asOf),
              percent: progress.data.elapsedPercent.toLocaleString('vi-VN'),
            })}
          </Typography.Text>
          {progress.data.targets.length === 0 && <Empty description={t('progress.noTargets')} />}
          {progress.data.targets.map((p) => (
            <TargetCard key={p.targetId} scheme={s} progress={p} target={s.targets.find((x) => x.id === p.targetId)} />
          ))}
        </>
      )}
      <SchemeFormModal open={editing} scheme={editing ? s : null} onClose={() => setEditing(false)} />
    </Space>
  );
}

function SchemeHeader({ scheme: s, onEdit }: { scheme: Scheme; onEdit: () => void }) {
  const { t } = useTranslation('schemes');
  const decision = [s.decision, formatDate(s.decisionDate)].filter(Boolean).join(', ');
  return (
    <Card size="small">
      <Link to="/schemes">
        <Space size={4} style={{ marginBottom: 8 }}>
          <ArrowLeftOutlined />
          {t('listTitle')}
        </Space>
      </Link>
      <Flex wrap justify="space-between" align="flex-start" gap={12}>
        <div style={{ minWidth: 0, flex: '1 1 300px' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {s.name}
          </Typography.Title>
          <Space wrap size={4} style={{ marginTop: 4 }}>
            <Tag>{s.code}</Tag>
            <Typography.Text type="secondary">
              {[s.issuingUnitName, `${t('field.period')} ${s.startYear}–${s.endYear}`, decision]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </Space>
          {s.description && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, whiteSpace: 'pre-line' }}>
              {s.description}
            </Typography.Paragraph>
          )}
          <div>
            <Typography.Text type="secondary">
              {t('linkedCounts', { classes: s.linkedClasses, studies: s.linkedStudies })}
            </Typography.Text>
          </div>
        </div>
        <Space wrap>
          {/* The same figures as the report frame's document, with its .xlsx and .docx. */}
          <Link to="/reports/$name" params={{ name: 'tien-do-de-an' }} search={{ schemeId: s.id }}>
            <Button icon={<FileTextOutlined />}>{t('progressReport')}</Button>
          </Link>
          {s.canEdit && (
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t('common:action.edit')}
            </Button>
          )}
        </Space>
      </Flex>
    </Card>
  );
}

/** What a target counts by, in words: its filters as tags. */
function Filters({ target }: { target: SchemeTarget }) {
  const { t } = useTranslation('schemes');
  const tags = [
    target.kindName,
    target.title && t(`common:title.${target.title}`),
    target.organiserLevel && t(`training:classLevel.${target.organiserLevel}`),
    target.unitName,
    ...(target.studyKinds ?? []).map((k) => t(`common:studyKind.${k}`)),
    target.withinMonths !== null && `${t('target.withinMonths')}: ${target.withinMonths}`,
    target.linkedOnly && t('target.linkedOnly'),
  ].filter((x): x is string => typeof x === 'string' && x !== '');
  if (!tags.length) return null;
  return (
    <Space wrap size={4} style={{ marginBottom: 8 }}>
      {tags.map((x) => (
        <Tag key={x} variant="filled">
          {x}
        </Tag>
      ))}
    </Space>
  );
}

function TargetCard({
  scheme,
  progress: p,
  target,
}: {
  scheme: Scheme;
  progress: TargetProgress;
  target: SchemeTarget | undefined;
}) {
  const { t } = useTranslation('schemes');
  const params = { id: String(scheme.id), targetId: String(p.targetId) };
  const figure = (cell: { actual: number; target: number | null }, search: Record<string, number>, testId: string) => (
    <Link to="/schemes/$id/targets/$targetId" params={params} search={search} data-testid={testId}>
      {figureText(cell, p.isShare)}
    </Link>
  );
  const shareOf = (c: { numerator: number | null; denominator: number | null }) =>
    p.isShare && c.numerator !== null && c.denominator !== null
      ? t('progress.share', { numerator: c.numerator, denominator: c.denominator })
      : null;
  const target$ = (v: number | null) =>
    v === null ? (
      <Typography.Text type="secondary">{t('progress.noTarget')}</Typography.Text>
    ) : (
      figureText({ actual: v, target: null }, p.isShare)
    );

  const title = target?.label ?? t(`metric.${p.metric}`);
  return (
    <Card
      size="small"
      data-testid="target-progress"
      title={<span style={{ whiteSpace: 'normal' }}>{title}</span>}
      extra={<StatusTag status={p.status} />}
    >
      {target && <Filters target={target} />}
      <Row gutter={[16, 8]} align="middle">
        <Col xs={24} md={8}>
          <Typography.Text type="secondary">{t('progress.overall')}</Typography.Text>
          <div style={{ fontSize: 24, fontWeight: 600 }}>{figure(p, {}, 'figure-overall')}</div>
          {shareOf(p) && <Typography.Text type="secondary">{shareOf(p)}</Typography.Text>}
        </Col>
        <Col xs={24} md={16}>
          <Progress
            percent={Math.min(100, p.percent ?? 0)}
            strokeColor={strokeColor(p.status)}
            aria-label={target?.label ?? t(`metric.${p.metric}`)}
            format={() => (p.percent === null ? '' : `${p.percent.toLocaleString('vi-VN')}%`)}
          />
        </Col>
      </Row>
      {p.years.length > 0 && (
        <ListTable
          label={`${title} · ${t('progress.year')}`}
          style={{ marginTop: 12 }}
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={p.years}
          columns={[
            { key: 'year', title: t('progress.year'), dataIndex: 'year' },
            { key: 'target', title: t('progress.target'), align: 'right', render: (_, y) => target$(y.target) },
            {
              key: 'actual',
              title: t('progress.actual'),
              align: 'right',
              render: (_, y) => figure({ actual: y.actual, target: null }, { year: y.year }, `figure-${y.year}`),
            },
            { key: 'status', title: t('progress.status'), render: (_, y) => <StatusTag status={y.status} /> },
          ]}
        />
      )}
      {p.units.length > 0 && (
        <ListTable
          label={`${title} · ${t('progress.unit')}`}
          style={{ marginTop: 12 }}
          rowKey="unitId"
          size="small"
          pagination={false}
          dataSource={p.units}
          columns={[
            { key: 'unit', title: t('progress.unit'), dataIndex: 'unitName' },
            { key: 'target', title: t('progress.target'), align: 'right', render: (_, u) => target$(u.target) },
            {
              key: 'actual',
              title: t('progress.actual'),
              align: 'right',
              render: (_, u) => figure({ actual: u.actual, target: null }, { unitId: u.unitId }, 'figure-unit'),
            },
            { key: 'status', title: t('progress.status'), render: (_, u) => <StatusTag status={u.status} /> },
          ]}
        />
      )}
    </Card>
  );
}
