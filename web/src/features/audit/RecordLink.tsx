import { Link } from '@tanstack/react-router';
import type { AuditName, AuditRefKind } from '@canbo/contract';

/** The page of each kind of record the change log names. */
const PAGE_OF: Partial<Record<AuditRefKind, string>> = {
  unit: '/units/$id',
  person: '/people/$id',
  user: '/users/$id',
  training_class: '/training/classes/$id',
  scheme: '/schemes/$id',
  study: '/studies/$id',
};

/** A record by its name, linked to its page when it has one (the server names only what the reader may open). */
export function RecordLink({ name }: { name: AuditName & { name: string } }) {
  const to = PAGE_OF[name.kind];
  if (!to) return <>{name.name}</>;
  return (
    <Link to={to} params={{ id: String(name.id) }}>
      {name.name}
    </Link>
  );
}
