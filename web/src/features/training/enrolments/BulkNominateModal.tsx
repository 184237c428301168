import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Form, Modal, Row, Select, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { titles, unitKinds, type NominationResult, type Title, type UnitKind } from '@canbo/contract';
import { reportError } from '../../../lib/errors';
import { enumOptions } from '../../../lib/enumOptions';
import { UnitSelect } from '../../units/UnitSelect';
import { requiredRule } from '../labels';
import { useBulkNominate } from './api';
import { allocationIdOf, type NominationModalProps, type SeatChoice } from './seatChoices';
import { ListTable } from '../../../lib/ListTable';

interface Values {
  allocationId: SeatChoice | null;
  filter: { within: number | null; titles: Title[]; unitKinds: UnitKind[] };
  waitlist: boolean;
}

type Candidate = NominationResult['candidates'][number];

/**
 * The usual call: the secretaries and deputy secretaries of the grassroots unions below a unit. In
 * the Union's charter a commune union and a grassroots-level branch are grassroots unions (tổ chức
 * cơ sở Đoàn) as much as a "đoàn cơ sở" is — and since the 2025 restructuring most of them are
 * communes — so all three kinds are proposed.
 */
const DEFAULT_TITLES: Title[] = ['secretary', 'deputy_secretary'];
const DEFAULT_UNIT_KINDS: UnitKind[] = ['commune', 'grassroots', 'standalone_branch'];

/**
 * Bulk nomination from a filter. "Xem trước" asks the server who the filter finds and what would
 * happen (a dry run, nothing saved); the user reviews the list and then nominates them all. Any
 * change to the filter throws the preview away, so what is sent is what was seen.
 */
export function BulkNominateModal({ cls, seats, open, onClose }: NominationModalProps) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const bulk = useBulkNominate(cls.id);
  const [preview, setPreview] = useState<NominationResult | null>(null);
  const [pending, setPending] = useState<'preview' | 'commit' | null>(null);
  const first = seats[0];
  const choice = Form.useWatch('allocationId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      allocationId: first?.value ?? null,
      filter: { within: first?.unitId ?? null, titles: DEFAULT_TITLES, unitKinds: DEFAULT_UNIT_KINDS },
      waitlist: false,
    });
  }, [open, form, first]);
  const close = () => {
    setPreview(null);
    onClose();
  };

  const run = async (dryRun: boolean) => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setPending(dryRun ? 'preview' : 'commit');
    try {
      const r = await bulk.mutateAsync({
        allocationId: allocationIdOf(v.allocationId),
        filter: { within: v.filter.within!, titles: v.filter.titles, unitKinds: v.filter.unitKinds },
        waitlist: v.waitlist,
        dryRun,
      });
      if (dryRun) {
        setPreview(r);
      } else {
        void message.success(
          t(r.waitlisted ? 'bulk.doneWaitlisted' : 'bulk.done', { added: r.added, waitlisted: r.waitlisted }),
        );
        close();
      }
    } catch (err) {
      setPreview(null);
      reportError(form, message, err);
    } finally {
      setPending(null);
    }
  };

  const fresh = preview ? preview.candidates.length - preview.skipped : 0;
  const count = preview ? preview.added + preview.waitlisted : 0;
  const beyond = fresh - count;

  return (
    <Modal
      open={open}
      title={t('bulk.title')}
      width={860}
      onCancel={close}
      forceRender
      footer={[
        <Button key="cancel" onClick={close}>
          {t('common:action.cancel')}
        </Button>,
        <Button key="preview" data-testid="bulk-preview" loading={pending === 'preview'} onClick={() => void run(true)}>
          {t('bulk.preview')}
        </Button>,
        <Button
          key="commit"
          type="primary"
          data-testid="bulk-commit"
          disabled={!preview || count === 0 || beyond > 0}
          loading={pending === 'commit'}
          onClick={() => void run(false)}
        >
          {t('bulk.commit', { count })}
        </Button>,
      ]}
    >
      <Form<Values>
        name="bulk"
        form={form}
        layout="vertical"
        autoComplete="off"
        onValuesChange={(changed: Partial<Values>) => {
          setPreview(null);
          if ('allocationId' in changed) {
            const unitId = seats.find((s) => s.value === changed.allocationId)?.unitId ?? null;
            form.setFieldValue(['filter', 'within'], unitId);
          }
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="allocationId"
              label={t('field.allocationId')}
              rules={requiredRule(t, t('field.allocationId'), 'choice')}
            >
              <Select options={seats} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['filter', 'within']}
              label={t('bulk.within')}
              rules={requiredRule(t, t('bulk.within'), 'choice')}
            >
              <UnitSelect within={seats.find((s) => s.value === choice)?.unitId} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['filter', 'titles']}
              label={t('bulk.titles')}
              rules={requiredRule(t, t('bulk.titles'), 'choice')}
            >
              <Select mode="multiple" options={enumOptions(t, 'title', titles)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['filter', 'unitKinds']} label={t('bulk.unitKinds')} extra={t('bulk.unitKindsHint')}>
              <Select mode="multiple" allowClear options={enumOptions(t, 'unitKind', unitKinds)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="waitlist" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>{t('nominate.waitlist')}</Checkbox>
        </Form.Item>
      </Form>
      {preview && (
        <div data-testid="bulk-result">
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col xs={12} sm={6}>
              <Statistic title={t('bulk.added')} value={preview.added} />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title={t('bulk.waitlisted')} value={preview.waitlisted} />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title={t('bulk.skipped')} value={preview.skipped} />
            </Col>
            {preview.remainingSeats !== null && (
              <Col xs={12} sm={6}>
                <Statistic title={t('bulk.remaining')} value={preview.remainingSeats} />
              </Col>
            )}
          </Row>
          {beyond > 0 && (
            <Alert type="warning" showIcon title={t('bulk.beyond', { count: beyond })} style={{ marginBottom: 12 }} />
          )}
          {preview.candidates.length === 0 && (
            <Alert type="info" showIcon title={t('bulk.nobody')} style={{ marginBottom: 12 }} />
          )}
          <ListTable<Candidate>
            label={t('bulk.title')}
            rowKey="personId"
            size="small"
            dataSource={preview.candidates}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { key: 'name', title: t('trainees.name'), dataIndex: 'personName' },
              { key: 'unit', title: t('field.unitId'), dataIndex: 'unitName' },
              {
                key: 'title',
                title: t('field.title'),
                render: (_, c) => (c.title ? t(`common:title.${c.title}`) : ''),
              },
              {
                key: 'state',
                title: '',
                render: (_, c) => (c.alreadyEnrolled ? <Tag>{t('bulk.alreadyEnrolled')}</Tag> : null),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
