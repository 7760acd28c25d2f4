import { consume } from '@lit/context';
import type { RmClient } from '@rm-kit/sdk';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { baseStyles } from './base.styles.js';
import { clientContext, localeContext } from './context.js';
import type { RmEventDetails, RmEventName } from './events.js';
import { wordsReady } from './localize.js';

/**
 * What every rm-kit element shares: the SDK client (its own `client` property, or the
 * nearest `<rm-provider>`'s), the locale, the theme, and typed `rm-*` events.
 */
export class RmElement extends LitElement {
  static override styles = [baseStyles];

  /** An SDK client set by an app or framework; without it, the nearest `<rm-provider>`'s is used. */
  @property({ attribute: false }) client?: RmClient;

  /** `light` or `dark` to force a theme; by default the user's preference is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected providedClient?: RmClient;

  @consume({ context: localeContext, subscribe: true })
  @state()
  locale?: string;

  /** The client this element talks through, if it has one yet. */
  protected get api(): RmClient | undefined {
    return this.client ?? this.providedClient;
  }

  /** Not a moment in the wrong language: an element whose words are on their way waits for them. */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    return wordsReady(this) && super.shouldUpdate(changed);
  }

  protected emit<K extends RmEventName>(type: K, detail: RmEventDetails[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
