import { useState } from 'react';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Flex,
  Input,
  Progress,
  Select,
  Space,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import {
  FilePdfOutlined,
  FileZipOutlined,
  PrinterOutlined,
  LinkOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fetchFile, serverFileName } from '../../../api/client';
import { certificateStatuses, type Certificate, type TrainingClass, routes } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { labelOptions, SIGNER_TITLES } from '../labels';
import { formatDate } from '../../../lib/format';
import { usePaging } from '../../../lib/paging';
import {
  countIssuable,
  downloadCertificatePdf,
  useCertificates,
  verifyPath,
  type CertificateStatus,
  type Signer,
} from './api';
import { saveWithProgress, type Progress as Received } from './downloadWithProgress';
import { PatternCard } from './PatternCard';
import { IssueModal } from './IssueModal';
import { RevokeModal } from './RevokeModal';
import { certifying } from '../results/classStates';
import { pagedTable } from '../results/listing';
import { ListTable } from '../../../lib/ListTable';

/**
 * Certificates of a class: issue them to every completed trainee who has none (dated today, or on a
 * given day when issued late: IssueModal), download one PDF or
 * all as a ZIP, revoke with a reason, open the public verification page; and the issuing unit's
 * numbering pattern.
 */
export function CertificatesTab({ cls }: { cls: TrainingClass }) {
  const { t } = useTranslation('trainingResults');
  const { message } = App.useApp();
  const editable = cls.canManage;
  const paging = usePaging(50);
  const [status, setStatus] = useState<CertificateStatus | undefined>();
  const list = useCertificates(cls.id, { page: paging.page, pageSize: paging.pageSize, status });
  const [counting, setCounting] = useState(false);
  const [zip, setZip] = useState<Received | null>(null);
  const [pdf, setPdf] = useState<number | null>(null);
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const [signerName, setSignerName] = useState('');
  const [signerTitle, setSignerTitle] = useState('BÍ THƯ');
  // Printed under "TM. BAN THƯỜNG VỤ" on every certificate downloaded from here.
  const signer: Signer = {
    signerName: signerName.trim() || undefined,
    signerTitle: signerTitle.trim() || undefined,
  };
  /** How many would get one, while the issuing dialog is open. */
  const [issuing, setIssuing] = useState<number | null>(null);

  const askIssue = async () => {
    setCounting(true);
    let count: number;
    try {
      count = await countIssuable(cls.id);
    } catch (err) {
      void message.error(errorMessage(err));
      return;
    } finally {
      setCounting(false);
    }
    if (!count) {
      void message.info(t('certificates.noneToIssue'));
      return;
    }
    setIssuing(count);
  };

  /** All of the class's certificates: one PDF each in a ZIP, or one PDF to print. */
  const downloadAll = async (as: 'zip' | 'pdf') => {
    setZip({ received: 0, total: null });
    try {
      const route = as === 'zip' ? routes.training.zip : routes.training.printAll;
      const res = await fetchFile(route, { params: { id: cls.id }, query: signer });
      await saveWithProgress(res, serverFileName(res) ?? `giay-chung-nhan.${as}`, setZip);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setZip(null);
    }
  };

  const downloadPdf = async (c: Certificate) => {
    setPdf(c.id);
    try {
      await downloadCertificatePdf(c.id, c.number, signer);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setPdf(null);
    }
  };

  const columns: TableColumnsType<Certificate> = [
    {
      key: 'number',
      title: t('certificates.number'),
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{c.number}</span>,
    },
    { key: 'person', title: t('attendance.trainee'), dataIndex: 'personName' },
    { key: 'issuedAt', title: t('certificates.issuedAt'), width: 120, render: (_, c) => formatDate(c.issuedOn) },
    {
      key: 'status',
      title: t('certificates.status'),
      width: 150,
      render: (_, c) =>
        c.status === 'revoked' ? (
          <Tooltip title={t('certificates.revokedOn', { date: formatDate(c.revokedAt), reason: c.revokeReason ?? '' })}>
            <Tag color="red">{t('training:certStatus.revoked')}</Tag>
          </Tooltip>
        ) : (
          <Tag color="green">{t('training:certStatus.valid')}</Tag>
        ),
    },
    {
      key: 'actions',
      render: (_, c) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            loading={pdf === c.id}
            onClick={() => void downloadPdf(c)}
            data-testid={`cert-pdf-${c.id}`}
          >
            PDF
          </Button>
          <Button
            size="small"
            type="link"
            icon={<LinkOutlined />}
            href={verifyPath(c.verifyCode)}
            target="_blank"
            rel="noreferrer"
            data-testid={`cert-verify-${c.id}`}
          >
            {t('certificates.verify')}
          </Button>
          {editable && c.status === 'valid' && (
            <Button
              size="small"
              danger
              icon={<StopOutlined />}
              onClick={() => setRevoking(c)}
              data-testid={`cert-revoke-${c.id}`}
            >
              {t('certificates.revoke')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PatternCard unitId={cls.organiserUnitId} unitName={cls.organiserUnitName} editable={editable} />
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Select<CertificateStatus>
          allowClear
          placeholder={t('certificates.allStatuses')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            paging.restart();
          }}
          options={labelOptions(t, 'certStatus', certificateStatuses)}
          style={{ width: 200 }}
          aria-label={t('certificates.status')}
        />
        <Space wrap>
          <Input
            value={signerName}
            onChange={(e) => setSignerName(e.target.value)}
            placeholder={t('certificates.signerName')}
            aria-label={t('certificates.signerName')}
            maxLength={100}
            style={{ width: 240 }}
            data-testid="cert-signer-name"
          />
          <AutoComplete
            value={signerTitle}
            onChange={setSignerTitle}
            options={SIGNER_TITLES.map((value) => ({ value }))}
            placeholder={t('certificates.signerTitle')}
            aria-label={t('certificates.signerTitle')}
            maxLength={60}
            style={{ width: 160 }}
          />
          {editable && (
            <Tooltip title={certifying(cls.status) ? null : t('certificates.notEnded')}>
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                disabled={!certifying(cls.status)}
                loading={counting}
                onClick={() => void askIssue()}
                data-testid="cert-issue"
              >
                {t('certificates.issue')}
              </Button>
            </Tooltip>
          )}
          <Button
            icon={<FileZipOutlined />}
            disabled={!list.data?.total || !!zip}
            onClick={() => void downloadAll('zip')}
            data-testid="cert-zip"
          >
            {t('certificates.zip')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            disabled={!list.data?.total || !!zip}
            onClick={() => void downloadAll('pdf')}
            data-testid="cert-print"
          >
            {t('certificates.print')}
          </Button>
        </Space>
      </Flex>
      {zip && (
        <div data-testid="cert-zip-progress" style={{ marginBottom: 12 }}>
          {zip.total ? (
            <Progress
              percent={Math.floor((zip.received * 100) / zip.total)}
              size="small"
              aria-label={t('certificates.zipReceived', { size: (zip.received / 1024 / 1024).toFixed(1) })}
            />
          ) : (
            <Space>
              <Spin size="small" />
              <Typography.Text>
                {zip.received
                  ? t('certificates.zipReceived', { size: (zip.received / 1024 / 1024).toFixed(1) })
                  : t('certificates.zipPreparing')}
              </Typography.Text>
            </Space>
          )}
        </div>
      )}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <ListTable<Certificate>
        label={t('training:tab.certificates')}
        rowKey="id"
        columns={columns}
        {...pagedTable(list, paging.pagination, t('certificates.empty'))}
      />
      {editable && <RevokeModal certificate={revoking} onClose={() => setRevoking(null)} />}
      {editable && <IssueModal classId={cls.id} count={issuing} onClose={() => setIssuing(null)} />}
    </div>
  );
}
