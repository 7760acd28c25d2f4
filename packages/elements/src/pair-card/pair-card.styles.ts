import { css } from 'lit';

/**
 * The pair card's own layout. Every colour comes from the shared `--_*` tokens (set from
 * the public `--rm-*` properties), and every size the page may want to change is a
 * `--rm-pair-card-*` property. No inline styles: the ring is drawn with SVG attributes.
 */
export const pairCardStyles = css`
  :host {
    --_ring-size: var(--rm-pair-card-ring-size, 4.5rem);
    --_avatar-size: var(--rm-pair-card-avatar-size, 3rem);
    --_compact-ring-size: var(--rm-pair-card-compact-ring-size, 1.6rem);
    --_compact-avatar-size: var(--rm-pair-card-compact-avatar-size, 1.9rem);
  }

  p {
    margin: 0;
  }

  [hidden] {
    display: none !important;
  }

  .card {
    display: grid;
    gap: var(--_space);
    color: var(--_fg);
  }

  /* People, status and risk */

  .top {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.75);
  }

  .people {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .person {
    display: flex;
    align-items: center;
    gap: 0.7em;
    min-width: 0;
  }

  .who {
    display: grid;
    min-width: 0;
  }

  .name {
    font-weight: 600;
  }

  .title {
    font-size: 0.875em;
  }

  .role {
    font-size: 0.8em;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_accent);
  }

  .person.mentee .role {
    color: var(--_fg);
  }

  .avatar {
    flex: none;
    width: var(--_avatar-size);
    height: var(--_avatar-size);
    border-radius: 50%;
    object-fit: cover;
    border: 2px solid var(--_bg);
    box-shadow: 0 0 0 1px var(--_border);
  }

  .initials {
    display: inline-grid;
    place-items: center;
    font-weight: 700;
    font-size: calc(var(--_avatar-size) * 0.36);
    line-height: 1;
    user-select: none;
  }

  .initials.mentor {
    background: color-mix(in srgb, var(--_accent) 18%, var(--_bg));
    color: var(--_fg);
  }

  .initials.mentee {
    background: var(--_subtle);
    color: var(--_fg);
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    align-items: center;
  }

  .status.active::before {
    background: var(--_success);
  }

  .status.paused::before {
    background: var(--_warning);
  }

  .status.proposed::before {
    background: var(--_accent);
  }

  .status.dissolved::before {
    background: var(--_danger);
  }

  .risk {
    color: var(--_danger);
    border-color: var(--_danger);
    background: var(--_bg);
  }

  /* Sits under the badges it explains, closer than the card's gap. */
  .risk-viewer {
    margin-top: calc(var(--_space) * -0.5);
  }

  .risk-icon {
    display: inline-grid;
    place-items: center;
    width: 1.2em;
    height: 1.2em;
    border-radius: 50%;
    background: var(--_danger);
    color: var(--_bg);
    font-weight: 700;
    line-height: 1;
  }

  .notice {
    display: grid;
    gap: 0.2em;
    padding: 0.6em 0.8em;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_warning);
    border-left-width: 4px;
    background: var(--_subtle);
  }

  /* Progress */

  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.25);
    padding: calc(var(--_space) * 0.75);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_subtle);
  }

  .figures {
    display: grid;
    gap: 0.15em;
    min-width: 10em;
    /* A line that wraps (below the ring, on a phone) breaks into even halves, not into
       "Sessioni svolte: 5 (previste:" and a lone "4)". */
    text-wrap: balance;
  }

  .sessions {
    font-weight: 600;
  }

  .ring {
    flex: none;
    width: var(--_ring-size);
    height: var(--_ring-size);
  }

  .ring.small {
    width: var(--_compact-ring-size);
    height: var(--_compact-ring-size);
  }

  .ring circle {
    fill: none;
    stroke-width: 4;
  }

  .ring.small circle {
    stroke-width: 6;
  }

  .ring-track {
    stroke: var(--_border);
  }

  .ring-value {
    stroke: var(--_accent);
    stroke-linecap: round;
  }

  .ring.at-risk .ring-value {
    stroke: var(--_danger);
  }

  .ring-text {
    fill: var(--_fg);
    font-size: 0.55rem;
    font-weight: 700;
  }

  .when {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em calc(var(--_space) * 1.25);
    margin: 0 0 0 auto;
  }

  .when div {
    display: grid;
  }

  .when dt {
    font-size: 0.8em;
  }

  .when dd {
    margin: 0;
    font-weight: 600;
  }

  /* Topics */

  .topics-section {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
  }

  .label {
    font-size: 0.8em;
    margin-right: 0.2em;
  }

  .topics {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .topic {
    font-weight: 500;
  }

  /* Charter */

  .charter {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    padding-top: calc(var(--_space) * 0.75);
    border-top: 1px solid var(--_border);
  }

  .charter-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.45em;
    border-radius: 0.25em;
  }

  .charter-icon {
    display: inline-grid;
    place-items: center;
    width: 1.3em;
    height: 1.3em;
    border-radius: 50%;
    border: 1px solid var(--_border);
    font-size: 0.85em;
    line-height: 1;
  }

  .charter.done .charter-icon {
    border-color: var(--_success);
    color: var(--_success);
  }

  .charter-status:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }

  .charter-text summary {
    cursor: pointer;
    color: var(--_accent);
    border-radius: 0.25em;
  }

  .charter-text summary:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }

  .charter-text p {
    margin-top: 0.5em;
    white-space: pre-line;
    font-size: 0.9em;
    padding: 0.6em 0.8em;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_subtle);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  /* Compact: one line */

  .card.compact {
    display: flex;
    align-items: center;
    gap: 0.6em;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    white-space: nowrap;
    min-width: 0;
  }

  .compact .avatars {
    display: inline-flex;
    flex: none;
  }

  .compact .avatar {
    width: var(--_compact-avatar-size);
    height: var(--_compact-avatar-size);
  }

  .compact .initials {
    font-size: calc(var(--_compact-avatar-size) * 0.38);
  }

  .compact .avatar + .avatar {
    margin-left: calc(var(--_compact-avatar-size) * -0.15);
  }

  .compact .names {
    flex: 1 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .compact .amp {
    margin: 0 0.35em;
    color: var(--_muted);
  }

  .compact .badge {
    flex: none;
  }

  .risk-dot,
  .stale-mark {
    flex: none;
    width: 0.75em;
    height: 0.75em;
    border-radius: 50%;
    background: var(--_danger);
    box-shadow: 0 0 0 2px color-mix(in srgb, var(--_danger) 25%, transparent);
  }

  .stale-mark {
    background: var(--_warning);
    box-shadow: 0 0 0 2px color-mix(in srgb, var(--_warning) 25%, transparent);
  }

  .card.compact.state-card {
    display: block;
    white-space: normal;
  }

  /* Loading skeleton, shaped like the card */

  .skeleton-people,
  .skeleton-progress {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 1.5);
    align-items: center;
  }

  .skeleton-person {
    display: flex;
    align-items: center;
    gap: 0.7em;
    min-width: 12em;
  }

  .skeleton-lines {
    display: grid;
    flex: 1;
    min-width: 8em;
  }

  .skeleton-card .skeleton.skeleton-avatar {
    width: var(--_avatar-size);
    height: var(--_avatar-size);
    border-radius: 50%;
    margin: 0;
  }

  .skeleton-card .skeleton.skeleton-ring {
    width: var(--_ring-size);
    height: var(--_ring-size);
    border-radius: 50%;
    margin: 0;
  }

  .compact [part='loading'] {
    flex: 1;
  }

  .compact [part='loading'] .skeleton {
    margin: 0.3em 0;
  }
`;
