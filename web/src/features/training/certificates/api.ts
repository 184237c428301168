import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  routes,
  type BodyIn,
  type Certificate,
  type certificatePattern,
  type certificateStatuses,
  type QueryValues,
} from '@canbo/contract';
import { call, download } from '../../../api/client';
import { TRAINING_KEY } from '../attendance/api';

export type CertificatePattern = z.infer<typeof certificatePattern>;
export type CertificateStatus = (typeof certificateStatuses)[number];

const certificatesKey = (classId: number) => [...TRAINING_KEY, 'classes', classId, 'certificates'] as const;

export function useCertificates(classId: number, query: QueryValues<typeof routes.training.certificates>) {
  return useQuery({
    queryKey: [...certificatesKey(classId), query],
    queryFn: () => call(routes.training.certificates, { params: { id: classId }, query }),
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
    const p = await call(routes.training.enrolments, {
      params: { id: classId },
      query: { seated: 'true', page, pageSize: 200 },
    });
    count += p.items.filter((e) => e.outcome === 'completed' && e.certificateId === null).length;
    if (page * p.pageSize >= p.total || !p.items.length) return count;
  }
}

export function useIssueCertificates(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    /** `issuedAt`: the date to print when issuing late (yyyy-mm-dd); none for today. */
    mutationFn: (issuedAt: string | null = null) =>
      call(routes.training.issue, { params: { id: classId }, body: issuedAt ? { issuedAt } : {} }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TRAINING_KEY }),
  });
}

export function useRevokeCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ c, reason }: { c: Certificate; reason: string }) =>
      call(routes.training.revoke, { params: { id: c.id }, body: { version: c.version, reason } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TRAINING_KEY }),
  });
}

/** A file name from a certificate number: "012/GCN-2025" → "GCN-012-GCN-2025.pdf". */
function certificateFileName(number: string): string {
  return `GCN-${number.replace(/[^\p{L}\p{N}-]+/gu, '-')}.pdf`;
}

/** Who signs, printed under "TM. BAN THƯỜNG VỤ": the title, and the name under the room to sign. */
export interface Signer {
  signerName?: string;
  signerTitle?: string;
}

export function downloadCertificatePdf(id: number, number: string, signer: Signer = {}): Promise<void> {
  return download(routes.training.pdf, { params: { id }, query: signer }, certificateFileName(number));
}

/** The public verification page of a certificate (what its QR code opens). */
export const verifyPath = (verifyCode: string) => `/verify/${encodeURIComponent(verifyCode)}`;

const patternKey = (unitId: number) => [...TRAINING_KEY, 'certificate-patterns', unitId] as const;

export function useCertificatePattern(unitId: number) {
  return useQuery({
    queryKey: patternKey(unitId),
    queryFn: () => call(routes.training.pattern, { params: { unitId } }),
  });
}

export function useSaveCertificatePattern(unitId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.training.savePattern>) =>
      call(routes.training.savePattern, { params: { unitId }, body }),
    onSuccess: (p) => qc.setQueryData(patternKey(unitId), p),
  });
}
