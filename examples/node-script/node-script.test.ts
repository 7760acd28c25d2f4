import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../scripts/rm-server-process.mjs';
import { excerpts, readmeBlocks, testedBlock, unmarkedBlocks } from '../test-support/readme-blocks.js';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
/** The demo organisation's HR admin, who creates the service token. */
const ADMIN = 'chiara.ferri@contoso.example';

/**
 * The README's commands, built and run as their own processes against the real server in
 * demo mode, with a service token an admin created through the API.
 */
describe('the node-script example exports a program report through the SDK', () => {
  const work = mkdtempSync(join(tmpdir(), 'rm-kit-node-script-'));
  let server: RmServerProcess;
  let token: string;
  let programId: string;

  const api = async (path: string, init: RequestInit = {}, bearer = token) => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}` },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  /** A README block run by bash from the example's folder, with a real program id. */
  const shell = (code: string, env: Record<string, string> = {}) =>
    run('bash', ['-c', code.replaceAll('prg_…', programId)], {
      cwd: here,
      env: { ...process.env, RMKIT_URL: server.url, RMKIT_TOKEN: token, ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  beforeAll(async () => {
    server = await startRmServer({ DATABASE_URL: `sqlite:${join(work, 'rm-kit.sqlite')}` });
    const signedIn = await fetch(`${server.url}/demo/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: ADMIN }),
    });
    const admin = ((await signedIn.json()) as { token: string }).token;
    const created = await api('/v1/service-tokens', { method: 'POST', body: '{"name":"Report"}' }, admin);
    token = ((await created.json()) as { token: string }).token;
    const programs = (await (await api('/v1/programs')).json()) as {
      items: { id: string; status: string }[];
    };
    programId = programs.items.find((program) => program.status === 'active')?.id ?? '';
    await run('bash', ['-c', testedBlock(here, 'build')], { cwd: root });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('marks every code block of the README as tested, an excerpt of the source, or run by hand', () => {
    expect(readmeBlocks(here).length).toBeGreaterThan(4);
    expect(unmarkedBlocks(here)).toEqual([]);
    for (const { file, code, source } of excerpts(here)) expect(source, file).toContain(code);
  });

  it('prints the CSV the API gives for the program, figure by figure', async () => {
    const printed = await shell(testedBlock(here, 'csv'));
    expect(printed.stderr).toBe('');
    expect(printed.code).toBe(0);
    const fromApi = await (await api(`/v1/programs/${programId}/report?format=csv`)).text();
    expect(printed.stdout).toBe(fromApi);
    const report = (await (await api(`/v1/programs/${programId}/report`)).json()) as {
      pairs: { total: number };
    };
    expect(printed.stdout).toContain(`pairs,total,${report.pairs.total}\r\n`);
    expect(report.pairs.total).toBeGreaterThan(0);
  }, 30_000);

  it('writes the report as JSON to a file, equal to the API’s', async () => {
    const out = join(work, 'report.json');
    const written = await shell(testedBlock(here, 'json').replace('report.json', out));
    expect(written.code).toBe(0);
    expect(written.stderr).toBe(`Wrote the report of ${programId} to ${out}.\n`);
    const fromApi = await (await api(`/v1/programs/${programId}/report`)).json();
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(fromApi);
  }, 30_000);

  it('says the token was refused, and exits 2, printing nothing to stdout', async () => {
    const refused = await shell(testedBlock(here, 'csv'), { RMKIT_TOKEN: 'not-a-token' });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `${server.url} refused the token in RMKIT_TOKEN: is it a current service token?\n`,
    );
  }, 30_000);

  it('names an unknown program, well-formed or not, and exits 3', async () => {
    for (const id of ['prg_00000000000000000000000000', 'prg_nope']) {
      const unknown = await shell(`node dist/program-report.js --program ${id}`);
      expect(unknown.code).toBe(3);
      expect(unknown.stderr).toBe(`${server.url} has no program ${id} (ids look like prg_…).\n`);
    }
  }, 30_000);

  it('says the server cannot be reached, and exits 4', async () => {
    const closed = 'http://127.0.0.1:9';
    const away = await shell(testedBlock(here, 'csv'), { RMKIT_URL: closed });
    expect(away.code).toBe(4);
    expect(away.stderr).toMatch(new RegExp(`^Cannot reach ${closed}: `));
  }, 30_000);

  it('refuses a format it does not write, and a missing token, before calling the server', async () => {
    const format = await shell('node dist/program-report.js --program prg_… --format xml');
    expect(format.code).toBe(1);
    expect(format.stderr).toBe('--format is csv or json, not xml.\n');
    const noToken = await shell('node dist/program-report.js --program prg_…', { RMKIT_TOKEN: '' });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toBe('Set RMKIT_URL and RMKIT_TOKEN (a service token).\n');
  }, 30_000);
});
