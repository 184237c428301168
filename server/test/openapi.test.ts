import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './app.ts';

describe('OpenAPI', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('describes every API route at /api/docs/json and serves the explorer at /api/docs', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.statusCode).toBe(200);
    const paths = Object.keys(spec.json<{ paths: Record<string, unknown> }>().paths);
    const documented = new Set(paths.map((p) => p.replace(/\{(\w+)\}/g, ':$1')));
    for (const route of t.app.routeTable) expect(documented).toContain(route.url);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/html/);
  });
});
