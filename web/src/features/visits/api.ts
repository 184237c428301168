import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type BodyIn, type QueryValues } from '@canbo/contract';
import { call, upload } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

export const VISITS_KEY = ['visits'] as const;

export function useMyYear(year: number) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'me', year],
    queryFn: () => call(routes.visits.me, { query: { year } }),
    retry: false,
  });
}

/** A cadre's year as staff see it on the record (404 when the cadre is out of the reader's scope). */
export function usePersonYear(personId: number, year: number) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'person', personId, year],
    queryFn: () => call(routes.visits.personYear, { query: { personId, year } }),
    retry: false,
  });
}

/** Any change to a trip refreshes every year view and the histories: editors see it at once. */
function useVisitsChanged() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: VISITS_KEY });
    void qc.invalidateQueries({ queryKey: AUDIT_KEY });
  };
}

export function useCreateTrip() {
  const changed = useVisitsChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.visits.createTrip>) => call(routes.visits.createTrip, { body }),
    onSuccess: changed,
  });
}

export function useFileReport() {
  const changed = useVisitsChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & BodyIn<typeof routes.visits.fileReport>) =>
      call(routes.visits.fileReport, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useCompliance(query: QueryValues<typeof routes.visits.compliance>, enabled: boolean) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'compliance', query],
    queryFn: () => call(routes.visits.compliance, { query }),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useTotals(unitId: number | undefined, year: number) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'totals', unitId, year],
    queryFn: () => call(routes.visits.totals, { query: { unitId, year } }),
    enabled: unitId !== undefined,
  });
}

export function useOverdue(query: QueryValues<typeof routes.visits.overdue>, enabled: boolean) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'overdue', query],
    queryFn: () => call(routes.visits.overdue, { query }),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useRegister() {
  const changed = useVisitsChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.visits.register>) => call(routes.visits.register, { body }),
    onSuccess: changed,
  });
}

export function useChangeRegistration() {
  const changed = useVisitsChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & BodyIn<typeof routes.visits.updateRegistration>) =>
      call(routes.visits.updateRegistration, { params: { id }, body }),
    onSuccess: changed,
  });
}

/** Units the cadre may register with, by name. */
export function useHostUnits(personId: number, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'hostUnits', personId, q],
    queryFn: () => call(routes.visits.hostUnits, { query: { personId, q: q || undefined, pageSize: 50 } }),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useUploadReportFile() {
  const changed = useVisitsChanged();
  return useMutation({
    mutationFn: ({ id, version, file }: { id: number; version: number; file: File }) =>
      upload(routes.visits.uploadReportFile, { params: { id }, query: { version } }, file),
    onSuccess: changed,
  });
}

export function useDeleteReportFile() {
  const changed = useVisitsChanged();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      call(routes.visits.deleteReportFile, { params: { id }, query: { version } }),
    onSuccess: changed,
  });
}

export function useVisitSettings(unitId: number | undefined) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'settings', unitId],
    queryFn: () => call(routes.visits.settings, { query: { unitId } }),
    enabled: unitId !== undefined,
  });
}

export function useChangeSettings() {
  const changed = useVisitsChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & BodyIn<typeof routes.visits.updateSettings>) =>
      call(routes.visits.updateSettings, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useSetRequirement() {
  const changed = useVisitsChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & BodyIn<typeof routes.visits.setRequirement>) =>
      call(routes.visits.setRequirement, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useDeleteRequirement() {
  const changed = useVisitsChanged();
  return useMutation({
    mutationFn: (id: number) => call(routes.visits.deleteRequirement, { params: { id } }),
    onSuccess: changed,
  });
}
