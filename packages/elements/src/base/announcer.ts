import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** How long a confirmation stays on screen. */
const SHOWN_MS = 6000;

/**
 * Says what just happened ("Session saved", "Saved offline…"), both to screen readers, in a
 * polite live region, and on screen, in a status line that goes away after a few seconds.
 * The host renders `render()` once, anywhere in its template. The same words twice are
 * announced twice: the region is emptied for one update before the words go in.
 */
export class AnnouncerController implements ReactiveController {
  /** What the status line says now; empty once it has gone away. */
  message = '';
  /** Whether it is on screen too, or for screen readers only (the screen shows it elsewhere). */
  private onScreen = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.timer);
    this.message = '';
  }

  /**
   * Says `message`; with `onScreen: false` to screen readers alone, when the element already
   * shows the same news where the reader is looking (a heading that changed, say).
   */
  async announce(message: string, { onScreen = true }: { onScreen?: boolean } = {}): Promise<void> {
    const generation = ++this.generation;
    clearTimeout(this.timer);
    this.message = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (generation !== this.generation) return;
    this.message = message;
    this.onScreen = onScreen;
    this.host.requestUpdate();
    this.timer = setTimeout(() => this.dismiss(), SHOWN_MS);
  }

  dismiss() {
    clearTimeout(this.timer);
    this.message = '';
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<div part="status" class="announcer ${this.message && this.onScreen ? 'shown' : ''}" role="status" aria-live="polite">${this.message}</div>`;
  }
}
