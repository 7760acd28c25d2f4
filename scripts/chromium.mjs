/**
 * How every script and test here starts Chromium: Debian's own by default (CHROME_PATH
 * names another), quiet, with no first-run, sync or update traffic while it is measured,
 * tested or photographed.
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
