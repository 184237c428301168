import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, InputNumber, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { reportName as reportNameSchema, routes, type ReportName } from '@canbo/contract';
import { ApiError, download } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { DATE_FORMAT, toIsoDate } from '../../lib/format';
import { useListSearch } from '../../lib/listSearch';
import { useDownload } from '../../lib/useDownload';
import { OneSchemeSelect } from '../schemes/SchemeSelect';
import { UnitSelect } from '../units/UnitSelect';
import { useReport, useReportList } from './api';
import { DocxExportModal, type DocxValues } from './DocxExportModal';
import { PeriodPresetSelect } from './PeriodPresetSelect';
import { ReportRowsDrawer } from './ReportRowsDrawer';
import { readReportSearch } from './reportSearch';
import { ReportTableView } from './ReportTableView';

/** /reports/$name?unitId=&at=: the report with its parameters as a form, every number opening its rows. */
export function ReportPage() {
  const { t } = useTranslation('reports');
  const raw = useParams({ strict: false, select: (p: Record<string, string | undefined>) => p.name });
  const parsed = reportNameSchema.safeParse(raw);
  const name: ReportName = parsed.success ? parsed.data : 'doi-ngu-can-bo';
  const [search, setSearch] = useListSearch(`/reports/${name}`, readReportSearch);
  const list = useReportList();
  // The rows open on a number are in the address; the report's own parameters are the rest.
  const { cell = null, ...filter } = search;
  const setCell = (c: string | null) => setSearch({ ...filter, ...(c ? { cell: c } : {}) });
  const listed = list.data?.items.find((r) => r.name === name);
  // A scheme's report waits for its scheme.
  const waiting = !listed || (listed.asksScheme && filter.schemeId === undefined);
  const report = useReport(name, filter, !waiting);
  const [docx, setDocx] = useState(false);
  const dl = useDownload();

  if (!parsed.success) return <Alert type="error" showIcon title={t('common:error.notFound')} />;
  const period = listed?.period ?? 'date';
  const date = (key: 'at' | 'from' | 'to') => (
    <DatePicker
      aria-label={t(key)}
      placeholder={t(key)}
      format={DATE_FORMAT}
      value={filter[key] ? dayjs(filter[key]) : report.data?.[key] ? dayjs(report.data[key]) : null}
      onChange={(d) => setSearch({ ...filter, [key]: toIsoDate(d) ?? undefined })}
    />
  );
  const exportDocx = (v: DocxValues) =>
    void dl
      .run('docx', () =>
        download(routes.reports.export, {
          params: { reportName: name },
          query: {
            ...filter,
            format: 'docx',
            number: v.number ?? undefined,
            signerTitle: v.signerTitle || undefined,
            signerName: v.signerName || undefined,
            recipients: v.recipients || undefined,
          },
        }),
      )
      .then((ok) => ok && setDocx(false));

  const error = report.data ? null : report.error;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Link to="/reports">
          <Space size={4} style={{ marginBottom: 8 }}>
            <ArrowLeftOutlined />
            {t('back')}
          </Space>
        </Link>
        <Flex wrap justify="space-between" align="center" gap={8}>
          <Space wrap>
            {listed?.asksScheme ? (
              <OneSchemeSelect
                aria-label={t('scheme')}
                placeholder={t('schemePick')}
                value={filter.schemeId ?? null}
                onChange={(schemeId) => setSearch({ ...filter, schemeId: schemeId ?? undefined })}
                // A scheme's name is long: the field keeps its width and shortens the name, on a phone too.
                style={{ width: 'min(480px, calc(100vw - 64px))' }}
              />
            ) : (
              <UnitSelect
                aria-label={t('unit')}
                placeholder={t('unitDefault')}
                allowClear
                value={filter.unitId ?? null}
                onChange={(unitId) => setSearch({ ...filter, unitId: unitId ?? undefined })}
                style={{ minWidth: 260 }}
              />
            )}
            {period === 'range' && (
              <PeriodPresetSelect
                from={filter.from ?? report.data?.from ?? undefined}
                to={filter.to ?? report.data?.to ?? undefined}
                onChange={(p) => setSearch({ ...filter, ...p })}
              />
            )}
            {period === 'date' ? date('at') : [date('from'), date('to')]}
            {listed?.asksRounded && (
              <Checkbox
                checked={filter.rounded === 'true'}
                onChange={(e) => setSearch({ ...filter, rounded: e.target.checked ? 'true' : undefined })}
              >
                {t('rounded')}
              </Checkbox>
            )}
            {listed?.asksMonths && (
              <InputNumber
                aria-label={t('months')}
                placeholder={t('monthsDefault')}
                style={{ width: 240 }}
                min={1}
                max={120}
                precision={0}
                value={filter.months ?? null}
                onChange={(months) => setSearch({ ...filter, months: months ?? undefined })}
              />
            )}
          </Space>
          <Space wrap>
            <Button
              icon={<FileExcelOutlined />}
              loading={dl.busy === 'xlsx'}
              disabled={!report.data}
              onClick={() =>
                void dl.run('xlsx', () =>
                  download(routes.reports.export, {
                    params: { reportName: name },
                    query: { ...filter, format: 'xlsx' },
                  }),
                )
              }
            >
              {t('exportXlsx')}
            </Button>
            <Button icon={<FileWordOutlined />} disabled={!report.data} onClick={() => setDocx(true)}>
              {t('exportDocx')}
            </Button>
          </Space>
        </Flex>
      </Card>
      {listed?.asksScheme && filter.schemeId === undefined && <Alert type="info" showIcon title={t('schemeFirst')} />}
      {report.isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error instanceof ApiError && error.status === 404 ? t('common:error.notFound') : errorMessage(error)}
        />
      )}
      {report.data && (
        <Card size="small">
          {report.data.title.map((line, i) => (
            <Typography.Title key={i} level={i === 0 ? 4 : 5} style={{ textAlign: 'center', marginTop: 0 }}>
              {line}
            </Typography.Title>
          ))}
          {report.data.paragraphs?.map((text, i) => (
            <Typography.Paragraph key={i} style={{ textAlign: 'justify', textIndent: 24 }}>
              {text}
            </Typography.Paragraph>
          ))}
          {report.data.tables.map((table, i) => (
            <ReportTableView key={i} table={table} onOpen={setCell} />
          ))}
          {report.data.notes.map((n, i) => (
            <Typography.Paragraph key={i} type="secondary" italic style={{ marginTop: 8, marginBottom: 0 }}>
              {n}
            </Typography.Paragraph>
          ))}
        </Card>
      )}
      <ReportRowsDrawer name={name} filter={filter} cell={cell} onClose={() => setCell(null)} />
      <DocxExportModal open={docx} busy={dl.busy === 'docx'} onCancel={() => setDocx(false)} onOk={exportDocx} />
    </Space>
  );
}
