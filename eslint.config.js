import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/*
 * The import rules of the house, as lint rules: one `no-restricted-imports` block per part of the code.
 * ESLint replaces (does not merge) a rule's options when two blocks match a file, so the blocks below
 * cover disjoint files. `server/test/import-rules.test.ts` lints forbidden imports through this config
 * and fails if a rule stops firing.
 */
const up = '(?:\\.\\./)';
const webRules = {
  files: ['web/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          { name: '@canbo/server', message: 'The web app reaches the server only over HTTP, through the contract.' },
        ],
        patterns: [
          {
            group: ['@canbo/server/*'],
            message: 'The web app reaches the server only over HTTP, through the contract.',
          },
          {
            regex: `^${up}+server(?:/|$)`,
            message: 'The web app reaches the server only over HTTP, through the contract.',
          },
        ],
      },
    ],
  },
};
const contractRules = {
  files: ['contract/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^@canbo/', message: 'The contract imports nothing of ours: server and web both depend on it.' },
          {
            regex: `^${up}+(?:server|web)(?:/|$)`,
            message: 'The contract imports nothing of ours: server and web both depend on it.',
          },
        ],
      },
    ],
  },
};
const dbRules = {
  files: ['server/src/db/**/*.ts'],
  ignores: ['server/src/db/migrations/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^${up}+modules(?:/|$)`,
            message:
              'The database layer (migrations included) knows no feature: features depend on it, not the reverse.',
          },
        ],
      },
    ],
  },
};
/*
 * A migration that has run on someone's database must keep producing the same schema, so it is frozen:
 * it imports kysely, Node and its own `./frozen/` copies (engine, id type, text keys), never live code
 * that later changes (the contract, `schema.ts`, `dialect.ts`, lib, a feature).
 */
const migrationRules = {
  files: ['server/src/db/migrations/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^@canbo/',
            message: 'Migrations are frozen: copy what they need into migrations/frozen/, never import the contract.',
          },
          {
            regex: `^${up}`,
            message: 'Migrations are frozen: they import only ./frozen/ copies, never live server code.',
          },
        ],
      },
    ],
  },
};
const documentPatterns = [
  {
    regex: `^${up}+(?:db|modules)(?:/|$)|^${up}+context(?:\\.ts)?$|^(?:kysely|pg|better-sqlite3)$`,
    message: 'Documents lay out what they are given: no database, no feature.',
  },
  { regex: '^(?:fastify|@fastify/.*)$', message: 'Documents know no HTTP: routes send them (see http.ts sendFile).' },
];
const documentRules = {
  files: ['server/src/documents/**/*.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns: documentPatterns }] },
};
/*
 * A feature's own documents/ folder lays documents out from what its services give it: it imports the
 * shared document parts (server/src/documents) and lib, nothing else of the server.
 */
const featureDocumentRules = {
  files: ['server/src/modules/**/documents/**/*.ts'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...documentPatterns,
          {
            regex: `^${up}+(?!\\.\\./)(?!(?:documents|lib)/)`,
            message:
              "A feature's documents/ only lays out documents: reading the database and deciding what to print belong to a service.",
          },
        ],
      },
    ],
  },
};
/*
 * A feature (a folder of server/src/modules) reaches another feature only through that feature's
 * access gates (`access.ts`, `*.access.ts`), services (`*.service.ts`) and repositories
 * (`*.repository.ts`); everything else in a feature folder is its own business. The audit writer is
 * the one other door: every feature writes its audit rows through it. Tests set up their data as
 * they need and are left out.
 */
const features = readdirSync(new URL('server/src/modules', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const publicFile = '(?:[^/]+/)*(?:[^/]+\\.)?(?:access|service|repository)\\.ts$';
const featureRules = features.flatMap((feature) => {
  const others = features.filter((other) => other !== feature).join('|');
  return [1, 2, 3, 4].map((depth) => ({
    files: [`server/src/modules/${feature}/${'*/'.repeat(depth - 1)}*.ts`],
    ignores: ['**/*.test.ts', '**/*.fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^${up}{${depth}}(?!audit/audit\\.writer\\.ts$)(?:${others})/(?!${publicFile})`,
              message: `Another feature is reached only through its access, service or repository files (access.ts, *.access.ts, *.service.ts, *.repository.ts); move a shared piece to server/src/lib/.`,
            },
            {
              regex: `^${up}{${depth + 1},}modules/`,
              message:
                'Reach another feature as a sibling folder (../<feature>/…), through its access, service or repository files.',
            },
          ],
        },
      ],
    },
  }));
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'eslint.config.js',
      'e2e/screenshots/**',
      '**/*.mjs',
      'scripts/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify route handlers are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The web reaches the API only through the contract's route table (web/src/api/client.ts).
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/api/**', 'web/src/**/*.test.{ts,tsx}', 'web/src/**/testing/**', 'web/src/**/testing.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='fetch']",
          message: 'Call the API through the route table: call(routes.…), download(), upload() from web/src/api.',
        },
        {
          selector: "CallExpression[callee.object.name='window'][callee.property.name='fetch']",
          message: 'Call the API through the route table: call(routes.…), download(), upload() from web/src/api.',
        },
        {
          selector: 'Literal[value=/^\\/api\\//]',
          message: 'No API paths in the web: the route table in the contract holds them.',
        },
        {
          selector: 'TemplateElement[value.raw=/^\\/api\\//]',
          message: 'No API paths in the web: the route table in the contract holds them.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'server/test/**', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  webRules,
  contractRules,
  dbRules,
  migrationRules,
  documentRules,
  ...featureRules,
  // After the feature rules, which it replaces for these files (it is stricter).
  featureDocumentRules,
);
