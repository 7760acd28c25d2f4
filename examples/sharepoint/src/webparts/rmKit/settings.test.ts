import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webPartMarkup } from './markup.js';
import { kitLocale, resourceProblem, serverUrlProblem } from './settings.js';

describe('the property pane and what the web part shows', () => {
  it('accepts an https server address (http on localhost), and says what is wrong with any other', () => {
    expect(serverUrlProblem('https://mentoring.contoso.com')).toBe('');
    expect(serverUrlProblem(' https://mentoring.contoso.com/ ')).toBe('');
    expect(serverUrlProblem('')).toBe('Give the address of the rm-kit server.');
    expect(serverUrlProblem('mentoring.contoso.com')).toBe(
      'Give a whole address, such as https://mentoring.contoso.com.',
    );
    expect(serverUrlProblem('http://mentoring.contoso.com')).toBe('The address must start with https://.');
    expect(serverUrlProblem('http://localhost:8787')).toBe('');
    expect(serverUrlProblem('https://mentoring.contoso.com/v1/me')).toBe(
      "Give the server's address alone: https://mentoring.contoso.com",
    );
  });

  it('asks for the API’s Application ID URI', () => {
    expect(resourceProblem('api://6e2f0b0c-5d1a-4f1e-9b7a-0c9d8e7f6a5b')).toBe('');
    expect(resourceProblem('')).toMatch(/Application ID URI/);
    expect(resourceProblem('6e2f0b0c')).toBe('An Application ID URI starts with api:// or https://.');
  });

  it('speaks Italian on an Italian SharePoint, English elsewhere', () => {
    expect(kitLocale('it-IT')).toBe('it');
    expect(kitLocale('en-US')).toBe('en');
    expect(kitLocale('de-DE')).toBe('en');
  });

  it('shows the signed-in person’s pair: the card, the log and the feedback form without a pair-id', () => {
    const markup = webPartMarkup('https://mentoring.contoso.com/', 'it');
    expect(markup).toContain('<rm-provider base-url="https://mentoring.contoso.com" locale="it">');
    for (const tag of ['rm-pair-card', 'rm-session-log', 'rm-feedback-form'])
      expect(markup).toContain(`<${tag}></${tag}>`);
    expect(markup).not.toContain('pair-id');
  });

  it('says what to set until the server address is right, and never writes what was typed as markup', () => {
    expect(webPartMarkup('', 'en')).toBe(
      '<p class="rm-kit-setup">Edit this web part and set the rm-kit server. Give the address of the rm-kit server.</p>',
    );
    const typed = webPartMarkup('https://x.example/"><img src=x onerror=alert(1)>', 'en');
    expect(typed).not.toContain('<img');
    expect(typed).not.toContain('<rm-provider');
  });
});

describe('the manifest and the solution SharePoint reads', () => {
  const manifest = JSON.parse(readFileSync(new URL('./RmKitWebPart.manifest.json', import.meta.url), 'utf8'));
  const solution = JSON.parse(
    readFileSync(new URL('../../../config/package-solution.json', import.meta.url), 'utf8'),
  );
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('offers the web part with the two properties its pane edits, following the section’s theme', () => {
    expect(manifest.id).toMatch(guid);
    expect(manifest.componentType).toBe('WebPart');
    expect(manifest.supportsThemeVariants).toBe(true);
    const entry = manifest.preconfiguredEntries[0];
    expect(Object.keys(entry.properties).sort()).toEqual(['resource', 'serverUrl']);
    expect(entry.title.default).toBe('Reverse mentoring');
  });

  it('asks the tenant for the rm-kit API’s delegated permission the web part’s token needs', () => {
    expect(solution.solution.id).toMatch(guid);
    expect(solution.solution.webApiPermissionRequests).toEqual([
      { resource: 'rm-kit API', scope: 'access_as_user' },
    ]);
  });
});
