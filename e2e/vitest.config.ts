import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Run by e2e/run.mjs, which starts the server and passes CANBO_E2E_URL. One browser, one file at a time:
// the tests walk through a story on a shared database.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    // The tour of every page (e2e/tour.e2e.ts) runs on its own, `npm run test:tour`, until every role's
    // walk has passed it whole on an idle machine; it then joins this suite and CI (docs/CODEMAP.md).
    exclude: process.env.CANBO_TOUR ? [] : ['e2e/tour.e2e.ts'],
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
