import { BODY_LIMITS } from '@canbo/contract';
import { messages, type Words } from './i18n/messages.ts';

/** How large a request body may be: the table's per-route limits, and JSON's default for the rest. */
export { BODY_LIMITS };

const KB = 1024;

/** The refusal, naming the limit (Fastify gives the limit it applied in the error). */
export function bodyTooLargeMessage(limit: number | undefined): Words {
  const size =
    limit === undefined ? '' : limit >= 1024 * KB ? ` ${limit / (1024 * KB)} MB` : ` ${Math.round(limit / KB)} KB`;
  return messages.bodyTooLarge(size);
}
