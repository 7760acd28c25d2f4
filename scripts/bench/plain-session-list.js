import { css, html, LitElement } from 'lit';

const when = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * The render bench's peer: the plainest Lit list of a pair's sessions, every row in the
 * DOM at once (no virtualisation), each with what `<rm-session-log>` shows of a session
 * (when, status, format and length, topics, summary), in a scroller as tall as the log's.
 */
class PlainSessionList extends LitElement {
  static properties = { sessions: { attribute: false } };
  static styles = css`
    .scroller { max-height: 36rem; overflow: auto; }
    ol { list-style: none; margin: 0; padding: 0; }
    li.session { padding: 0.75rem 1rem; border-bottom: 1px solid #ddd; }
    h3 { font-size: 1rem; margin: 0; }
    .topics { display: flex; gap: 0.25rem; list-style: none; padding: 0; margin: 0.25rem 0; }
    p { margin: 0.25rem 0; }
  `;

  constructor() {
    super();
    this.sessions = [];
  }

  render() {
    return html`<div part="scroller" class="scroller"><ol>
      ${this.sessions.map(
        (session) => html`<li part="item" class="session" data-session-id=${session.id}>
          <h3><time datetime=${session.occurredAt}>${when.format(new Date(session.occurredAt ?? session.createdAt))}</time>
            <span class="status">${session.status}</span></h3>
          <p class="meta">${session.format} · ${session.durationMinutes ?? ''} min</p>
          <ul class="topics">${session.topics.map((topic) => html`<li>${topic}</li>`)}</ul>
          <p class="summary">${session.summary}</p>
        </li>`,
      )}
    </ol></div>`;
  }
}
customElements.define('plain-session-list', PlainSessionList);
