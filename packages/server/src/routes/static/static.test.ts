import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test-support/harness.js';

describe('pages served beside the API (RMKIT_STATIC_DIRS)', () => {
  let api: TestApi;

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'rm-kit-static-'));
    const page = join(root, 'page');
    const bundle = join(root, 'bundle');
    mkdirSync(page);
    mkdirSync(bundle);
    writeFileSync(join(page, 'index.html'), '<!doctype html><title>Intranet</title>');
    writeFileSync(join(bundle, 'rm-kit.js'), 'export {};');
    writeFileSync(join(root, 'secret.txt'), 'not for the web');
    api = await createTestApi(
      { dialect: 'sqlite', url: 'sqlite::memory:' },
      { RMKIT_STATIC_DIRS: `${page},${bundle}`, RMKIT_CORS_ORIGINS: 'https://intranet.contoso.example' },
    );
  });
  afterAll(() => api.close());

  it('serves the page and the bundle from their directories, under a strict CSP', async () => {
    const page = await api.app.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/text\/html/);
    expect(page.headers.get('Content-Security-Policy')).toBe(
      "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'",
    );
    const bundle = await api.app.request('/rm-kit.js');
    expect(bundle.headers.get('Content-Type')).toMatch(/javascript/);
  });

  it('lets a page of an allowed origin load the bundle, and names no other origin', async () => {
    const allowed = await api.app.request('/rm-kit.js', {
      headers: { Origin: 'https://intranet.contoso.example' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://intranet.contoso.example');
    expect(allowed.headers.get('Vary')).toBe('Origin');
    expect(allowed.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');

    const other = await api.app.request('/rm-kit.js', { headers: { Origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(other.headers.get('Vary')).toBe('Origin');
  });

  it('leaves pages to their own origin: no Cross-Origin-Resource-Policy opening them to others', async () => {
    const page = await api.app.request('/', { headers: { Origin: 'https://intranet.contoso.example' } });
    expect(page.headers.get('Cross-Origin-Resource-Policy')).toBeNull();
  });

  it('never serves a file outside the directories', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      expect((await api.app.request(path)).status, path).toBe(404);
    }
  });

  it('leaves /v1 to the API, and answers an unknown path with a JSON 404 rather than a 405', async () => {
    const unknown = await api.app.request('/v1/nothing');
    expect(unknown.status).toBe(401);
    const posted = await api.app.request('/nowhere', { method: 'POST' });
    expect(posted.status).toBe(404);
    expect(((await posted.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
