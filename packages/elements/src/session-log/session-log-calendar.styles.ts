import { css } from 'lit';

/** The "Add to calendar" dialog. */
export const sessionLogCalendarStyles = css`
  .calendar-dialog {
    width: min(36rem, calc(100vw - 2rem));
    box-sizing: border-box;
    max-height: calc(100vh - 2rem);
    overflow-y: auto;
  }

  .calendar-dialog h3 {
    margin: 0 0 0.35em;
    font-size: 1em;
  }

  .feed {
    margin-top: calc(var(--_space) * 0.9);
    padding-top: calc(var(--_space) * 0.75);
    border-top: 1px solid var(--_border);
  }

  .feed p,
  .calendar-dialog ul {
    margin: 0.35em 0;
  }

  .link-field {
    display: block;
    margin: 0.35em 0;
  }

  .link-field input {
    display: block;
    width: 100%;
    box-sizing: border-box;
    margin-top: 0.25em;
    font-family: ui-monospace, monospace;
    font-size: 0.85em;
  }

  .feed-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.5em;
  }

  .calendar-dialog ul {
    padding-inline-start: 1.25em;
  }
`;
