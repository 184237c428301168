import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The repository's own eslint.config.js, with only the import rule running (so no type information is
// needed and the files below need not exist): a rule that stops firing fails here, not silently.
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  });
});

/** The import sources the lint refuses in `file`, out of `sources`. */
async function refused(file: string, sources: string[]): Promise<string[]> {
  const code = sources.map((source, i) => `import * as m${i} from '${source}';\nvoid m${i};`).join('\n');
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  expect(result!.messages.every((message) => message.ruleId === 'no-restricted-imports')).toBe(true);
  // One source may break two rules (two messages on its line): count it once.
  const lines = new Set(result!.messages.map((message) => message.line));
  return [...lines].map((line) => sources[(line - 1) / 2]!);
}

describe('the import rules of the house are lint errors', () => {
  it('the web app never imports the server', async () => {
    const sources = ['@canbo/server', '@canbo/server/src/db/index.ts', '../../../../server/src/errors.ts'];
    expect(
      await refused('web/src/features/people/Fixture.tsx', [...sources, '@canbo/contract', '../../lib/dates.ts']),
    ).toEqual(sources);
  });

  it('the contract imports nothing of ours', async () => {
    const sources = ['@canbo/server', '@canbo/web', '../../server/src/http.ts', '../../web/src/main.tsx'];
    expect(await refused('contract/src/fixture.ts', [...sources, 'zod', './enums.ts'])).toEqual(sources);
  });

  it('migrations are frozen: only kysely, Node and their own frozen copies', async () => {
    const sources = [
      '../../modules/people/people.repository.ts',
      '../../modules/catalog/catalog.repository.ts',
      '@canbo/contract',
      '../schema.ts',
      '../dialect.ts',
      '../index.ts',
      '../../lib/dates.ts',
    ];
    const allowed = ['./frozen/text.ts', './frozen/engine.ts', 'kysely', 'node:fs'];
    expect(await refused('server/src/db/migrations/9999_fixture.ts', [...sources, ...allowed])).toEqual(sources);
    expect(await refused('server/src/db/migrations/frozen/fixture.ts', ['../../schema.ts', '@canbo/contract'])).toEqual(
      ['../../schema.ts', '@canbo/contract'],
    );
  });

  it('the database layer never imports a feature', async () => {
    expect(await refused('server/src/db/fixture.ts', ['../modules/units/units.service.ts', './dialect.ts'])).toEqual([
      '../modules/units/units.service.ts',
    ]);
  });

  it('documents never import the database, a feature or Fastify', async () => {
    const sources = [
      '../../db/index.ts',
      '../../context.ts',
      'kysely',
      '../../modules/training/classes/class.repository.ts',
      'fastify',
      '@fastify/multipart',
    ];
    expect(
      await refused('server/src/documents/pdf/fixture.ts', [...sources, './pdf.ts', '../file.ts', 'pdfkit']),
    ).toEqual(sources);
  });

  it("a feature's documents/ only lays documents out: no service, repository, access gate or database", async () => {
    const sources = [
      '../enrolments/summons.repository.ts',
      '../enrolments/summons.service.ts',
      '../classes/class.access.ts',
      '../../../auth/policy.ts',
      '../../../context.ts',
      '../../people/people.service.ts',
      'fastify',
    ];
    const allowed = [
      '../../../documents/docx/page.ts',
      '../../../lib/dates.ts',
      './signin.ts',
      '@canbo/contract',
      'docx',
    ];
    expect(await refused('server/src/modules/training/documents/fixture.ts', [...sources, ...allowed])).toEqual(
      sources,
    );
  });

  it('a feature reaches another only through its access, service and repository files', async () => {
    const refusedSources = [
      '../../people/people.view.ts',
      '../../people/people.routes.ts',
      '../../people/people.export.ts',
      '../../units/units.tree.ts',
      '../../../modules/people/people.service.ts',
    ];
    const allowed = [
      '../../people/people.service.ts',
      '../../people/people.repository.ts',
      '../../people/access.ts',
      '../../units/units.access.ts',
      '../../audit/audit.writer.ts',
      '../../../auth/policy.ts',
      '../../../lib/chunks.ts',
      '../enrolments/waitlist.ts',
      '../results/outcomes.ts',
    ];
    expect(await refused('server/src/modules/training/classes/fixture.ts', [...refusedSources, ...allowed])).toEqual(
      refusedSources,
    );
    expect(
      await refused('server/src/modules/positions/fixture.ts', [
        '../people/people.view.ts',
        '../training/programmes/programmes.routes.ts',
        '../people/people.repository.ts',
        '../../auth/session.ts',
        './positions.repository.ts',
      ]),
    ).toEqual(['../people/people.view.ts', '../training/programmes/programmes.routes.ts']);
  });
});
