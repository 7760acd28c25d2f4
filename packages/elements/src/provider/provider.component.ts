import { provide } from '@lit/context';
import { createClient, type RmClient } from '@rm-kit/sdk';
import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientContext, localeContext } from '../base/context.js';
import { providerStyles } from './provider.styles.js';

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

  /** A bearer token for the signed-in person. Apps with token refresh set `client` instead. */
  @property() token = '';

  /** An SDK client the app made itself (e.g. with `getToken` from MSAL); wins over `base-url` and `token`. */
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
  /** The base-url and token `own` was made for. */
  private ownFor = '';

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('client') || changed.has('baseUrl') || changed.has('token')) this.connectClient();
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
    const wanted = !this.client && this.baseUrl && this.token ? `${this.baseUrl}\n${this.token}` : '';
    // Connected, then updated with the same attributes: keep the one client, so its outbox
    // events reach the elements that listen to it.
    if (wanted && this.own && wanted === this.ownFor) {
      this.provided = this.own;
      return;
    }
    this.own?.close();
    this.own = wanted ? createClient({ baseUrl: this.baseUrl, token: this.token }) : undefined;
    this.ownFor = wanted;
    this.provided = this.client ?? this.own;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
