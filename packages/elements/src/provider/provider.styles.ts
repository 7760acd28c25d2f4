import { css } from 'lit';
import { forcedPalette } from '../base/palette.js';

export const providerStyles = css`
  :host {
    display: contents;
  }

  /* A forced theme reaches every element inside through the public custom properties. */
  :host([theme='dark']) {
    ${forcedPalette('dark')}
    color-scheme: dark;
    --rm-color-scheme: dark;
  }

  :host([theme='light']) {
    ${forcedPalette('light')}
    color-scheme: light;
    --rm-color-scheme: light;
  }
`;
