import i18next from 'i18next';
import type { ErrorBody } from '@canbo/contract';
import { ApiError } from '../../../api/client';

/**
 * The ApiError of a refused answer, for the few calls that bypass `api.*`: the public verification
 * page (a 401 there must not send an anonymous visitor to the login page), file uploads (multipart)
 * and downloads that report their progress.
 */
export async function errorOf(res: Response): Promise<ApiError> {
  const e = ((await res.json().catch(() => null)) ?? {}) as Partial<ErrorBody>;
  return new ApiError(
    res.status,
    e.code ?? 'internal',
    e.message ?? `${i18next.t('common:error.generic')} (${res.status})`,
    e.details ?? {},
  );
}
