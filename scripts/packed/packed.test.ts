import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { startRmServer } from '../rm-server-process.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('.', import.meta.url));
const PACKAGES = ['core', 'sdk', 'elements', 'server', 'cli'] as const;
type PackageName = (typeof PACKAGES)[number];

/** The version the workspace installed, so that the apps' installs are answered by the pnpm store. */
const installed = (name: string, from = root) =>
  (
    JSON.parse(
      readFileSync(createRequire(join(from, 'package.json')).resolve(`${name}/package.json`), 'utf8'),
    ) as { version: string }
  ).version;

// better-sqlite3 compiles where the store has no build of it: with Node's own headers (scripts/setup.sh).
const nodePrefix = dirname(dirname(process.execPath));
const env = {
  ...process.env,
  ...(existsSync(join(nodePrefix, 'include/node/node.h')) ? { npm_config_nodedir: nodePrefix } : {}),
};
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: 'pipe' });

const tarEntries = (tarball: string) =>
  run('tar', ['-tzf', tarball], root)
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''));
const tarFile = (tarball: string, file: string) => run('tar', ['-xzOf', tarball, `package/${file}`], root);

/** Every path an exports map, a bin or a manifest field names. */
function namedPaths(pkg: Record<string, unknown>): string[] {
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(strings);
  return [...strings(pkg.exports), ...strings(pkg.bin), ...strings(pkg.customElements)].map((path) =>
    path.replace(/^\.\//, ''),
  );
}

/**
 * An app a company would start outside this repository: its own folder, its own lockfile,
 * the packed tarballs as its dependencies (and as overrides, since the packages name each
 * other by version and none is on a registry yet), everything else from the registry as
 * the workspace has it, answered by the pnpm store where it can.
 */
function freshApp(
  dir: string,
  fixture: string,
  tarballs: Record<PackageName, string>,
  dependencies: Record<string, string>,
  builds: Record<string, boolean>,
  settings: string[] = [],
) {
  cpSync(join(fixtures, fixture), dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `fresh-${fixture}`, private: true, type: 'module', dependencies }, null, 2),
  );
  const overrides = { '@rm-kit/core': `file:${tarballs.core}`, '@rm-kit/sdk': `file:${tarballs.sdk}` };
  // pnpm's settings, in the block style pnpm edits in place; JSON strings are YAML strings.
  const block = (entries: Record<string, string | boolean>) =>
    Object.entries(entries).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}\n`);
  writeFileSync(
    join(dir, 'pnpm-workspace.yaml'),
    ['overrides:\n', ...block(overrides), 'allowBuilds:\n', ...block(builds), ...settings].join(''),
  );
  run('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=silent'], dir);
}

/** tsc of the app's own TypeScript: its exit code and what it printed. */
const typeCheck = (dir: string) => {
  const result = spawnSync(join(dir, 'node_modules/.bin/tsc'), ['-p', '.'], {
    cwd: dir,
    env,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('the packages as published: packed, installed into fresh apps outside the workspace', () => {
  const work = mkdtempSync(join(tmpdir(), 'rm-kit-packed-'));
  const nodeApp = join(work, 'node-app');
  const reactApp = join(work, 'react-app');
  const tarballs = {} as Record<PackageName, string>;

  beforeAll(() => {
    // Packed as built: the test command builds everything first (`pnpm test` starts with
    // `pnpm run build`). Each package's prepack would build it again, the elements' bundle
    // emptied and rewritten in place while other test files serve it to Chromium.
    if (!existsSync(join(root, 'packages/elements/dist/bundle/integrity.json')))
      throw new Error('Build first (pnpm run build): the packages are packed as built.');
    for (const name of PACKAGES) {
      execFileSync('pnpm', ['pack', '--pack-destination', work], {
        cwd: join(root, 'packages', name),
        env: { ...env, npm_config_ignore_scripts: 'true' },
        stdio: 'pipe',
      });
      const file = readdirSync(work).find((entry) => entry.startsWith(`rm-kit-${name}-`));
      if (!file) throw new Error(`pnpm pack wrote no tarball for @rm-kit/${name}`);
      tarballs[name] = join(work, file);
    }
    const tarball = (name: PackageName) => `file:${tarballs[name]}`;
    freshApp(
      nodeApp,
      'node-app',
      tarballs,
      {
        '@rm-kit/core': tarball('core'),
        '@rm-kit/sdk': tarball('sdk'),
        '@rm-kit/server': tarball('server'),
        '@rm-kit/cli': tarball('cli'),
        typescript: installed('typescript'),
        '@types/node': installed('@types/node'),
      },
      // swagger-ui-dist's install-time telemetry stays off, as in the workspace.
      { 'better-sqlite3': true, '@scarf/scarf': false },
    );
    freshApp(
      reactApp,
      'react-app',
      tarballs,
      {
        '@rm-kit/elements': tarball('elements'),
        react: installed('react'),
        'react-dom': installed('react-dom'),
        '@types/react': installed('@types/react'),
        '@types/react-dom': installed('@types/react-dom'),
        typescript: installed('typescript'),
        vite: installed('vite', join(root, 'packages/elements')),
      },
      { esbuild: true },
      // Packages in pnpm's global virtual store, outside the app's folder: from there a package
      // resolves only what it declares, as from a folder install, so react.d.ts finds the app's
      // @types/react through its peer dependency or not at all (it used to find none).
      ['enableGlobalVirtualStore: true\n'],
    );
  }, 180_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ship every file their exports, bins and manifest name, and no tests, test support or sources', () => {
    for (const name of PACKAGES) {
      const files = tarEntries(tarballs[name]);
      const pkg = JSON.parse(tarFile(tarballs[name], 'package.json')) as Record<string, unknown>;
      expect(pkg.private, name).toBeUndefined();
      expect(JSON.stringify(pkg.dependencies ?? {}), name).not.toContain('workspace:');
      expect(
        files.filter((file) => /\.test\.|test-support\/|hardening\/|\.map$|^src\//.test(file)),
        name,
      ).toEqual([]);
      for (const path of namedPaths(pkg)) {
        const [prefix = ''] = path.split('*');
        const shipped = path.includes('*')
          ? files.some((file) => file.startsWith(prefix))
          : files.includes(path);
        expect(shipped, `${name} names ${path}`).toBe(true);
      }
      expect(files, name).toContain('README.md');
      expect(files, name).toContain('LICENSE');
    }
    const elements = tarEntries(tarballs.elements);
    const integrity = JSON.parse(tarFile(tarballs.elements, 'dist/bundle/integrity.json')) as Record<
      string,
      string
    >;
    expect(Object.keys(integrity)).toContain('rm-kit.js');
    for (const chunk of [...Object.keys(integrity), 'integrity.json', 'script-tag.html'])
      expect(elements).toContain(`dist/bundle/${chunk}`);
    expect(elements).toContain('react.d.ts');
  });

  it('are clean for publint, as packed', async () => {
    for (const name of PACKAGES) {
      const tarball = readFileSync(tarballs[name]);
      const { messages } = await publint({
        pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
        level: 'suggestion',
        strict: true,
      });
      expect(messages, name).toEqual([]);
    }
  });

  it('give a Node app types from core and the SDK, and run it against the packed server and CLI', async () => {
    expect(typeCheck(nodeApp)).toEqual({ status: 0, output: '' });
    const server = await startRmServer(
      { DATABASE_URL: 'sqlite::memory:' },
      { built: true, packageDir: join(nodeApp, 'node_modules/@rm-kit/server') },
    );
    try {
      const printed = run(process.execPath, ['dist/app.js', server.url], nodeApp);
      expect(JSON.parse(printed)).toEqual({
        person: 'Giulia Rossi',
        logged: 'Installed from the tarballs',
        refused: ['durationMinutes', 'occurredAt'],
        unknownStatus: 'imagined',
      });
    } finally {
      await server.stop();
    }
    expect(run(join(nodeApp, 'node_modules/.bin/rm-kit'), ['--help'], nodeApp)).toMatch(/^Usage: rm-kit /);
  }, 120_000);

  it('type the elements in a React 19 app’s JSX with no special setting, refuse a wrong prop, and render the pair', async () => {
    expect(typeCheck(reactApp)).toEqual({ status: 0, output: '' });

    cpSync(join(fixtures, 'react-app/wrong-prop.tsx'), join(reactApp, 'src/wrong-prop.tsx'));
    const wrong = typeCheck(reactApp);
    rmSync(join(reactApp, 'src/wrong-prop.tsx'));
    expect(wrong.status).not.toBe(0);
    expect(wrong.output).toMatch(
      /src\/wrong-prop\.tsx\(4,\d+\): error TS2322: Type '"huge"' is not assignable/,
    );
    expect(wrong.output.trim().split('\n')).toHaveLength(1);

    run(join(reactApp, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], reactApp);
    const server = await startRmServer(
      { DATABASE_URL: 'sqlite::memory:', RMKIT_STATIC_DIRS: join(reactApp, 'dist') },
      { built: true, packageDir: join(nodeApp, 'node_modules/@rm-kit/server') },
    );
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const signIn = await fetch(`${server.url}/demo/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'giulia.rossi@contoso.example' }),
      });
      const { token } = (await signIn.json()) as { token: string };
      const page = await browser.newPage();
      await page.goto(`${server.url}/?token=${encodeURIComponent(token)}`);
      // The card found the signed-in mentor's pair, and React heard its rm-load.
      await page.locator('rm-pair-card').getByText('Marco Rinaldi').first().waitFor();
      await expect.poll(() => page.locator('output').textContent()).toBe('1 loaded');
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 120_000);
});
