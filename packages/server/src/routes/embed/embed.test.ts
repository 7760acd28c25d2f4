import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CannotStart } from '../../cannot-start.js';
import { readConfig } from '../../config.js';
import { createTestApi, TEST_ISSUER, type TestApi } from '../../test-support/harness.js';

const SHAREPOINT = 'https://contoso.sharepoint.com';
const OTHER_TENANT_SITE = 'https://fabrikam.sharepoint.com';
const sqlite = { dialect: 'sqlite' as const, url: 'sqlite::memory:' };

/** The `frame-ancestors` sources of an answer's policy. */
const frameAncestors = (headers: Headers) =>
  /frame-ancestors ([^;]+)/.exec(headers.get('Content-Security-Policy') ?? '')?.[1]?.trim();

describe('the page for SharePoint’s Embed web part (GET /embed/pair)', () => {
  let api: TestApi;
  let alone: TestApi;

  beforeAll(async () => {
    api = await createTestApi(sqlite, { RMKIT_FRAME_ANCESTORS: `${SHAREPOINT}, ${OTHER_TENANT_SITE}` });
    alone = await createTestApi(sqlite);
  });
  afterAll(async () => {
    await api.close();
    await alone.close();
  });

  it('may be framed by the SharePoint hosts RMKIT_FRAME_ANCESTORS lists, and nothing says otherwise', async () => {
    const page = await api.call('GET', '/embed/pair');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(frameAncestors(page.headers)).toBe(`${SHAREPOINT} ${OTHER_TENANT_SITE}`);
    expect(page.headers.get('X-Frame-Options')).toBeNull();
    // It loads the kit and its own script from this server, and signs in where the server's tokens come from.
    expect(page.body).toContain('<script type="module" src="/rm-kit.js"></script>');
    expect(page.body).toContain('<script type="module" src="/embed/embed.js"></script>');
    expect(page.body).toContain(`data-issuer="${TEST_ISSUER}" data-client-id="rm-kit"`);
    expect(page.headers.get('Content-Security-Policy')).toContain(
      "connect-src 'self' https://login.example.test",
    );
    const script = await api.app.request('/embed/embed.js');
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("code_challenge_method: 'S256'");
  });

  it('is framed by this server’s own pages only when no host is listed', async () => {
    const page = await alone.call('GET', '/embed/pair');
    expect(frameAncestors(page.headers)).toBe("'self'");
    expect(page.headers.get('X-Frame-Options')).toBeNull();
  });

  it('names no identity provider on a server that trusts none but its demo tokens', async () => {
    const demo = await createTestApi(sqlite, { RMKIT_DEMO: '1', RMKIT_ISSUER: '', RMKIT_AUDIENCE: '' });
    try {
      const page = await demo.call('GET', '/embed/pair');
      expect(page.body).toContain('data-issuer="" data-client-id=""');
      expect(page.headers.get('Content-Security-Policy')).toContain("connect-src 'self';");
    } finally {
      await demo.close();
    }
  });

  it('leaves every other answer unframeable: the API, the reference, the sign-in return page', async () => {
    const me = await api.call('GET', '/v1/me');
    expect(me.status).toBe(401);
    expect(frameAncestors(me.headers)).toBe("'none'");
    expect(me.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    for (const path of ['/docs', '/openapi.json', '/embed/signed-in'])
      expect(frameAncestors((await api.call('GET', path)).headers), path).toBe("'none'");
  });

  it('refuses, naming each, the values that would let other sites frame it or bend the policy', () => {
    const problems = (value: string) => {
      try {
        readConfig({ RMKIT_DEMO: '1', RMKIT_FRAME_ANCESTORS: value });
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(CannotStart);
        return (error as Error).message;
      }
    };
    expect(problems(`${SHAREPOINT},http://localhost:4321`)).toBe('');
    expect(problems('https://*.sharepoint.com')).toContain(
      'RMKIT_FRAME_ANCESTORS: "https://*.sharepoint.com": no wildcards',
    );
    expect(problems('*')).toContain('no wildcards');
    expect(problems("'self'")).toContain(`"'self'" is not an origin`);
    expect(problems('contoso.sharepoint.com')).toContain('"contoso.sharepoint.com" is not an origin');
    expect(problems('http://contoso.sharepoint.com')).toContain(
      '"http://contoso.sharepoint.com" must be https:// (plain http only for localhost)',
    );
    expect(problems(`${SHAREPOINT}/sites/hr`)).toContain(
      `"${SHAREPOINT}/sites/hr": give the origin alone, ${SHAREPOINT}`,
    );
    expect(problems(`${SHAREPOINT}; script-src https://evil.example`)).toContain('RMKIT_FRAME_ANCESTORS');
    // Two bad entries, two lines.
    expect(problems('a,b').match(/RMKIT_FRAME_ANCESTORS/g)).toHaveLength(2);
  });

  it('stops a server given a bad value, with one JSON line that names it, and exit code 1', async () => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      env: {
        ...process.env,
        PORT: '0',
        RMKIT_DEMO: '1',
        DATABASE_URL: 'sqlite::memory:',
        RMKIT_FRAME_ANCESTORS: 'https://*.sharepoint.com',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '') as { level: number; msg: string };
    expect(line.level).toBe(60);
    expect(line.msg).toBe(
      'Invalid configuration:\n  RMKIT_FRAME_ANCESTORS: "https://*.sharepoint.com": no wildcards, which would let every site under them frame the page; list each SharePoint host, e.g. https://contoso.sharepoint.com',
    );
  }, 30_000);
});
