import { css } from 'lit';

export const storiesStyles = css`
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr));
  }

  .story {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    height: 100%;
  }

  .title {
    margin: 0;
    font-size: 1.1em;
    line-height: 1.3;
  }

  .heading {
    margin: calc(var(--_space) * 1.25) 0 0.5em;
    font-size: 1.15em;
  }

  .heading:first-child {
    margin-top: 0;
  }

  .people {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.35em;
    font-size: 0.92em;
  }

  .person {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.45em;
  }

  .name {
    font-weight: 600;
  }

  .job {
    flex-basis: 100%;
  }

  .badge {
    display: inline-block;
    padding: 0.05em 0.55em;
    border-radius: 999px;
    background: var(--_subtle);
    font-size: 0.8em;
  }

  .status {
    align-self: flex-start;
    font-weight: 600;
  }

  .status.published {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .text {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .quote {
    margin: 0;
    padding-left: 0.8em;
    border-left: 3px solid var(--_accent);
  }

  .quote blockquote {
    margin: 0;
    font-style: italic;
  }

  .quote p {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .quote figcaption {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .published-on,
  .privacy {
    margin: 0;
  }

  .privacy {
    margin-top: var(--_space);
  }

  .note,
  .warning {
    margin: 0;
    padding: 0.5em 0.75em;
    border-left: 3px solid var(--_warning);
    background: var(--_subtle);
    overflow-wrap: anywhere;
  }

  .agreement {
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 0.92em;
  }

  .agreement li::before {
    content: '○ ';
  }

  .agreement li.yes::before {
    content: '✓ ';
    color: var(--_success);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: auto;
    padding-top: 0.25em;
  }

  .write {
    margin-bottom: var(--_space);
  }

  .form {
    display: grid;
    gap: 0.35em;
  }

  .form-heading {
    margin: 0 0 0.25em;
    font-size: 1.1em;
  }

  .form label {
    font-weight: 600;
    margin-top: 0.4em;
  }

  .form p {
    margin: 0;
  }

  .form input,
  .form select,
  .form textarea {
    width: 100%;
  }

  .notice {
    margin-bottom: var(--_space);
    padding: 0.5em 0.75em;
    border-left: 3px solid var(--_warning);
    background: var(--_subtle);
  }

  .notice p {
    margin: 0;
  }

  .announcer.shown {
    margin-top: var(--_space);
  }
`;
