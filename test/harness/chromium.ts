import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { registerCleanup } from './cleanup';

/** Flags for a quiet, offline, headless Chromium (no sandbox: CI containers run as root). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Chromium to drive: `CHROMIUM_PATH` if set, else Debian's. Throws saying what to install. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    }
    return fromEnv;
  }
  const found = CANDIDATES.find((c) => fs.existsSync(c));
  if (!found) {
    throw new Error(
      'Chromium is needed for the extension-host and UI tests and was not found at /usr/bin/chromium.\n' +
        'Install it (Debian/Ubuntu): sudo apt-get install -y chromium\n' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

/** Headless Chromium with a fresh profile; closed by the harness's cleanup whatever happens. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 120_000,
  });
  const unregister = registerCleanup({
    stop: () => browser.close().catch(() => undefined),
    // Playwright kills the browsers it launched when this process exits.
    stopNow: () => undefined,
  });
  browser.once('disconnected', unregister);
  return browser;
}
