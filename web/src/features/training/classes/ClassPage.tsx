import { lazy, Suspense, type ReactNode } from 'react';
import { Alert, Card, Space, Spin } from 'antd';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../lib/errors';
import { AllocationsTab } from '../allocations/AllocationsTab';
import { TraineesTab } from '../enrolments/TraineesTab';
import { SessionsTab } from '../sessions/SessionsTab';
import { useClass } from './api';
import { ClassHeader } from './ClassHeader';
import { ClassInfoTab } from './ClassInfoTab';
import { readClassPageSearch, tabsFor, type ClassTab } from './classSearch';
import { HeadcountView } from './HeadcountView';
import { PageTabs } from '../../../app/PageTabs';

// Attendance, results and certificates are their own chunks: a unit editor who nominates never loads them.
const AttendanceTab = lazy(() => import('../attendance/AttendanceTab').then((m) => ({ default: m.AttendanceTab })));
const ResultsTab = lazy(() => import('../results/ResultsTab').then((m) => ({ default: m.ResultsTab })));
const CertificatesTab = lazy(() =>
  import('../certificates/CertificatesTab').then((m) => ({ default: m.CertificatesTab })),
);

const lazyTab = (node: ReactNode) => <Suspense fallback={<Spin style={{ margin: 24 }} />}>{node}</Suspense>;

/** /training/classes/$id: the class header and its tabs; the open tab is in the address (?tab=…). */
export function ClassPage() {
  const { t } = useTranslation('training');
  const navigate = useNavigate();
  const id = Number(useParams({ strict: false, select: (p: Record<string, string | undefined>) => p.id }));
  const search = readClassPageSearch(useSearch({ strict: false }));
  const q = useClass(id);

  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.error || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return <Alert type="error" showIcon title={notFound ? t('common:error.notFound') : errorMessage(q.error)} />;
  }
  const cls = q.data;
  const tabs = tabsFor(cls);
  const active = search.tab && tabs.includes(search.tab) ? search.tab : 'info';
  const content: Record<ClassTab, () => ReactNode> = {
    info: () => <ClassInfoTab cls={cls} onReload={() => q.refetch()} />,
    sessions: () => <SessionsTab cls={cls} />,
    allocations: () => <AllocationsTab cls={cls} />,
    trainees: () => <TraineesTab cls={cls} />,
    headcount: () => (cls.headcount ? <HeadcountView headcount={cls.headcount} /> : null),
    attendance: () => lazyTab(<AttendanceTab cls={cls} />),
    results: () => lazyTab(<ResultsTab cls={cls} />),
    certificates: () => lazyTab(<CertificatesTab cls={cls} />),
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ClassHeader cls={cls} />
      <Card size="small">
        <PageTabs
          destroyOnHidden
          activeKey={active}
          onChange={(key) =>
            void navigate({
              to: '/training/classes/$id',
              params: { id: String(cls.id) },
              search: key === 'info' ? {} : { tab: key },
              replace: true,
            })
          }
          items={tabs.map((key) => ({
            key,
            label: <span data-testid={`class-tab-${key}`}>{t(`tab.${key}`)}</span>,
            children: key === active ? content[key]() : null,
          }))}
        />
      </Card>
    </Space>
  );
}
