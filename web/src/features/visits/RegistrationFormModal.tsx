import { useMemo, useState } from 'react';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitRegistration } from '@canbo/contract';
import { FormModal } from '../../app/FormModal';
import { useDebounced } from '../../lib/useDebounced';
import { useChangeRegistration, useHostUnits, useRegister } from './api';

interface Values {
  hostUnitId?: number;
  notes?: string;
}

/**
 * Register the cadre with a host unit for the year, or change the unit registered with: the
 * units offered are those the server allows (under the unit above the cadre's), searched by name.
 */
export function RegistrationFormModal({
  open,
  onClose,
  personId,
  year,
  registration,
}: {
  open: boolean;
  onClose: () => void;
  personId: number;
  year: number;
  registration: VisitRegistration | null;
}) {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const units = useHostUnits(personId, q, open);
  const register = useRegister();
  const change = useChangeRegistration();
  const initialValues = useMemo<Values>(
    () => ({ hostUnitId: registration?.hostUnitId, notes: registration?.notes ?? '' }),
    [registration],
  );
  const options = useMemo(() => {
    const list = (units.data?.items ?? []).map((u) => ({
      value: u.id,
      label: u.parentName ? `${u.name} (${u.parentName})` : u.name,
    }));
    // the unit registered with stays nameable while the search shows others
    if (registration && !list.some((o) => o.value === registration.hostUnitId)) {
      list.unshift({ value: registration.hostUnitId, label: registration.hostUnitName });
    }
    return list;
  }, [units.data, registration]);

  const submit = async (v: Values) => {
    const notes = v.notes?.trim() ? v.notes : undefined;
    if (registration) {
      await change.mutateAsync({ id: registration.id, version: registration.version, hostUnitId: v.hostUnitId, notes });
    } else {
      await register.mutateAsync({ personId, year, hostUnitId: v.hostUnitId!, notes });
    }
    message.success(t('registrationSaved'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title={t(registration ? 'changeRegistration' : 'register', { year })}
      name="visitRegistration"
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      pending={register.isPending || change.isPending}
      onClose={onClose}
    >
      <Form.Item
        name="hostUnitId"
        label={t('hostUnit')}
        rules={[{ required: true, message: t('required', { field: t('hostUnit').toLowerCase() }) }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          options={options}
          loading={units.isFetching}
          placeholder={t('hostUnitSearch')}
          notFoundContent={units.isFetching ? undefined : t('noHostUnit')}
        />
      </Form.Item>
      <Form.Item name="notes" label={t('notes')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
