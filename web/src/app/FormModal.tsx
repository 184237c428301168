import { useEffect, type ReactNode } from 'react';
import { App, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportError } from '../lib/errors';

export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  /** Prefixes the fields' element ids: needed when two of these forms are on one page. */
  name?: string;
  form: FormInstance<V>;
  /** What the form shows each time it opens; keep it stable (useMemo) while the modal is open. */
  initialValues?: Partial<V>;
  /** Sends the values; an error it throws lands on the field it names, or is shown as a message. */
  onSubmit: (values: V) => Promise<unknown>;
  pending: boolean;
  onClose: () => void;
  okText?: string;
  danger?: boolean;
  width?: number;
  children: ReactNode;
}

/**
 * A form in a modal, kept mounted (so the form instance is always connected) and reset each time
 * it opens: validate, send, and put what the server refuses on the field it is about.
 */
export function FormModal<V>(p: FormModalProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { open, form, initialValues } = p;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (initialValues) form.setFieldsValue(initialValues);
  }, [open, form, initialValues]);

  const finish = async (values: V) => {
    try {
      await p.onSubmit(values);
    } catch (err) {
      reportError(form, message, err);
    }
  };

  return (
    <Modal
      open={open}
      title={p.title}
      width={p.width}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      okText={p.okText ?? t('common:action.save')}
      okButtonProps={p.danger ? { danger: true } : undefined}
      cancelText={t('common:action.cancel')}
      confirmLoading={p.pending}
      forceRender
    >
      <Form<V> name={p.name} form={form} layout="vertical" autoComplete="off" onFinish={(v) => void finish(v)}>
        {p.children}
      </Form>
    </Modal>
  );
}
