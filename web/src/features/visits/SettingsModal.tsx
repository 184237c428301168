import { useEffect, useState } from 'react';
import { App, Button, Divider, Flex, Form, InputNumber, Modal, Radio, Select, Spin, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { classLevels, titles, type ClassLevel, type Title, type VisitRequirement } from '@canbo/contract';
import { errorMessage } from '../../lib/errors';
import { useChangeSettings, useDeleteRequirement, useSetRequirement, useVisitSettings } from './api';
import { ListTable } from '../../lib/ListTable';

interface RuleValues {
  key?: string;
  annualDays?: number;
}

/**
 * The "1+2" rules of the organisation the unit belongs to: how days are counted, when reports are
 * due, the days required a year, and the requirements that override it for a level or a title
 * (a title's wins over a level's). Its administrators change them; everyone else reads them.
 */
export function SettingsModal({ open, unitId, onClose }: { open: boolean; unitId: number; onClose: () => void }) {
  const { t } = useTranslation('visits');
  const { t: common } = useTranslation('common');
  const { message } = App.useApp();
  const settings = useVisitSettings(open ? unitId : undefined);
  const change = useChangeSettings();
  const setRule = useSetRequirement();
  const deleteRule = useDeleteRequirement();
  const [form] = Form.useForm<{ dayCounting: 'calendar' | 'working'; reportDueDays: number; annualDays: number }>();
  const [ruleForm] = Form.useForm<RuleValues>();
  const [pendingDelete, setPendingDelete] = useState<number | null>(null);
  const s = settings.data;
  const editable = s?.canEdit === true;

  useEffect(() => {
    if (s)
      form.setFieldsValue({ dayCounting: s.dayCounting, reportDueDays: s.reportDueDays, annualDays: s.annualDays });
  }, [s, form]);

  const fail = (err: unknown) => void message.error(errorMessage(err));

  const save = async () => {
    if (!s) return;
    const v = await form.validateFields();
    try {
      await change.mutateAsync({ id: s.unitId, version: s.version, ...v });
      message.success(t('settingsSaved'));
    } catch (err) {
      fail(err);
    }
  };

  const addRule = async () => {
    if (!s) return;
    const v = await ruleForm.validateFields();
    const [kind, value] = (v.key ?? '').split(':');
    try {
      await setRule.mutateAsync({
        id: s.unitId,
        annualDays: v.annualDays!,
        ...(kind === 'level' ? { level: value as ClassLevel } : { title: value as Title }),
      });
      ruleForm.resetFields();
      message.success(t('settingsSaved'));
    } catch (err) {
      fail(err);
    }
  };

  const removeRule = async (id: number) => {
    setPendingDelete(id);
    try {
      await deleteRule.mutateAsync(id);
    } catch (err) {
      fail(err);
    } finally {
      setPendingDelete(null);
    }
  };

  const ruleName = (r: Pick<VisitRequirement, 'level' | 'title'>) =>
    r.level ? t('levelRule', { level: t(`level.${r.level}`) }) : t('titleRule', { title: common(`title.${r.title!}`) });

  const ruleOptions = [
    {
      label: t('byLevel'),
      options: classLevels.map((l) => ({ value: `level:${l}`, label: t(`level.${l}`) })),
    },
    {
      label: t('byTitle'),
      options: titles.map((x) => ({ value: `title:${x}`, label: common(`title.${x}`) })),
    },
  ];

  return (
    <Modal open={open} title={t('settingsTitle')} onCancel={onClose} footer={null} width={560} destroyOnHidden>
      {!s ? (
        settings.error ? (
          <Typography.Text type="danger">{errorMessage(settings.error)}</Typography.Text>
        ) : (
          <Spin />
        )
      ) : (
        <Flex vertical gap={8}>
          {!editable && <Typography.Text type="secondary">{t('settingsReadOnly')}</Typography.Text>}
          <Form form={form} layout="vertical" name="visitSettings" disabled={!editable}>
            <Form.Item name="dayCounting" label={t('dayCounting')}>
              <Radio.Group
                options={[
                  { value: 'calendar', label: t('calendarDays') },
                  { value: 'working', label: t('workingDays') },
                ]}
              />
            </Form.Item>
            <Flex gap={16} wrap>
              <Form.Item name="annualDays" label={t('defaultDays')} rules={[{ required: true }]}>
                <InputNumber min={1} max={366} />
              </Form.Item>
              <Form.Item name="reportDueDays" label={t('reportDueDays')} rules={[{ required: true }]}>
                <InputNumber min={1} max={365} />
              </Form.Item>
            </Flex>
            {editable && (
              <Button type="primary" loading={change.isPending} onClick={() => void save()}>
                {common('action.save')}
              </Button>
            )}
          </Form>
          <Divider style={{ margin: '8px 0' }} />
          <Typography.Text strong>{t('overrides')}</Typography.Text>
          <Typography.Text type="secondary">{t('overridesHint')}</Typography.Text>
          <ListTable<VisitRequirement>
            label={t('settingsTitle')}
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={s.requirements}
            locale={{ emptyText: t('noOverrides') }}
            columns={[
              { title: t('appliesTo'), key: 'rule', render: (_v, r) => ruleName(r) },
              { title: t('daysColumn'), dataIndex: 'annualDays', align: 'right' },
              ...(editable
                ? [
                    {
                      key: 'delete',
                      width: 48,
                      render: (_v: unknown, r: VisitRequirement) => (
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('deleteRule', { rule: ruleName(r) })}
                          loading={pendingDelete === r.id}
                          onClick={() => void removeRule(r.id)}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {editable && (
            <Form form={ruleForm} layout="inline" name="visitRequirement" style={{ rowGap: 8 }}>
              <Form.Item
                name="key"
                rules={[{ required: true, message: t('required', { field: t('appliesTo').toLowerCase() }) }]}
              >
                <Select
                  aria-label={t('appliesTo')}
                  placeholder={t('appliesTo')}
                  options={ruleOptions}
                  style={{ width: 220 }}
                />
              </Form.Item>
              <Form.Item
                name="annualDays"
                rules={[{ required: true, message: t('required', { field: t('daysColumn').toLowerCase() }) }]}
              >
                <InputNumber aria-label={t('daysColumn')} placeholder={t('daysColumn')} min={1} max={366} />
              </Form.Item>
              <Button loading={setRule.isPending} onClick={() => void addRule()}>
                {t('setRule')}
              </Button>
            </Form>
          )}
        </Flex>
      )}
    </Modal>
  );
}
