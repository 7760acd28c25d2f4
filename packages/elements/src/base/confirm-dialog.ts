import { css, html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

/** What a confirmation asks: a question, what follows from yes, and the two answers. */
export interface Question {
  title: string;
  body: string;
  /** The safe answer, first and focused: Enter on a stray key press changes nothing. */
  keep: string;
  confirm: string;
  /** The yes undoes something (a withdrawal, a decline): drawn in the danger colour. */
  danger?: boolean;
}

/**
 * Asks before a step that cannot be taken back (withdrawing an application, declining a
 * pair, publishing pairs), in a native modal `<dialog>`: the browser traps focus in it,
 * Escape answers no, and focus goes back to the button that asked when it closes. The
 * host renders `render()` once in its template and awaits `ask(…)`.
 */
export class ConfirmDialogController implements ReactiveController {
  private question: Question | undefined;
  private answer: ((yes: boolean) => void) | undefined;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostDisconnected() {
    this.close(false);
  }

  /** Whether a question is on screen now. */
  get open(): boolean {
    return this.question !== undefined;
  }

  /** Shows the question and resolves with the answer: true for the confirming button only. */
  async ask(question: Question): Promise<boolean> {
    this.close(false);
    this.question = question;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog();
    if (!dialog) return false;
    const answered = new Promise<boolean>((resolve) => {
      this.answer = resolve;
    });
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('button.keep')?.focus();
    return answered;
  }

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm-dialog');
  }

  private close(yes: boolean) {
    const answer = this.answer;
    this.answer = undefined;
    if (this.dialog()?.open) this.dialog()?.close();
    if (this.question) {
      this.question = undefined;
      this.host.requestUpdate();
    }
    answer?.(yes);
  }

  render(): TemplateResult | typeof nothing {
    const question = this.question;
    if (!question) return nothing;
    return html`<dialog
      part="dialog"
      class="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.close(false);
      }}
      @close=${() => this.close(false)}
    >
      <h2 id="confirm-title">${question.title}</h2>
      <p id="confirm-body">${question.body}</p>
      <div class="dialog-actions">
        <button type="button" class="keep" @click=${() => this.close(false)}>${question.keep}</button>
        <button
          type="button"
          part="confirm"
          class=${question.danger ? 'danger' : 'primary'}
          @click=${() => this.close(true)}
        >
          ${question.confirm}
        </button>
      </div>
    </dialog>`;
  }
}

/** The dialog's look, for the static styles of an element that asks. */
export const confirmDialogStyles = css`
  .confirm-dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 0.75rem 2.5rem rgb(0 0 0 / 0.25);
  }

  .confirm-dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  .confirm-dialog h2 {
    margin: 0 0 0.5em;
    font-size: 1.15em;
    line-height: 1.3;
  }

  .confirm-dialog p {
    margin: 0;
  }

  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5em;
    margin-top: calc(var(--_space) * 1.1);
  }

  button.danger {
    background: var(--_bg);
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 600;
  }
`;
