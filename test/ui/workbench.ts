import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../harness/chromium';
import { startCodeServer, type RunningCodeServer } from '../harness/code-server';
import { prepareEnvironment, type PreparedEnvironment } from '../harness/fixtures';
import { resultsDir, vsixPath } from '../harness/paths';

/**
 * Reusable steps for UI tests: a code-server with the packaged extension installed, driven by
 * headless Chromium. Selectors follow ../shared/notes/real-vscode-testing.md.
 */
export interface Workbench {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly server: RunningCodeServer;
  /** Stops the browser, code-server and the fixtures; safe to call more than once. */
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  userSettings?: Record<string, unknown>;
  env?: Record<string, string>;
  trustedDomains?: string[];
}

/** The .vsix under test: the UI tier's driver packages it and names it in SAGEMAKER_VSIX. */
function packagedExtension(): string {
  return process.env.SAGEMAKER_VSIX ?? vsixPath;
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) {
      try {
        await c();
      } catch (e) {
        console.error('closing the workbench:', e);
      }
    }
  };
  try {
    const fixtures: PreparedEnvironment = await prepareEnvironment();
    closers.push(() => fixtures.dispose());
    const server = await startCodeServer({
      vsix: packagedExtension(),
      env: { ...fixtures.env, ...options.env },
      userSettings: { ...fixtures.userSettings, ...options.userSettings },
      trustedDomains: options.trustedDomains,
    });
    closers.push(() => server.stop());
    const browser: Browser = await launchChromium();
    closers.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.workbenchUrl(), { timeout: 120_000 });
    await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 120_000 });
    return { page, context, server, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Opens the SageMaker container from the activity bar and waits for its "Resources" view. */
export async function openSageMakerView(page: Page): Promise<void> {
  await page.locator('.activitybar a.action-label[aria-label="SageMaker"]').click({ timeout: 60_000 });
  await resourcesView(page).waitFor({ state: 'visible', timeout: 60_000 });
}

/**
 * The body of the "Resources" view in the side bar. (While it is the container's only view,
 * VS Code hides its header and titles the side bar "SageMaker: Resources" instead.)
 */
export function resourcesView(page: Page) {
  return page
    .locator('.sidebar .pane', { has: page.locator('.pane-header[aria-label="Resources Section"]') })
    .locator('.pane-body');
}

/** Runs a command from the palette (F1) by its full title, e.g. "SageMaker: Show Log". */
export async function runPaletteCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 30_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
}

/** Saves a screenshot of the whole window as test-results/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}
