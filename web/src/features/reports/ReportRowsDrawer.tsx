import { useState } from 'react';
import { Alert, Drawer, Flex, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { routes, type ReportName, type ReportRowItem } from '@canbo/contract';
import { download } from '../../api/client';
import { ExportButton } from '../../app/ExportButton';
import { errorMessage } from '../../lib/errors';
import { useListPagination } from '../../lib/paging';
import { useReportRows, type ReportFilter } from './api';
import { ListTable } from '../../lib/ListTable';

const PAGE_SIZE = 50;

/** The rows behind one number of a report: who they are, paged, and their .xlsx. */
export function ReportRowsDrawer({
  name,
  filter,
  cell,
  onClose,
}: {
  name: ReportName;
  filter: ReportFilter;
  cell: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('reports');
  const [page, setPage] = useState({ page: 1, pageSize: PAGE_SIZE, cell });
  // A new number opens on its first page.
  const current = page.cell === cell ? page : { page: 1, pageSize: page.pageSize, cell };
  const rows = useReportRows(name, filter, cell, current.page, current.pageSize);
  const listPagination = useListPagination();
  const data = rows.data;
  return (
    <Drawer
      open={cell !== null}
      onClose={onClose}
      size="large"
      title={data ? t('rowsTitle', { label: data.label }) : ' '}
      destroyOnHidden
    >
      {rows.error && !data && <Alert type="error" showIcon title={errorMessage(rows.error)} />}
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text strong>
          {data
            ? t(
                data.counting === 'classes'
                  ? 'rowsCountClasses'
                  : data.counting === 'entries' || !data.items.every((i) => i.personId)
                    ? 'rowsCountRecords'
                    : 'rowsCount',
                { count: data.total },
              )
            : ''}
        </Typography.Text>
        <ExportButton
          disabled={!cell}
          onExport={() =>
            download(routes.reports.rowsExport, { params: { reportName: name }, query: { ...filter, cell: cell! } })
          }
        />
      </Flex>
      <ListTable<ReportRowItem>
        label={data ? t('rowsTitle', { label: data.label }) : ''}
        rowKey={(r) => String(r.personId ?? JSON.stringify(r.values))}
        size="small"
        loading={rows.isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('rowsEmpty') }}
        pagination={listPagination(current.page, current.pageSize, data?.total)}
        onChange={(pg) => setPage({ page: pg.current ?? 1, pageSize: pg.pageSize ?? PAGE_SIZE, cell })}
        columns={(data?.columns ?? []).map((c, i) => ({
          key: c.key,
          title: c.header,
          render: (_: unknown, r: ReportRowItem) =>
            i === 0 && r.personId ? (
              <Link to="/people/$id" params={{ id: String(r.personId) }}>
                {r.values[i]}
              </Link>
            ) : (
              r.values[i]
            ),
        }))}
      />
    </Drawer>
  );
}
