import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const example = fileURLToPath(new URL('../../..', import.meta.url));
const webPart = readdirSync(here).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

describe('the web part in an SPFx solution', () => {
  // SPFx's generated tsconfig resolves modules the old "node" way, which reads no exports map:
  // the kit's types must still be found (its packages' typesVersions), or `provider.getToken`
  // would not type-check. TypeScript 5, as SPFx's toolchain runs it: 7 no longer has "node".
  it('type-checks with moduleResolution "node" and the template’s other settings', async () => {
    const tsc = promisify(execFile);
    const checked = await tsc(
      process.execPath,
      [
        'node_modules/typescript-5/bin/tsc',
        '--noEmit',
        ...['--moduleResolution', 'node', '--module', 'esnext', '--target', 'es2017'],
        ...['--lib', 'es2022,dom,dom.iterable', '--types', 'node'],
        ...['--experimentalDecorators', '--skipLibCheck', '--strict'],
        ...webPart.map((file) => `src/webparts/rmKit/${file}`),
      ],
      { cwd: example },
    ).catch((error: { stdout: string }) => error);
    expect(checked.stdout).toBe('');
  }, 60_000);
});
