import type { ReactNode } from 'react';
import { App, Form, Grid, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ActionModalProps<V> {
  title: string;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  pending: boolean;
  onClose: () => void;
  onSubmit: (values: V) => void;
  /** For destructive actions: the question to confirm before sending. */
  confirm?: (values: V) => string;
  danger?: boolean;
  width?: number;
  children: ReactNode;
}

/**
 * A restructuring form in a modal (mounted only while open, so each opening starts fresh): validate, ask to confirm when it cannot be undone, then send.
 */
export function ActionModal<V>(p: ActionModalProps<V>) {
  const { t } = useTranslation('units');
  const { modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const submit = async () => {
    const values = await p.form.validateFields().catch(() => null);
    if (!values) return;
    const question = p.confirm?.(values);
    if (!question) return p.onSubmit(values);
    modal.confirm({
      title: t('confirm.title'),
      content: question,
      okText: t('confirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: () => p.onSubmit(values),
    });
  };
  return (
    <Modal
      open
      title={p.title}
      width={screens.md ? (p.width ?? 560) : '100%'}
      style={screens.md ? undefined : { top: 8, maxWidth: 'calc(100vw - 16px)' }}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      okButtonProps={{ danger: p.danger, loading: p.pending }}
      onOk={() => void submit()}
      onCancel={p.onClose}
    >
      <Form<V> form={p.form} layout="vertical" initialValues={p.initialValues} preserve={false}>
        {p.children}
      </Form>
    </Modal>
  );
}
