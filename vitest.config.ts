import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores, for its own process; that process has little
    // to do once the modules are transformed, and on a 2-core CI machine the default left a core idle.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share no data: each has its own database (SQLite in memory or a PostgreSQL schema).
    fileParallelism: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['contract/**/*.test.ts', 'server/**/*.test.ts'],
          // Every server test file builds the whole app (testApp) on a database of its own and closes it
          // after; what they would share by running in one process is only modules without state worth
          // the name (caches of constants). Loading the app once per worker instead of once per file
          // saves a few seconds a file, on each engine.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          setupFiles: ['web/src/testing/setup.ts'],
          // A fresh process per file loaded antd, React and the app's modules again for each (a third of the
          // project's time). Shared, each file still gets its own DOM (the environment is set up per file),
          // its own mocks and globals; what outlives a file is the modules' state: the setup file puts
          // i18next back in Vietnamese. Run with `--sequence.shuffle.files` to check no file needs another.
          isolate: false,
        },
      },
    ],
  },
});
