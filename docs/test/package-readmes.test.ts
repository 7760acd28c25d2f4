import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliWorld, cliWorld } from '../../packages/cli/src/test-support/cli-world.js';
import { root } from './doc-pages.js';
import { fencedBlocks } from './fenced-blocks.js';
import { typeCheckBlocks } from './type-check.js';

const CLI = join(root, 'packages/cli/dist/main.js');
/** Where the READMEs send readers; the tests put their own server there. */
const SERVER_IN_READMES = 'https://mentoring.contoso.com';

/** The one block of packages/<pkg>/README.md marked `tested: <name>`. */
function readmeBlock(pkg: 'cli' | 'core' | 'elements' | 'sdk', name: string): string {
  const found = fencedBlocks(join(root, 'packages', pkg, 'README.md')).filter(
    (block) => block.marker === `tested: ${name}`,
  );
  if (found.length !== 1)
    throw new Error(`packages/${pkg}/README.md: ${found.length} blocks "${name}", not 1`);
  return found[0]?.code ?? '';
}

/** What a block leaves to its reader, declared so that the block type-checks as written. */
const SDK_CLIENT = `import type { RmClient } from '@rm-kit/sdk';
declare const rm: RmClient;
declare const pairId: string;
declare function badge(count: number): void;
declare function toast(message: string): void;
declare function signInAgain(): void;
declare function refresh(entityId: string): void;
declare function showLive(open: boolean): void;
`;
const MSAL = `declare const msal: { acquireTokenSilent(request: { scopes: string[] }): Promise<{ accessToken: string }> };
declare const request: { scopes: string[] };
`;
const TYPED_BLOCKS = [
  { pkg: 'core', name: 'core-imports', preamble: '' },
  { pkg: 'core', name: 'core-parse', preamble: '' },
  {
    pkg: 'core',
    name: 'core-matching',
    preamble: `declare const input: Parameters<typeof proposeMatches>[0];
const { mentors, mentees, managerOf, weights, separateDepartments, pins, bans } = input;
`,
  },
  { pkg: 'sdk', name: 'sdk-imports', preamble: '' },
  { pkg: 'sdk', name: 'sdk-quick-start', preamble: MSAL },
  { pkg: 'sdk', name: 'sdk-person-data', preamble: SDK_CLIENT },
  { pkg: 'sdk', name: 'sdk-outbox-events', preamble: SDK_CLIENT },
  { pkg: 'sdk', name: 'sdk-live-events', preamble: SDK_CLIENT },
  { pkg: 'elements', name: 'elements-imports', preamble: '' },
] as const;

/**
 * An HR export from an Italian spreadsheet: a byte order mark, semicolons, a title with a
 * line break in quotes (so the third record starts on line 5), Luca reporting to Anna, and
 * Excel's trailing empty row. Its line 5 is what the CLI README shows refused.
 */
const BAD_PEOPLE =
  '\uFEFFNome;Cognome;E-mail;Reparto;Fase di carriera;Qualifica;Responsabile\r\n' +
  'Anna;Verdi;anna.verdi@contoso.example;Finanza;dirigente;"CFO\r\nad interim";\r\n' +
  'Luca;Bianchi;luca.bianchi@contoso.example;IT;inizio carriera;Sviluppatore;anna.verdi@contoso.example\r\n' +
  'Sara;Neri;sara.neri(at)contoso.example;IT;junior;;\r\n' +
  ';;;;;;\r\n';
const GOOD_PEOPLE = BAD_PEOPLE.replace('sara.neri(at)', 'sara.neri@').replace(';junior;', ';metà carriera;');
/** Anna (the senior) to learn, Luca (the junior) to teach, in the program open for enrolment. */
const ENROLLMENTS = [
  'email;ruolo;temi;capacità;disponibilità;stato',
  'anna.verdi@contoso.example;mentee;Sostenibilità;;mon-am;accepted',
  'luca.bianchi@contoso.example;mentor;sustainability;2;mon-am, tue-pm;accepted',
  '',
].join('\r\n');

/** The mentor (the junior) whose session the SDK's quick start logs, and the demo's HR admin. */
const GIULIA = 'giulia.rossi@contoso.example';
const CHIARA = 'chiara.ferri@contoso.example';

describe('the code blocks of the package READMEs', () => {
  const work = mkdtempSync(join(tmpdir(), 'rm-kit-readmes-'));
  let world: CliWorld;
  beforeAll(async () => {
    // The packages as an app installs them: by name, through their exports maps, to their
    // built code and types (`pnpm exec tsc -b` first).
    mkdirSync(join(work, 'node_modules/@rm-kit'), { recursive: true });
    for (const pkg of ['core', 'sdk', 'elements']) {
      symlinkSync(join(root, 'packages', pkg), join(work, 'node_modules/@rm-kit', pkg), 'dir');
    }
    world = await cliWorld();
  }, 60_000);
  afterAll(async () => {
    await world?.close();
    rmSync(work, { recursive: true, force: true });
  });
  const demoToken = async (email: string) => {
    const signIn = await fetch(`${world.url}/demo/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    return ((await signIn.json()) as { token: string }).token;
  };

  it('type-checks the TypeScript blocks against the built packages, each as a module of its own', () => {
    const report = typeCheckBlocks(
      work,
      TYPED_BLOCKS.map(({ pkg, name, preamble }) => ({ name, code: `${preamble}${readmeBlock(pkg, name)}` })),
      { types: [] },
    );
    expect(report, 'tsc found errors in the READMEs’ blocks').toBe('');
  }, 60_000);

  it("runs core's parse as written", () => {
    const file = join(work, 'core-parse.mjs');
    const { code } = transformSync(readmeBlock('core', 'core-parse'), { loader: 'ts', format: 'esm' });
    writeFileSync(file, `${code}\nconsole.log(JSON.stringify(body));\n`);
    const body = JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' }));
    expect(body).toMatchObject({ status: 'held', occurredAt: '2026-03-02T09:30:00Z' });
  });

  it("hands the elements' one-tag markup to provider/one-tag.test.ts, which renders it in Chromium against the server", () => {
    // That browser test takes the block after the comment naming it; it must be this one.
    const readme = readFileSync(join(root, 'packages/elements/README.md'), 'utf8');
    const taken = readme.split('<!-- one-tag')[1]?.split('```html')[1]?.split('```')[0] ?? '';
    expect(taken.trim()).toBe(readmeBlock('elements', 'one-tag').trim());
  });

  it("runs the SDK's quick start against the demo as the mentor Giulia Rossi: a session logged, changed and listed, a goal refused", async () => {
    const file = join(work, 'sdk-quick-start.mjs');
    // MSAL's place taken by the demo's token for Giulia.
    const msal = `const msal = { acquireTokenSilent: async () => ({ accessToken: ${JSON.stringify(await demoToken(GIULIA))} }) };
const request = { scopes: [] };
`;
    const { code } = transformSync(readmeBlock('sdk', 'sdk-quick-start'), { loader: 'ts', format: 'esm' });
    writeFileSync(file, msal + code.replaceAll(SERVER_IN_READMES, world.url));
    const output = execFileSync(process.execPath, [file], { cwd: work, encoding: 'utf8', timeout: 30_000 });
    expect(output).not.toContain('Offline');
    expect(output).toContain('Chose one and used it');
    expect(output).toMatch(/path: \[ 'title' \]/);
  }, 60_000);

  // A test runs the CLI as a process up to four times, a second or more each on a busy machine.
  describe("the CLI's, run in bash as written, with a service token", { timeout: 60_000 }, () => {
    let enrolling: string;
    let active: string;
    beforeAll(async () => {
      const programs = (await world.client().programs.page()).items;
      enrolling = programs.find((program) => program.status === 'enrolling')?.id ?? '';
      active = programs.find((program) => program.status === 'active')?.id ?? '';
    });

    /**
     * A block as a reader runs it: `rm-kit` as the installed command would be, the server and
     * the token exported, aliases on as in an interactive shell (for the alias block).
     */
    const sh = (
      script: string,
      options: { cwd?: string; env?: Record<string, string>; unset?: string[] } = {},
    ) => {
      const env: Record<string, string | undefined> = {
        ...process.env,
        HOME: world.dir,
        RMKIT_URL: world.url,
        RMKIT_TOKEN: world.token,
        ...options.env,
      };
      for (const name of options.unset ?? []) delete env[name];
      const run = spawnSync(
        'bash',
        ['-O', 'expand_aliases', '-c', `rm-kit() { node ${JSON.stringify(CLI)} "$@"; }\n${script}`],
        {
          cwd: options.cwd ?? world.dir,
          env,
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      return { code: run.status, stdout: run.stdout, stderr: run.stderr };
    };
    const cli = (name: string, program = enrolling) =>
      readmeBlock('cli', name).replaceAll(SERVER_IN_READMES, world.url).replaceAll('prg_…', program);
    /** Each command of a block, run on its own, in order. */
    const commands = (name: string, program?: string) =>
      cli(name, program)
        .split('\n')
        .filter((line) => line.trim() !== '');

    it('runs from the workspace through the alias', () => {
      const run = sh(cli('cli-alias'), { cwd: root });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^Usage: rm-kit <command>/);
      expect(run.code).toBe(0);
    });

    it('refuses a file with a bad row as the README shows, and a script branches on the exit code', () => {
      writeFileSync(join(world.dir, 'persone.csv'), BAD_PEOPLE);
      const [importPeople = ''] = commands('cli-import-people');
      const refused = sh(importPeople);
      expect(refused.code).toBe(3);
      expect(refused.stdout).toContain(readmeBlock('cli', 'cli-refused'));

      const branched = sh(cli('cli-exit-codes'));
      expect(branched.stdout).toBe('fix the rows in result.json\n');
      expect(readFileSync(join(world.dir, 'result.json'), 'utf8')).toContain('Invalid email address');
    });

    it('has an admin make the service token, kept in a file only the operator reads, and imports with it', async () => {
      const made = sh(cli('cli-service-token'), { env: { ADMIN_JWT: await demoToken(CHIARA) } });
      expect(made.code).toBe(0);
      const tokenFile = join(world.dir, '.rm-kit-token');
      expect(readFileSync(tokenFile, 'utf8')).toMatch(/^rmk_/);
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);

      writeFileSync(join(world.dir, 'persone.csv'), GOOD_PEOPLE);
      const imported = sh(cli('cli-connection'), { unset: ['RMKIT_URL', 'RMKIT_TOKEN'] });
      expect(imported.stdout).toContain('3 rows: 3 created, 0 updated, 0 already there.');
      expect(imported.code).toBe(0);
      expect(sh(cli('cli-exit-codes')).stdout).toBe('imported\n');
    });

    it('imports people again as each option says, doubling no one', () => {
      const [checked, partial, update, json] = commands('cli-import-people');
      expect(sh(checked ?? '').stdout).toContain('3 rows: 0 created, 0 updated, 3 already there.');
      expect(sh(partial ?? '').stdout).toContain('3 rows: 0 created, 0 updated, 3 already there.');
      // Sara moved to another department since the first import.
      writeFileSync(
        join(world.dir, 'persone.csv'),
        GOOD_PEOPLE.replace(
          'Sara;Neri;sara.neri@contoso.example;IT',
          'Sara;Neri;sara.neri@contoso.example;HR',
        ),
      );
      const updated = sh(update ?? '');
      expect(updated.stdout).toContain('3 rows: 0 created, 1 updated, 2 already there.');
      expect(updated.code).toBe(0);
      const result = sh(json ?? '');
      expect(JSON.parse(result.stdout)).toMatchObject({ written: [{ line: 2 }, { line: 4 }, { line: 5 }] });
      expect(result.code).toBe(0);
    });

    it('enrols them, shows matching in English and Italian, then publishes it', () => {
      writeFileSync(join(world.dir, 'iscrizioni.csv'), ENROLLMENTS);
      const enrolled = sh(cli('cli-import-enrollments'));
      expect(enrolled.stdout).toContain('2 rows: 2 created, 0 updated, 0 already there.');
      expect(enrolled.code).toBe(0);

      const [shown, italian, published] = commands('cli-match').map((line) => sh(line));
      expect(shown?.stdout).toMatch(
        /Luca Bianchi \(mentor, junior\) with .+ \(mentee, senior\): score \d\.\d\d/,
      );
      expect(shown?.stdout).toContain('Not published: run again with --publish');
      expect(italian?.stdout).toMatch(/\n {3}- Offre/);
      const result = JSON.parse(published?.stdout ?? '') as {
        proposals: unknown[];
        published: { items: unknown[] };
      };
      expect(result.published.items).toHaveLength(result.proposals.length);
      expect(result.proposals.length).toBeGreaterThan(0);
      expect([shown, italian, published].map((run) => run?.code)).toEqual([0, 0, 0]);
    });

    it("exports an active program's report, pairs and sessions", () => {
      const [report, pairs, sessions] = commands('cli-export', active).map((line) => sh(line));
      expect([report, pairs, sessions].map((run) => run?.code)).toEqual([0, 0, 0]);
      expect(report?.stdout.split('\r\n')[0]).toBe('figure,group,value');
      expect(readFileSync(join(world.dir, 'coppie.csv'), 'utf8')).toMatch(/^\uFEFFpairId;mentor \(junior\);/);
      expect(readFileSync(join(world.dir, 'sessioni.csv'), 'utf8')).toContain(
        ',Giulia Rossi,Marco Rinaldi,active,',
      );
    });
  });
});
