import { serverUrlProblem } from './settings.js';

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * What the web part shows: the signed-in person's current pair (card, session log and
 * feedback form, none given a pair-id), inside a provider for the configured server; or,
 * until the server's address is set and valid, a line saying what to set.
 */
export function webPartMarkup(serverUrl: string, locale: 'en' | 'it'): string {
  const problem = serverUrlProblem(serverUrl);
  if (problem)
    return `<p class="rm-kit-setup">Edit this web part and set the rm-kit server. ${escapeAttribute(problem)}</p>`;
  const origin = new URL(serverUrl.trim()).origin;
  return `<rm-provider base-url="${escapeAttribute(origin)}" locale="${locale}">
  <rm-pair-card></rm-pair-card>
  <rm-session-log></rm-session-log>
  <rm-feedback-form></rm-feedback-form>
</rm-provider>`;
}
