import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../test-support/harness.js';

describe('the OpenAPI document and the reference page', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi({ dialect: 'sqlite', url: 'sqlite::memory:' });
  });
  afterAll(() => api.close());

  it('serves a valid OpenAPI 3.1 document without a token', async () => {
    const res = await api.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents every /v1 route the server answers, with its error responses', async () => {
    const doc = (await api.call('GET', '/openapi.json')).body;
    const served = api.app.routes
      .filter((r) => r.path.startsWith('/v1/') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(served.length).toBeGreaterThan(30);
    expect(documented.sort()).toEqual([...new Set(served)].sort());
    for (const [path, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { responses: object; security?: unknown[] }>>,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        // A public operation (`security: []`, the calendar feed) reads no token, so refuses none.
        const statuses = expect(Object.keys(op.responses), `${method} ${path}`);
        if (op.security?.length === 0) statuses.not.toContain('401');
        else statuses.toContain('401');
      }
    }
  });

  it('names the contract’s entities as reusable components, mentor and mentee explained', async () => {
    const doc = (await api.call('GET', '/openapi.json')).body;
    for (const name of [
      'Session',
      'Pair',
      'Goal',
      'Feedback',
      'Person',
      'Program',
      'Enrollment',
      'PrivateNote',
      'Error',
    ]) {
      expect(Object.keys(doc.components.schemas)).toContain(name);
    }
    expect(doc.components.schemas.Pair.properties.mentorId.description).toMatch(/junior/);
    expect(doc.components.schemas.Pair.properties.menteeId.description).toMatch(/senior/);
  });

  it('serves the interactive reference from the server itself, under a strict CSP', async () => {
    const page = await api.app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    const bundle = await api.app.request('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('Content-Type')).toMatch(/javascript/);
    expect((await api.app.request('/docs/assets/package.json')).status).toBe(404);
  });
});
