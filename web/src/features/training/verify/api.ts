import { useQuery } from '@tanstack/react-query';
import type { PublicCertificate } from '@canbo/contract';
import { errorOf } from './response';

/**
 * GET /api/v1/public/certificates/:code — plain fetch, not `api.get`: the shared client sends the
 * user to the login page on a 401, and this page is for anonymous visitors.
 */
async function fetchPublicCertificate(code: string): Promise<PublicCertificate> {
  const res = await fetch(`/api/v1/public/certificates/${encodeURIComponent(code)}`, {
    headers: { accept: 'application/json' },
    credentials: 'omit',
  });
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as PublicCertificate;
}

export function usePublicCertificate(code: string) {
  return useQuery({
    queryKey: ['public', 'certificate', code],
    queryFn: () => fetchPublicCertificate(code),
    retry: false,
  });
}
