import { useState } from 'react';
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { classActions, classTransitions, type ClassAction, type TrainingClass } from '@canbo/contract';
import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../lib/errors';
import { useTransition } from './api';

/** The steps the class can take from where it is; a class recorded by its headcount has no results to reopen. */
function availableActions(cls: Pick<TrainingClass, 'status' | 'headcount'>): ClassAction[] {
  return classActions.filter(
    (a) => classTransitions[a].from.includes(cls.status) && !(a === 'reopen' && cls.headcount !== null),
  );
}

/**
 * The workflow buttons of a class its organiser manages: each step asks for confirmation with an
 * optional note (kept in the status history); cancelling is red and asks a second time.
 */
export function ClassWorkflow({ cls }: { cls: TrainingClass }) {
  const { t } = useTranslation('training');
  const { message, modal } = App.useApp();
  const transition = useTransition(cls.id);
  const [action, setAction] = useState<ClassAction | null>(null);
  const [note, setNote] = useState('');
  if (!cls.canManage) return null;
  const actions = availableActions(cls);
  if (!actions.length) return null;

  const close = () => {
    setAction(null);
    setNote('');
  };
  const send = async (a: ClassAction) => {
    try {
      await transition.mutateAsync({ action: a, version: cls.version, note: note.trim() || null });
      void message.success(t('workflow.done', { status: t(`classStatus.${classTransitions[a].to}`) }));
      close();
    } catch (err) {
      void message.error(err instanceof ApiError && err.code === 'stale' ? t('common:error.stale') : errorMessage(err));
    }
  };
  const confirm = () => {
    if (action !== 'cancel') return void send(action!);
    modal.confirm({
      title: t('workflow.cancelAgainTitle'),
      content: t('workflow.cancelAgain', { name: cls.name }),
      okText: t('workflow.cancelAgainOk'),
      okButtonProps: { danger: true },
      cancelText: t('workflow.keep'),
      onOk: () => send('cancel'),
    });
  };

  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            data-testid={`class-action-${a}`}
            type={a === 'cancel' || a === 'reopen' ? 'default' : 'primary'}
            danger={a === 'cancel'}
            onClick={() => setAction(a)}
          >
            {t(`classAction.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t(`classAction.${action}`) : ''}
        okText={action ? t(`classAction.${action}`) : ''}
        okButtonProps={{ danger: action === 'cancel', 'data-testid': 'class-action-confirm' }}
        cancelText={t('common:action.close')}
        confirmLoading={transition.isPending}
        onOk={confirm}
        onCancel={close}
        destroyOnHidden
      >
        {action && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>
              {t('workflow.question', { name: cls.name, status: t(`classStatus.${classTransitions[action].to}`) })}
            </Typography.Paragraph>
            <Input.TextArea
              aria-label={t('workflow.note')}
              placeholder={t('workflow.notePlaceholder')}
              maxLength={500}
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Space>
        )}
      </Modal>
    </>
  );
}
