import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The tour of every page (tour.e2e.ts) last: it looks at the database the stories leave (their classes,
 * moves, imports), and a story is not kept waiting behind it. The stories in vitest's own order.
 */
class TourLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const tour = (f: TestSpecification) => f.moduleId.endsWith('/e2e/tour.e2e.ts');
    return [...sorted.filter((f) => !tour(f)), ...sorted.filter(tour)];
  }
}

// Run by e2e/run.mjs, which starts the server and passes CANBO_E2E_URL. One browser, one file at a time:
// the tests walk through a story on a shared database.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false, sequencer: TourLast },
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
