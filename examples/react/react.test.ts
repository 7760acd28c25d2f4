import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtApp, run } from '../test-support/built-app.js';
import { excerpts, unmarkedBlocks } from '../test-support/readme-blocks.js';

const here = fileURLToPath(new URL('.', import.meta.url));

describe('the React 19 example, built with Vite, against the real server in Chromium', () => {
  const app = builtApp(here);

  it('shows Giulia’s pair without a pair-id, and its onrm-session-logged handler updates React state', async () => {
    const { page, errors } = await app.open('giulia.rossi@contoso.example');
    const status = page.getByTestId('status');
    await expect
      .poll(() => page.locator('rm-pair-card').getByText('Marco Rinaldi').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // onrm-load, set by React 19 as a listener of the card's rm-load event.
    await expect.poll(() => status.textContent()).toContain('Your pair is shown below');
    const ids = await page
      .locator('rm-pair-card, rm-session-log, rm-feedback-form')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('pair-id') ?? ''));
    expect(ids).toEqual(['', '', '']);

    await expect
      .poll(() => page.locator('rm-feedback-form').getByText('Mid-point feedback').count())
      .toBeGreaterThan(0);

    const log = page.locator('rm-session-log');
    await log.getByRole('button', { name: 'Add a session' }).click();
    const summary = `Tried Copilot on the budget ${Date.now()}`;
    await log.getByLabel('Summary', { exact: true }).fill(summary);
    await log.getByRole('button', { name: 'Save session' }).click();
    await expect.poll(() => log.getByText(summary).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => status.textContent()).toBe(`Last saved session: ${summary}`);
    expect(errors).toEqual([]);
  }, 60_000);

  it('type-checks its JSX against @rm-kit/elements/react with tsc and no special settings', async () => {
    const checked = await run('pnpm', ['exec', 'tsc', '--noEmit', '-p', '.'], { cwd: here }).catch(
      (error: { stdout: string }) => error,
    );
    expect(checked.stdout).toBe('');
  }, 60_000);

  it('marks every code block of the README as run by hand or an excerpt of the files built here', () => {
    expect(unmarkedBlocks(here)).toEqual([]);
    const quoted = excerpts(here);
    expect(quoted.length).toBeGreaterThan(1);
    for (const { file, code, source } of quoted) expect(source, file).toContain(code);
  });
});
