import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Certificate,
  certificatePattern,
  certificateStatuses,
  Enrolment,
  issuedCertificates,
  Page,
} from '@canbo/contract';
import { api, download } from '../../../api/client';
import { TRAINING_KEY } from '../attendance/api';

export type CertificatePattern = z.infer<typeof certificatePattern>;
export type CertificateStatus = (typeof certificateStatuses)[number];

const certificatesKey = (classId: number) => [...TRAINING_KEY, 'classes', classId, 'certificates'] as const;

export function useCertificates(
  classId: number,
  query: { page: number; pageSize: number; status?: CertificateStatus },
) {
  return useQuery({
    queryKey: [...certificatesKey(classId), query],
    queryFn: () => api.get<Page<Certificate>>(`/training/classes/${classId}/certificates`, query),
    placeholderData: keepPreviousData,
  });
}

/**
 * Completed trainees without a certificate: what "issue all" would issue, counted before asking.
 * The enrolment list is paged, so this walks it (a class has a few hundred trainees).
 */
export async function countIssuable(classId: number): Promise<number> {
  let count = 0;
  for (let page = 1; ; page++) {
    const p = await api.get<Page<Enrolment>>(`/training/classes/${classId}/enrolments`, {
      seated: 'true',
      page,
      pageSize: 200,
    });
    count += p.items.filter((e) => e.outcome === 'completed' && e.certificateId === null).length;
    if (page * p.pageSize >= p.total || !p.items.length) return count;
  }
}

export function useIssueCertificates(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<z.infer<typeof issuedCertificates>>(`/training/classes/${classId}/certificates`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TRAINING_KEY }),
  });
}

export function useRevokeCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ c, reason }: { c: Certificate; reason: string }) =>
      api.post<Certificate>(`/training/certificates/${c.id}/revoke`, { version: c.version, reason }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TRAINING_KEY }),
  });
}

/** A file name from a certificate number: "012/GCN-2025" → "GCN-012-GCN-2025.pdf". */
function certificateFileName(number: string): string {
  return `GCN-${number.replace(/[^\p{L}\p{N}-]+/gu, '-')}.pdf`;
}

export function downloadCertificatePdf(id: number, number: string): Promise<void> {
  return download(`/training/certificates/${id}/certificate.pdf`, undefined, certificateFileName(number));
}

export const certificatesZipPath = (classId: number) => `/training/classes/${classId}/certificates.zip`;
/** The same certificates as the pages of one PDF, to print in one go. */
export const certificatesPrintPath = (classId: number) => `/training/classes/${classId}/certificates.pdf`;

/** The public verification page of a certificate (what its QR code opens). */
export const verifyPath = (verifyCode: string) => `/verify/${encodeURIComponent(verifyCode)}`;

const patternKey = (unitId: number) => [...TRAINING_KEY, 'certificate-patterns', unitId] as const;

export function useCertificatePattern(unitId: number) {
  return useQuery({
    queryKey: patternKey(unitId),
    queryFn: () => api.get<CertificatePattern>(`/training/certificate-patterns/${unitId}`),
  });
}

export function useSaveCertificatePattern(unitId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; pattern: string }) =>
      api.put<CertificatePattern>(`/training/certificate-patterns/${unitId}`, body),
    onSuccess: (p) => qc.setQueryData(patternKey(unitId), p),
  });
}
