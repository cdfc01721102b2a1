/**
 * How the end-to-end tests and the benchmarks start Debian's Chromium (never a downloaded browser).
 * Without the background-networking flags Chromium keeps calling hosts this machine cannot reach.
 * Playwright refuses --user-data-dir in launch(): it gives every launch a fresh temporary profile
 * of its own and deletes it on close, which is what we want.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
