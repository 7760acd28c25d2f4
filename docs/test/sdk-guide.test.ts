import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../scripts/rm-server-process.mjs';
import { root } from './doc-pages.js';
import { fencedBlocks } from './fenced-blocks.js';
import { typeCheckBlocks } from './type-check.js';

const blocks = fencedBlocks(join(root, 'docs/sdk.md')).filter((b) => b.marker === 'tested: sdk-guide');

/** The two names the guide says its blocks may use without declaring them. */
const PREAMBLE = `declare const msal: { acquireTokenSilent(request: { scopes: string[] }): Promise<{ accessToken: string }> };
declare const pairId: string;
`;

describe('docs/sdk.md', () => {
  const work = mkdtempSync(join(tmpdir(), 'rm-kit-sdk-guide-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('type-checks every TypeScript block against the SDK, each as a module of its own', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    const report = typeCheckBlocks(
      work,
      blocks.map((block, index) => ({
        name: `block-${index + 1}-line-${block.line}`,
        code: `${PREAMBLE}${block.code}`,
      })),
      {
        customConditions: ['source'],
        types: ['node'],
        paths: { '@rm-kit/sdk': [join(root, 'packages/sdk/src/index.ts')] },
      },
    );
    if (report) throw new Error(`tsc found errors in docs/sdk.md's blocks:\n${report}`);
  }, 60_000);

  describe('the Node script, run against the demo with a service token', () => {
    let server: RmServerProcess;
    let serviceToken: string;
    beforeAll(async () => {
      server = await startRmServer({ DATABASE_URL: `sqlite:${join(work, 'rm-kit.sqlite')}` });
      const signIn = await fetch(`${server.url}/demo/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'chiara.ferri@contoso.example' }),
      });
      const { token } = (await signIn.json()) as { token: string };
      const made = await fetch(`${server.url}/v1/service-tokens`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'sdk guide' }),
      });
      serviceToken = ((await made.json()) as { token: string }).token;
    }, 60_000);
    afterAll(() => server?.stop());

    it('prints each active program’s pairs and whether its feedback is released', () => {
      const script = blocks.find((b) => b.code.includes('process.env.RMKIT_TOKEN'));
      if (!script) throw new Error('docs/sdk.md has no Node script marked "tested: sdk-guide"');
      const file = join(work, 'report.mjs');
      const sdk = pathToFileURL(join(root, 'packages/sdk/dist/index.js')).href;
      writeFileSync(file, script.code.replace("from '@rm-kit/sdk'", `from '${sdk}'`));
      const output = execFileSync(process.execPath, [file], {
        env: { ...process.env, RMKIT_URL: server.url, RMKIT_TOKEN: serviceToken },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(output).toMatch(/: \d+ pairs \{/);
      expect(output).toMatch(/feedback released|answers: no figures yet/);
    }, 60_000);
  });
});
