import { useMemo } from 'react';
import { App, Checkbox, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/FormModal';
import { PersonSelect } from '../../people/PersonSelect';
import { requiredRule } from '../labels';
import { useNominate } from './api';
import { allocationIdOf, type NominationModalProps, type SeatChoice } from './seatChoices';

interface Values {
  allocationId: SeatChoice | null;
  personIds: number | null;
  waitlist: boolean;
}

/** Nominate one cadre into seats the user may fill; beyond them the cadre may wait for a freed seat. */
export function NominateModal({ cls, seats, open, onClose }: NominationModalProps) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const nominate = useNominate(cls.id);
  const first = seats[0]?.value ?? null;
  const initialValues = useMemo<Values>(() => ({ allocationId: first, personIds: null, waitlist: false }), [first]);
  const choice = Form.useWatch('allocationId', form);
  const unitId = seats.find((s) => s.value === choice)?.unitId;

  const submit = async (v: Values) => {
    const r = await nominate.mutateAsync({
      allocationId: allocationIdOf(v.allocationId),
      personIds: [v.personIds!],
      waitlist: v.waitlist,
    });
    void message.success(r.waitlisted > 0 ? t('nominate.waitlistedDone') : t('nominate.done'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      name="nominate"
      title={t('nominate.title')}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={nominate.isPending}
      onClose={onClose}
      okText={t('nominate.ok')}
    >
      <Form.Item
        name="allocationId"
        label={t('field.allocationId')}
        rules={requiredRule(t, t('field.allocationId'), 'choice')}
      >
        <Select options={seats} onChange={() => form.setFieldsValue({ personIds: null })} />
      </Form.Item>
      <Form.Item name="personIds" label={t('nominate.person')} rules={requiredRule(t, t('nominate.person'), 'choice')}>
        <PersonSelect unitId={unitId} />
      </Form.Item>
      <Form.Item name="waitlist" valuePropName="checked">
        <Checkbox>{t('nominate.waitlist')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
