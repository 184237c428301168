import type { App } from '../../http.ts';

/**
 * Training, mounted under /api/v1/training (and /api/v1/public for certificate verification).
 * One plugin per part of the feature; each lives in its folder beside its service and tests.
 */
export async function trainingRoutes(app: App): Promise<void> {
  // (each part registers its routes here)
  void app;
}
