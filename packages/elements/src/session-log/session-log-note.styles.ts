import { css } from 'lit';

/** The private note's form, inside its panel. */
export const sessionNoteStyles = css`
  .note-form {
    display: grid;
    gap: 0.4em;
  }

  .note-form label {
    font-weight: 600;
  }
`;
