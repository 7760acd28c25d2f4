import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test-support/harness.js';

describe('pages served beside the API (RMKIT_STATIC_DIRS)', () => {
  let api: TestApi;
  let bundle: string;
  /** A chunk as large as the kit's, its words repeated as code's are. */
  const chunk = Array.from({ length: 2000 }, (_, i) => `export const session${i} = 'held';\n`).join('');

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'rm-kit-static-'));
    const page = join(root, 'page');
    bundle = join(root, 'bundle');
    mkdirSync(page);
    mkdirSync(bundle);
    writeFileSync(join(page, 'index.html'), '<!doctype html><title>Intranet</title>');
    writeFileSync(join(bundle, 'rm-kit.js'), 'export {};');
    writeFileSync(join(bundle, 'chunk-A1b2C3d4.js'), chunk);
    writeFileSync(join(bundle, 'photo.png'), Buffer.alloc(4096, 7));
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

  it('sends text compressed, brotli where the browser takes it, else gzip, and the same bytes once decoded', async () => {
    const get = (acceptEncoding?: string) =>
      api.app.request(
        '/chunk-A1b2C3d4.js',
        acceptEncoding ? { headers: { 'Accept-Encoding': acceptEncoding } } : {},
      );
    const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

    const br = await get('gzip, deflate, br, zstd');
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toBe('Origin, Accept-Encoding');
    const brBytes = await body(br);
    expect(brBytes.length).toBeLessThan(chunk.length / 5);
    expect(brotliDecompressSync(brBytes).toString()).toBe(chunk);

    const gzip = await get('gzip;q=1, br;q=0');
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(await body(gzip)).toString()).toBe(chunk);

    for (const identity of [undefined, 'identity', 'br;q=0, gzip;q=0', '*;q=0']) {
      const plain = await get(identity);
      expect(plain.headers.get('Content-Encoding'), identity).toBeNull();
      expect((await body(plain)).toString(), identity).toBe(chunk);
    }

    const png = await api.app.request('/photo.png', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(png.headers.get('Content-Encoding')).toBeNull();
    expect(png.headers.get('Vary')).toBe('Origin');
    expect((await body(png)).length).toBe(4096);
  });

  it('answers 304 to a browser holding the file as it is, and the new file once it changes', async () => {
    const first = await api.app.request('/chunk-A1b2C3d4.js', { headers: { 'Accept-Encoding': 'br' } });
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"[\w-]+\.br"$/);

    const again = await api.app.request('/chunk-A1b2C3d4.js', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag, Origin: 'https://intranet.contoso.example' },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Access-Control-Allow-Origin')).toBe('https://intranet.contoso.example');
    expect(again.headers.get('Cache-Control')).toBe('no-cache');

    // A new release of the bundle: the browser's copy no longer matches.
    const file = join(bundle, 'chunk-A1b2C3d4.js');
    writeFileSync(file, `${chunk}export const released = true;\n`);
    utimesSync(file, new Date(), new Date(Date.now() + 2000));
    const changed = await api.app.request('/chunk-A1b2C3d4.js', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
    expect(brotliDecompressSync(Buffer.from(await changed.arrayBuffer())).toString()).toBe(
      readFileSync(file, 'utf8'),
    );
    writeFileSync(file, chunk);
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
