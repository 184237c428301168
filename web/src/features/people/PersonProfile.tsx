import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPhone, type Person } from '@canbo/contract';
import { formatDate, formatDateTime } from '../../lib/format';

/** Every field of the record, read-only. */
export function PersonProfile({ person: p }: { person: Person }) {
  const { t } = useTranslation('people');
  const yes = (b: boolean) => (b ? t('common:yes') : t('common:no'));
  const label = (f: string) => t(`field.${f}`);
  // A graduated study may have raised the level above what was typed in: show both then.
  const withManual = (shown: string, highest: string, manual: string, word: (v: string) => string) =>
    highest === manual ? shown : `${shown} (${t('manualValue', { value: word(manual) })})`;
  const items = [
    { key: 'familyName', label: label('familyName'), children: p.familyName },
    { key: 'middleName', label: label('middleName'), children: p.middleName },
    { key: 'givenName', label: label('givenName'), children: p.givenName },
    { key: 'birthDate', label: label('birthDate'), children: formatDate(p.birthDate) },
    { key: 'gender', label: label('gender'), children: t(`common:gender.${p.gender}`) },
    { key: 'ethnicityCode', label: label('ethnicityCode'), children: p.ethnicityName },
    { key: 'religion', label: label('religion'), children: p.religion },
    {
      key: 'nationalId',
      label: label('nationalId'),
      children: p.nationalId ? (
        <span title={p.nationalIdMasked ? t('hint.maskedId') : undefined}>{p.nationalId}</span>
      ) : null,
    },
    { key: 'unitId', label: label('unitId'), children: p.unitName },
    { key: 'phone', label: label('phone'), children: p.phone && formatPhone(p.phone) },
    { key: 'email', label: label('email'), children: p.email },
    { key: 'partyMember', label: label('partyMember'), children: yes(p.partyMember) },
    { key: 'partyJoinDate', label: label('partyJoinDate'), children: formatDate(p.partyJoinDate) },
    { key: 'generalEducation', label: label('generalEducation'), children: p.generalEducation },
    {
      key: 'qualification',
      label: label('qualification'),
      children: withManual(t(`common:qualification.${p.qualification}`), p.qualification, p.qualificationManual, (v) =>
        t(`common:qualification.${v}`),
      ),
    },
    {
      key: 'theoryLevel',
      label: label('theoryLevel'),
      children: withManual(t(`common:theoryLevel.${p.theoryLevel}`), p.theoryLevel, p.theoryLevelManual, (v) =>
        t(`common:theoryLevel.${v}`),
      ),
    },
    { key: 'itLevel', label: label('itLevel'), children: p.itLevel },
    { key: 'languageLevel', label: label('languageLevel'), children: p.languageLevel },
    { key: 'hardshipArea', label: label('hardshipArea'), children: yes(p.hardshipArea) },
    {
      key: 'currentTitles',
      label: t('currentTitles'),
      children: p.currentTitles.map((ct, i) => (
        <Tag key={i} style={{ whiteSpace: 'normal' }}>
          {t(`common:title.${ct.title}`)} – {ct.unitName}
        </Tag>
      )),
    },
    { key: 'notes', label: label('notes'), children: p.notes, span: 'filled' as const },
    { key: 'updatedAt', label: t('updatedAt'), children: formatDateTime(p.updatedAt) },
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      items={items.map((i) => ({ ...i, children: i.children ?? '' }))}
    />
  );
}
