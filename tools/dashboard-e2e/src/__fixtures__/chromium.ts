import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, headless; this machine has no network, so nothing may call home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
}
