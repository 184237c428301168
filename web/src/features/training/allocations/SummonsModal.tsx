import { useMemo } from 'react';
import { routes } from '@canbo/contract';
import { AutoComplete, DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { download } from '../../../api/client';
import type { TrainingClass } from '@canbo/contract';
import { FormModal } from '../../../app/FormModal';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format';
import { useDownload } from '../../../lib/useDownload';
import { SIGNER_TITLES } from '../labels';

interface Values {
  number: number | null;
  date: Dayjs | null;
  signerName: string | null;
  signerTitle: string | null;
}

/**
 * "Giấy triệu tập": the summons to one allocated unit (or, without an allocation, to the people the
 * organiser nominated itself), as a .docx in the Union's format. The number, date and signer are
 * printed as given here.
 */
export function SummonsModal({
  cls,
  target,
  onClose,
}: {
  cls: TrainingClass;
  /** The allocation summoned, `{ allocationId: null }` for the organiser's own list, null when closed. */
  target: { allocationId: number | null; unitName: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('training');
  const [form] = Form.useForm<Values>();
  const dl = useDownload();
  // A summons is signed before the class begins: the server refuses a later date, so none is offered.
  const start = useMemo(() => dayjs(cls.startDate), [cls.startDate]);
  const initialValues = useMemo<Values>(
    () => ({
      number: null,
      date: dayjs().isAfter(start, 'day') ? start : dayjs(),
      signerName: null,
      signerTitle: 'BÍ THƯ',
    }),
    [start],
  );

  const submit = async (v: Values) => {
    const query = {
      allocationId: target?.allocationId ?? undefined,
      number: v.number ?? undefined,
      date: toIsoDate(v.date) ?? undefined,
      signerName: v.signerName?.trim() || undefined,
      signerTitle: v.signerTitle?.trim() || undefined,
    };
    const ok = await dl.run(
      'summons',
      () => download(routes.training.summons, { params: { id: cls.id }, query }),
      true,
    );
    if (ok) onClose();
  };

  return (
    <FormModal<Values>
      open={target !== null}
      name="summons"
      title={t('summons.title')}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={dl.busy !== null}
      onClose={onClose}
      okText={t('summons.download')}
    >
      {target && <Typography.Paragraph strong>{target.unitName}</Typography.Paragraph>}
      <Form.Item name="number" label={t('field.number')} extra={t('summons.numberHint')}>
        <InputNumber min={1} max={99999} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="date" label={t('field.date')}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(start, 'day')} />
      </Form.Item>
      <Form.Item name="signerName" label={t('field.signerName')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="signerTitle" label={t('field.signerTitle')}>
        <AutoComplete options={SIGNER_TITLES.map((v) => ({ value: v }))} maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}
