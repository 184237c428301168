import { useQuery } from '@tanstack/react-query';
import { routes } from '@canbo/contract';
import { call } from '../../../api/client';

/** The public verification of a certificate: a public route, so a refusal never sends anyone to log in. */
export function usePublicCertificate(code: string) {
  return useQuery({
    queryKey: ['public', 'certificate', code],
    queryFn: () => call(routes.training.verify, { params: { code } }),
    retry: false,
  });
}
