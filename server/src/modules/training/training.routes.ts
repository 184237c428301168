import type { App } from '../../http.ts';
import { attendanceRoutes } from './attendance/attendance.routes.ts';
import { classRoutes } from './classes/class.routes.ts';
import { enrolmentRoutes } from './enrolments/enrolments.routes.ts';
import { programmeRoutes } from './programmes/programmes.routes.ts';
import { certificateRoutes } from './certificates/certificates.routes.ts';
import { recordRoutes } from './record/record.routes.ts';
import { recordedRoutes } from './recorded/recorded.routes.ts';
import { resultsRoutes } from './results/results.routes.ts';

/**
 * Training, mounted under /api/v1/training (and /api/v1/public for certificate verification).
 * One plugin per part of the feature; each lives in its folder beside its service and tests.
 */
export async function trainingRoutes(app: App): Promise<void> {
  // (each part registers its routes here)
  await app.register(programmeRoutes);
  await app.register(attendanceRoutes);
  await app.register(classRoutes);
  await app.register(recordedRoutes);
  await app.register(enrolmentRoutes);
  await app.register(resultsRoutes);
  await app.register(certificateRoutes);
  await app.register(recordRoutes);
  void app;
}
