import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../harness/chromium';
import { startCodeServer, type RunningCodeServer } from '../harness/code-server';
import { prepareEnvironment, presignedOrigin, type EnvironmentOptions, type PreparedEnvironment } from '../harness/fixtures';
import type { RunningEmulator } from '../emulator/index';
import { repoRoot, resultsDir, vsixPath } from '../harness/paths';

/**
 * Reusable steps for UI tests: a code-server with the packaged extension installed, driven by
 * headless Chromium. Selectors follow what was measured in code-server 4.100.3 (see CONTRIBUTING.md, "Tests").
 */
export interface Workbench {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly server: RunningCodeServer;
  /** The local SageMaker endpoint the extension talks to (faults, counts, reset). */
  readonly emulator: RunningEmulator;
  /** Stops the browser, code-server and the fixtures; safe to call more than once. */
  close(): Promise<void>;
}

export interface WorkbenchOptions extends EnvironmentOptions {
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
    const fixtures: PreparedEnvironment = await prepareEnvironment(options);
    closers.push(() => fixtures.dispose());
    const server = await startCodeServer({
      vsix: packagedExtension(),
      env: { ...fixtures.env, ...options.env },
      // The last-known tree is off unless a test turns it on: each flow sees the lists it asks for.
      // So are reminders: the demo's environments have run for days, and a toast would sit in every picture.
      userSettings: { ...fixtures.userSettings, 'sagemaker.showLastKnownTree': false, 'sagemaker.reminders.runningHours': 0, ...options.userSettings },
      // Presigned URLs point at the emulator: opening them needs no "open external website?" dialog.
      trustedDomains: [fixtures.emulator.url, presignedOrigin(fixtures.emulator), ...(options.trustedDomains ?? [])],
    });
    closers.push(() => server.stop());
    const browser: Browser = await launchChromium();
    closers.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Reading what "Copy … URL" wrote, as a user pasting it would.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(server.workbenchUrl(), { timeout: 120_000 });
    await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 120_000 });
    return { page, context, server, emulator: fixtures.emulator, close };
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

/**
 * Moves the mouse to the empty editor area. A row's hover that opens under the mouse (after a
 * click on the tree, say) takes the focus from a quick input opening meanwhile, which then closes.
 */
export async function mouseAway(page: Page): Promise<void> {
  await page.mouse.move(900, 600);
}

/** Runs a command from the palette (F1) by its full title, e.g. "SageMaker: Show Log". */
export async function runPaletteCommand(page: Page, title: string): Promise<void> {
  await mouseAway(page);
  const input = page.locator('.quick-input-widget input');
  // The palette closes when the window moves focus as it opens (a hover, a tree redraw): open it again.
  await until(async () => {
    if (!(await input.isVisible())) {
      await page.keyboard.press('F1');
      await input.waitFor({ timeout: 5_000 });
    }
    await input.fill(`>${title}`, { timeout: 2_000 });
    return true;
  }, `the command palette takes "${title}"`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
}

/** After each failed test of the suite, a screenshot of the window it failed in (test-results/failed-<title>.png). */
export function screenshotFailures(page: () => Page | undefined): void {
  afterEach(async function () {
    const p = page();
    if (this.currentTest?.state === 'failed' && p) {
      const file = await screenshot(p, `failed-${this.currentTest.fullTitle()}`);
      console.log(`    screenshot of the failure: ${path.relative(repoRoot, file)}`);
    }
  });
}

/** Saves a screenshot of the whole window as test-results/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A row of the Resources tree whose accessible name starts with `label`. */
export function treeRow(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return resourcesView(page).getByRole('treeitem', { name: new RegExp(`^${escaped}\\b`) }).first();
}

/** Expands a collapsed tree row (clicking its label) and waits until it is expanded. */
export async function expandRow(page: Page, label: string): Promise<void> {
  const row = treeRow(page, label);
  await row.waitFor({ timeout: 60_000 });
  const expanded = async (): Promise<boolean> => (await row.getAttribute('aria-expanded')) === 'true';
  // A row VS Code is about to open by itself (it remembers what was open) can read as collapsed a
  // moment before: a click then closes it again. So: click, and click again if it did not open.
  for (let attempt = 1; attempt <= 3 && !(await expanded()); attempt++) {
    await row.click();
    await until(expanded, `"${label}" is expanded`, 10_000).catch(() => undefined);
  }
  await until(expanded, `"${label}" is expanded`);
}

/** Polls a condition of the page (the workbench re-renders rows, so element handles go stale). */
export async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting until ${what}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Right-clicks a tree row and waits for its context menu to be ready. */
export async function openContextMenu(page: Page, label: string): Promise<void> {
  const row = treeRow(page, label);
  await row.waitFor({ timeout: 60_000 });
  // A tooltip left open by an earlier hover can cover the row and take the click: close it first.
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await until(async () => (await page.locator('.context-view .monaco-hover:visible').count()) === 0, 'no tooltip covers the view');
  await row.click({ button: 'right' });
  await page.getByRole('menuitem').first().waitFor({ timeout: 30_000 });
  // A click right after the menu appears can be lost (CONTRIBUTING.md, "Tests").
  await page.waitForTimeout(300);
}

export async function chooseMenuItem(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** Types into the open quick pick and accepts the row with this label once it is there. */
export async function answerQuickPick(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 30_000 });
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: 30_000 });
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/**
 * Saves a screenshot (see `screenshot`) and, when SAGEMAKER_README_SCREENSHOTS names a folder
 * (`npm run screenshots`), also there under `name.png` for the README.
 */
export async function readmeScreenshot(page: Page, name: string): Promise<string> {
  const file = await screenshot(page, name);
  const readmeDir = process.env.SAGEMAKER_README_SCREENSHOTS;
  if (readmeDir) {
    fs.mkdirSync(readmeDir, { recursive: true });
    fs.copyFileSync(file, path.join(readmeDir, `${name}.png`));
  }
  return file;
}
