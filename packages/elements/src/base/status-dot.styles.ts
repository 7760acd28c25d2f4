import { css } from 'lit';

/**
 * The dot a status badge opens with, muted until the element colours it by status
 * (`.status.active::before`, say): the same dot on the pair card and the enrolment form.
 * A module of its own, not in base.styles.ts: css`` is never dropped as unused, so there it
 * would ship with every element.
 */
export const statusDotStyles = css`
  .status::before {
    content: '';
    width: 0.55em;
    height: 0.55em;
    border-radius: 50%;
    background: var(--_muted);
  }
`;
