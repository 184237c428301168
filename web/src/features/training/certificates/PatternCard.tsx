import { useState } from 'react';
import { App, Button, Card, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { certificateNumberOf, certificatePatternIssue, DEFAULT_CERTIFICATE_PATTERN } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { useCertificatePattern, useSaveCertificatePattern } from './api';

/**
 * How the issuing unit numbers its certificates, with the number the next one will take; managers
 * edit the pattern and see the example change as they type.
 */
export function PatternCard({ unitId, unitName, editable }: { unitId: number; unitName: string; editable: boolean }) {
  const { t } = useTranslation('trainingResults');
  const { message } = App.useApp();
  const q = useCertificatePattern(unitId);
  const save = useSaveCertificatePattern(unitId);
  const [draft, setDraft] = useState<string | null>(null);
  const current = q.data?.pattern ?? DEFAULT_CERTIFICATE_PATTERN;
  const pattern = draft ?? current;
  const trimmed = pattern.trim();
  // the contract's bounds first, then what the server would say about the tokens
  const issue = certificatePatternIssue(trimmed);
  const problem =
    trimmed.length < 5 || trimmed.length > 60
      ? t('pattern.length')
      : issue && t(`pattern.problem.${issue.problem}`, { token: 'token' in issue ? issue.token : '' });
  const valid = problem === null;
  const example = certificateNumberOf(trimmed, {
    seq: q.data?.nextSeq ?? 1,
    year: new Date().getFullYear(),
    unitCode: q.data?.unitCode ?? '',
  });

  const submit = () =>
    save.mutate(
      { version: q.data?.version ?? 0, pattern: trimmed },
      {
        onSuccess: () => {
          setDraft(null);
          void message.success(t('pattern.saved'));
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  return (
    <Card
      size="small"
      title={t('pattern.title', { unit: unitName })}
      loading={q.isLoading}
      style={{ marginBottom: 12 }}
    >
      {editable ? (
        <Space wrap align="start">
          <Input
            value={pattern}
            onChange={(e) => setDraft(e.target.value)}
            status={valid ? undefined : 'error'}
            aria-label={t('pattern.label')}
            data-testid="cert-pattern"
            style={{ width: 260 }}
            maxLength={60}
          />
          <Button type="primary" disabled={draft === null || !valid} loading={save.isPending} onClick={submit}>
            {t('common:action.save')}
          </Button>
          {draft !== null && <Button onClick={() => setDraft(null)}>{t('common:action.cancel')}</Button>}
        </Space>
      ) : (
        <Typography.Text code>{current}</Typography.Text>
      )}
      <div style={{ marginTop: 8 }}>
        {valid ? (
          <Typography.Text>
            {t('pattern.next')}{' '}
            <Typography.Text strong data-testid="cert-pattern-example">
              {example}
            </Typography.Text>
          </Typography.Text>
        ) : (
          <Typography.Text type="danger" data-testid="cert-pattern-problem">
            {t('pattern.invalid', { problem })}
          </Typography.Text>
        )}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('pattern.help')}
        </Typography.Text>
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20, fontSize: 12 }} data-testid="cert-pattern-tokens">
          {(['seq', 'seqPadded', 'year', 'unit'] as const).map((k) => (
            <li key={k}>
              <Typography.Text code>{t(`pattern.token.${k}`)}</Typography.Text> {t(`pattern.tokenMeaning.${k}`)}
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
