import { provide } from '@lit/context';
import { createClient, type RmClient } from '@rm-kit/sdk';
import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientContext, localeContext } from '../base/context.js';
import { providerStyles } from './provider.styles.js';

/**
 * The elements under one provider start one after another as a page defines them, and each
 * reads who is signed in and what it shows: an answer a moment old is given again.
 */
const REUSE_ANSWERS_MS = 2000;

/**
 * @tagname rm-provider
 * @summary Gives every rm-kit element inside it a connection to the server, a locale and a theme.
 *
 * @slot - The page content, with rm-kit elements anywhere inside.
 * @cssprop --rm-color-accent - Accent for buttons, links and progress (and every other `--rm-*` property, inherited by the elements inside).
 */
export class RmProvider extends LitElement {
  static override styles = providerStyles;

  /** Where the rm-kit server is, e.g. `https://mentoring.contoso.com`. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** A bearer token for the signed-in person. Tokens that expire and refresh: set `getToken` instead. */
  @property() token = '';

  /**
   * A function giving the signed-in person's token (or a promise of it), asked before each
   * request, for identity libraries that refresh tokens: MSAL's `acquireTokenSilent`,
   * SharePoint's `AadTokenProvider.getToken`. Wins over `token`.
   */
  @property({ attribute: false }) getToken?: () => string | Promise<string>;

  /** An SDK client the app made itself; wins over `base-url`, `getToken` and `token`. */
  @property({ attribute: false }) client?: RmClient;

  /** `en` or `it` for everything inside; by default each element follows the nearest `lang`. */
  @property() locale?: string;

  /** `light` or `dark` to force a theme; by default the user's preference is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  @provide({ context: clientContext })
  @state()
  protected provided?: RmClient;

  @provide({ context: localeContext })
  @state()
  protected providedLocale?: string;

  private own?: RmClient;
  /** The base-url and token (or getToken) `own` was made for. */
  private ownFor: [string, unknown] = ['', ''];

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('client') || changed.has('baseUrl') || changed.has('token') || changed.has('getToken'))
      this.connectClient();
    if (changed.has('locale')) this.providedLocale = this.locale;
  }

  override connectedCallback() {
    super.connectedCallback();
    // Moved elsewhere in the page: connect again with what it had.
    if (!this.provided) this.connectClient();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.own?.close();
    this.own = undefined;
    this.provided = undefined;
  }

  private connectClient() {
    const { baseUrl, token, getToken } = this;
    const auth = getToken ?? token;
    const wanted = !this.client && baseUrl && auth;
    // Connected, then updated with the same attributes: keep the one client, so its outbox
    // events reach the elements that listen to it.
    if (wanted && this.own && this.ownFor[0] === baseUrl && this.ownFor[1] === auth) {
      this.provided = this.own;
      return;
    }
    this.own?.close();
    this.own = wanted
      ? createClient({ baseUrl, getToken: getToken ?? (() => token), reuseAnswersForMs: REUSE_ANSWERS_MS })
      : undefined;
    this.ownFor = [baseUrl, auth];
    this.provided = this.client ?? this.own;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
