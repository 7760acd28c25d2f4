import { css } from 'lit';

export const providerStyles = css`
  :host {
    display: contents;
  }

  /* A forced theme reaches every element inside through the public custom properties. */
  :host([theme='dark']) {
    --rm-color-surface: #16191d;
    --rm-color-text: #e8eaed;
    --rm-color-muted: #a2aab4;
    --rm-color-border: #343a42;
    --rm-color-subtle: #20242a;
    --rm-color-accent: #8aa8ff;
    --rm-color-on-accent: #0b1020;
    --rm-color-danger: #ff8a80;
    --rm-color-warning: #f5c26b;
    --rm-color-success: #6fd48f;
    color-scheme: dark;
  }

  :host([theme='light']) {
    --rm-color-surface: #ffffff;
    --rm-color-text: #1c1f23;
    --rm-color-muted: #5b6470;
    --rm-color-border: #d5dae0;
    --rm-color-subtle: #f3f5f7;
    --rm-color-accent: #2f5bd3;
    --rm-color-on-accent: #ffffff;
    --rm-color-danger: #b42318;
    --rm-color-warning: #9a5b00;
    --rm-color-success: #17803d;
    color-scheme: light;
  }
`;
