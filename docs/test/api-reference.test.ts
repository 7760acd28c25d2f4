import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../packages/server/src/test-support/harness.js';
import { apiReference } from './api-reference.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The page as `biome check` holds it, which formats Markdown tables. */
const formatted = (markdown: string) =>
  execFileSync('pnpm', ['exec', 'biome', 'format', '--stdin-file-path=docs/api.md'], {
    cwd: root,
    input: markdown,
    encoding: 'utf8',
  });

describe('docs/api.md', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ dialect: 'sqlite', url: 'sqlite::memory:' });
  });
  afterAll(() => api.close());

  it('is what the server’s OpenAPI document says (run with -u to write it again)', async () => {
    const served = await api.call('GET', '/openapi.json');
    expect(served.status).toBe(200);
    await expect(formatted(apiReference(served.body))).toMatchFileSnapshot('../api.md');
  }, 60_000);
});
