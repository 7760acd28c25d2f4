import { html, type ReactiveElement, type TemplateResult } from 'lit';
import type { baseStrings } from './base.strings.js';
import { loadOnce, preloadWhenIdle } from './load-once.js';
import type { LocalizeController } from './localize.js';
import { errorState, loadingState } from './states.js';

type BaseKey = keyof (typeof baseStrings)['en'];

/**
 * A part of an element whose module is fetched after the element is shown: when the browser
 * is idle, or at once when the element needs it. Where the element shows the part, a
 * skeleton stands in until it arrives; if it cannot be fetched (offline), the element's
 * error state with "Try again" takes its place, never a skeleton for ever.
 */
export class LazyPart<T> {
  /** The part's module, once it is here. */
  module: T | undefined;
  private error: unknown;
  private readonly fetch: () => Promise<T>;

  constructor(
    private readonly element: ReactiveElement,
    load: () => Promise<T>,
    /** A fetch the element asked for failed (not a preload: nothing waited on it). */
    private readonly failed: (error: unknown) => void,
  ) {
    this.fetch = loadOnce(load);
  }

  /** The module, fetched now if it is not here yet; rejects when it cannot be fetched. */
  async get(): Promise<T> {
    if (this.module) return this.module;
    const retrying = this.error !== undefined;
    this.error = undefined;
    if (retrying) this.element.requestUpdate();
    try {
      return this.arrived(await this.fetch());
    } catch (error) {
      this.error = error;
      this.element.requestUpdate();
      this.failed(error);
      throw error;
    }
  }

  /** Fetches the module once the browser is idle, so that the action that needs it works offline. */
  preload(): void {
    if (this.module) return;
    preloadWhenIdle(() =>
      this.fetch().then(
        (module) => this.arrived(module),
        (error: unknown) => {
          this.error = error;
          this.element.requestUpdate();
        },
      ),
    );
  }

  /** The part where the element shows it: its content, a skeleton on its way, or the error and "Try again". */
  render(t: LocalizeController<BaseKey>, content: (module: T) => TemplateResult, lines = 3): TemplateResult {
    if (this.module) return content(this.module);
    if (this.error !== undefined)
      return errorState(t, this.error, () => void this.get().catch(() => undefined));
    return html`${loadingState(t, lines)}`;
  }

  private arrived(module: T): T {
    if (!this.module) {
      this.module = module;
      this.element.requestUpdate();
    }
    return module;
  }
}
