import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/paths';
import {
  answerQuickPick,
  chooseMenuItem,
  expandRow,
  openContextMenu,
  openSageMakerView,
  openWorkbench,
  readmeScreenshot,
  runPaletteCommand,
  screenshot,
  treeRow,
  until,
  type Workbench,
} from './workbench';

/** A URL in a form safe to print (no token). */
const safe = (url: string): string => url.replace(/([?&](?:token|authToken)=)[^&#]*/gi, '$1REDACTED');

describe('SageMaker flows in VS Code (code-server) against the local SageMaker endpoint', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    // Slow enough state changes to watch a notebook instance start.
    wb = await openWorkbench({ transitionDelayMs: 3000, userSettings: { 'sagemaker.regions': ['us-east-1'], 'workbench.colorTheme': 'Default Dark Modern' } });
    // Nothing leaves the machine: any origin other than code-server and the emulator is refused.
    await wb.context.route(
      (url) => !url.href.startsWith(wb.server.origin) && !url.href.startsWith(wb.emulator.url),
      (route) => route.abort(),
    );
    await openSageMakerView(wb.page);
    // A wider side bar, so rows show their descriptions (and the screenshots say something):
    // drag the sash on its right edge.
    const bar = await wb.page.locator('.part.sidebar').boundingBox();
    if (bar) {
      const x = bar.x + bar.width;
      const y = bar.y + bar.height / 2;
      await wb.page.mouse.move(x, y);
      await wb.page.mouse.down();
      await wb.page.mouse.move(x + 80, y, { steps: 4 });
      await wb.page.mouse.move(x + 200, y, { steps: 4 });
      await wb.page.mouse.up();
    }
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      const file = await screenshot(wb.page, `failed-${this.currentTest.fullTitle()}`);
      console.log(`    screenshot of the failure: ${path.relative(repoRoot, file)}`);
    }
    await wb.page.keyboard.press('Escape');
  });

  after(async () => {
    await wb?.close();
  });

  async function readClipboard(page: Page): Promise<string> {
    // Runs in the page, as the workbench's own paste would.
    return String(await page.evaluate('navigator.clipboard.readText()'));
  }

  it('expands the tree down to a space, with state in each row', async () => {
    const { page } = wb;
    await treeRow(page, 'Studio Domains').waitFor({ timeout: 60_000 });
    await expandRow(page, 'ml-platform');
    await expandRow(page, 'alice');
    const space = treeRow(page, 'Alice JupyterLab');
    await space.waitFor({ timeout: 30_000 });
    assert.match((await space.innerText()).replace(/\s+/g, ' '), /JupyterLab · Private · Running/);
    await treeRow(page, 'fraud-detection-dev').waitFor({ timeout: 30_000 });
    await space.hover();
    await readmeScreenshot(page, 'tree');
  });

  it('right-click → Copy Space URL puts a working presigned URL on the clipboard', async () => {
    const { page } = wb;
    await openContextMenu(page, 'Alice JupyterLab');
    await readmeScreenshot(page, 'context-menu');
    await chooseMenuItem(page, 'Copy Space URL');
    await page.locator('.statusbar-item', { hasText: 'SageMaker URL expires in' }).waitFor({ timeout: 30_000 });
    const url = await readClipboard(page);
    assert.equal(new URL(url).origin, wb.emulator.url, `clipboard holds ${safe(url)}`);
    const res = await fetch(url, { redirect: 'manual' });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /alice-jupyterlab/);
    await readmeScreenshot(page, 'copied-url-countdown');
  });

  it('opens a notebook instance in JupyterLab in the browser', async () => {
    const { page, context } = wb;
    await openContextMenu(page, 'fraud-detection-dev');
    const opened = context.waitForEvent('page', { timeout: 60_000 });
    await chooseMenuItem(page, 'Open Notebook Instance in JupyterLab');
    const jupyter = await opened;
    await jupyter.waitForLoadState('domcontentloaded');
    assert.ok(jupyter.url().startsWith(wb.emulator.url), `opened ${safe(jupyter.url())}`);
    assert.equal(await jupyter.locator('h1').innerText(), 'JupyterLab');
    assert.equal(await jupyter.locator('td[data-field="Notebook instance"]').innerText(), 'fraud-detection-dev');
    await jupyter.setViewportSize({ width: 900, height: 500 });
    await readmeScreenshot(jupyter, 'jupyterlab-page');
    await jupyter.close();
  });

  it('runs "SageMaker: Open Studio" from the palette, answering its quick picks', async () => {
    const { page, context } = wb;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>SageMaker: Open Studio');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'SageMaker: Open Studio' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Studio domain' }).waitFor({ timeout: 30_000 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'research-lab' }).waitFor({ timeout: 30_000 });
    await readmeScreenshot(page, 'palette-domain-pick');
    await answerQuickPick(page, 'research-lab');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'User profile in research-lab' }).waitFor({ timeout: 30_000 });
    const opened = context.waitForEvent('page', { timeout: 60_000 });
    await answerQuickPick(page, 'erin');
    const studio = await opened;
    await studio.waitForLoadState('domcontentloaded');
    assert.equal(await studio.locator('h1').innerText(), 'SageMaker Studio');
    assert.match(await studio.locator('body').innerText(), /erin/);
    await studio.close();
  });

  it('starts a stopped notebook instance from its context menu; the row follows its state', async () => {
    const { page } = wb;
    const row = treeRow(page, 'churn-model-training');
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /Stopped/);
    await openContextMenu(page, 'churn-model-training');
    await chooseMenuItem(page, 'Start');
    await page.locator('.notification-toast', { hasText: 'Starting notebook instance churn-model-training' }).waitFor({ timeout: 30_000 });
    await until(async () => /Pending/.test(await treeRow(page, 'churn-model-training').innerText()), 'the row says Pending');
    await readmeScreenshot(page, 'starting-notebook');
    await until(async () => /InService/.test(await treeRow(page, 'churn-model-training').innerText()), 'the row says InService', 60_000);
  });

  it('shows an injected failure as an error node under its parent only, and retries it', async () => {
    const { page } = wb;
    wb.emulator.setFault({ operation: 'ListUserProfiles', kind: 'error', errorType: 'AccessDeniedException', status: 400, message: 'not allowed', times: 1 });
    await expandRow(page, 'research-lab');
    const errorRow = treeRow(page, 'Could not list user profiles');
    await errorRow.waitFor({ timeout: 30_000 });
    // Its siblings still work: the notebook instances are listed.
    await treeRow(page, 'fraud-detection-dev').waitFor();
    await errorRow.hover();
    await readmeScreenshot(page, 'error-node');
    await errorRow.click();
    await treeRow(page, 'erin').waitFor({ timeout: 30_000 });
    assert.equal(await treeRow(page, 'Could not list user profiles').count(), 0);
  });

  it('without accepted credentials shows welcome content with buttons, and the tree again after a refresh', async () => {
    const { page } = wb;
    // An expired session token holds in every region, so the whole view says it.
    wb.emulator.setFault({ operation: '*', kind: 'expiredToken' });
    await runPaletteCommand(page, 'SageMaker: Refresh');
    const welcome = page.locator('.sidebar .welcome-view-content');
    await welcome.getByText('No usable AWS credentials were found').waitFor({ timeout: 30_000 });
    for (const button of ['Select AWS Profile', 'Refresh', 'Open Settings', 'Show Log']) {
      await welcome.getByRole('button', { name: button }).waitFor({ timeout: 10_000 });
    }
    // Said once, with what to do about it.
    await page.locator('.notification-toast', { hasText: 'have expired' }).waitFor({ timeout: 30_000 });
    await readmeScreenshot(page, 'welcome-no-credentials');
    wb.emulator.clearFaults();
    await welcome.getByRole('button', { name: 'Refresh' }).click();
    await treeRow(page, 'fraud-detection-dev').waitFor({ timeout: 30_000 });
  });

  it('logs each SageMaker call (operation, region, duration, outcome) in the SageMaker log', async () => {
    const { page } = wb;
    await runPaletteCommand(page, 'SageMaker: Refresh');
    await treeRow(page, 'fraud-detection-dev').waitFor({ timeout: 30_000 });
    await runPaletteCommand(page, 'SageMaker: Show Log');
    const panel = page.locator('.part.panel');
    // Monaco renders spaces as no-break spaces, hence \s.
    await panel.locator('.view-lines', { hasText: /ListNotebookInstances\s+us-east-1\s+\d+\s+ms\s+ok/ }).waitFor({ timeout: 30_000 });
    const text = await panel.locator('.view-lines').innerText();
    assert.doesNotMatch(text, /token=(?!REDACTED)|authToken=(?!REDACTED)/i, 'the log shows a URL token');
  });
});
