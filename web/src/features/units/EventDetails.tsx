import { Link } from '@tanstack/react-router';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitEvent } from '@canbo/contract';

interface Ref {
  id?: number;
  name?: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const refs = (v: unknown): Ref[] =>
  Array.isArray(v) ? v.filter((x): x is Ref => typeof x === 'object' && x !== null && 'name' in x) : [];

function UnitLink({ id, name }: Ref) {
  if (!name) return null;
  return id ? (
    <Link to="/units/$id" params={{ id: String(id) }}>
      {name}
    </Link>
  ) : (
    <>{name}</>
  );
}

/** What an event changed, read from its details: names before/after, the units it came from or went to. */
export function EventDetails({ event }: { event: UnitEvent }) {
  const { t } = useTranslation('units');
  const d = event.details;
  const lines: React.ReactNode[] = [];
  const line = (key: string, label: string, node: React.ReactNode) =>
    lines.push(
      <span key={key}>
        {label}: {node}
      </span>,
    );
  const from = d.from as Record<string, unknown> | undefined;
  const to = d.to as Record<string, unknown> | undefined;
  switch (event.kind) {
    case 'rename':
      if (str(from?.name)) line('old', t('events.oldName'), str(from?.name));
      if (str(to?.name)) line('new', t('events.newName'), str(to?.name));
      break;
    case 'move':
      line('from', t('events.fromParent'), <UnitLink id={num(d.fromParentId)} name={str(d.fromParentName)} />);
      line('to', t('events.toParent'), <UnitLink id={num(d.toParentId)} name={str(d.toParentName)} />);
      break;
    case 'merge':
      line(
        'sources',
        t('events.sources'),
        refs(d.sources).map((s, i) => (
          <span key={s.id ?? i}>
            {i > 0 && ', '}
            <UnitLink {...s} />
          </span>
        )),
      );
      line('target', t('events.target'), <UnitLink id={num(d.targetId)} name={str(d.targetName)} />);
      break;
    case 'split':
      line(
        'into',
        t('events.into'),
        refs(d.into).map((s, i) => (
          <span key={s.id ?? i}>
            {i > 0 && ', '}
            <UnitLink {...s} />
          </span>
        )),
      );
      break;
    case 'create':
      if (str(d.parentName))
        line('parent', t('events.parent'), <UnitLink id={num(d.parentId)} name={str(d.parentName)} />);
      break;
    case 'dissolve':
      if (str(d.rollsUpIntoName))
        line('rolls', t('events.rollsUpInto'), <UnitLink id={num(d.rollsUpInto)} name={str(d.rollsUpIntoName)} />);
      break;
    default:
      break;
  }
  if (!lines.length) return null;
  return (
    <Space orientation="vertical" size={0}>
      {lines.map((l, i) => (
        <Typography.Text key={i}>{l}</Typography.Text>
      ))}
    </Space>
  );
}
