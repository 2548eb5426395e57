import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  answerQuickPick,
  chooseMenuItem,
  expandRow,
  mouseAway,
  openContextMenu,
  openSageMakerView,
  openWorkbench,
  readmeScreenshot,
  runPaletteCommand,
  screenshotFailures,
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

  screenshotFailures(() => wb?.page);

  afterEach(async () => {
    await wb.page.keyboard.press('Escape');
  });

  after(async () => {
    await wb?.close();
  });

  /** Runs a palette command that asks something next (its quick input stays open). */
  async function startPaletteCommand(page: Page, title: string): Promise<void> {
    // A hover left open over the tree (the test clicked a row) would close the picks that follow.
    await mouseAway(page);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
  }

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
    // The pointer off the tree: a row's tooltip left over from the last test would cover the row.
    await page.mouse.move(900, 700);
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

  it('the palette\'s space pick shows the spaces at once, "checking…" until each state comes in, keeping the typed filter', async () => {
    const { page } = wb;
    // The domain's first ListApps page fails, and each space's own call takes a while: the states come late.
    wb.emulator.setFault({ operation: 'ListApps', kind: 'accessDenied', times: 1, match: { DomainId: 'd-7kx2hq9mzp4a', MaxResults: 100 } });
    wb.emulator.setFault({ operation: 'ListApps', kind: 'latency', latencyMs: 3000, match: { DomainId: 'd-7kx2hq9mzp4a', MaxResults: 1 } });
    try {
      // The palette offers the tree's rows where the tree has them (alice's spaces, listed above,
      // states known): with ml-platform closed and the tree refreshed, the picks list for themselves.
      const domain = treeRow(page, 'ml-platform');
      if ((await domain.getAttribute('aria-expanded')) === 'true') {
        await domain.click();
        await until(async () => (await treeRow(page, 'ml-platform').getAttribute('aria-expanded')) === 'false', '"ml-platform" is collapsed');
      }
      await runPaletteCommand(page, 'SageMaker: Refresh');
      await treeRow(page, 'ml-platform').waitFor({ timeout: 30_000 });
      await startPaletteCommand(page, 'SageMaker: Copy Space URL');
      await answerQuickPick(page, 'ml-platform');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'User profile in ml-platform' }).waitFor({ timeout: 30_000 });
      await answerQuickPick(page, 'alice');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Space for alice in ml-platform' }).waitFor({ timeout: 30_000 });
      const row = (label: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
      await row('Shared Code Review').waitFor({ timeout: 30_000 });
      assert.match((await row('Shared Code Review').innerText()).replace(/\s+/g, ' '), /checking…/);
      // The user types while the states come in: the filter and the item they are on stay.
      const input = page.locator('.quick-input-widget input');
      await input.fill('Alice');
      await page.keyboard.press('ArrowDown'); // onto "Alice Code Editor"
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Alice Code Editor' }).waitFor({ timeout: 10_000 });
      assert.match((await row('Alice Code Editor').innerText()).replace(/\s+/g, ' '), /checking…/);
      await readmeScreenshot(page, 'palette-space-pick-checking');
      await until(async () => /Stopped/.test(await row('Alice Code Editor').innerText()), 'the space pick shows the state of "Alice Code Editor"', 30_000);
      assert.match((await row('Alice JupyterLab').innerText()).replace(/\s+/g, ' '), /JupyterLab · Private · Running/);
      assert.equal(await input.inputValue(), 'Alice', 'the typed filter is kept');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Alice Code Editor' }).waitFor({ timeout: 10_000 });
      assert.equal(await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Team Analytics' }).count(), 0, 'the filter still hides the others');
      await readmeScreenshot(page, 'palette-space-pick');
      // An earlier test's URL may still be in the clipboard (and its countdown showing): wait for a new one.
      const before = await readClipboard(page);
      await page.keyboard.press('Enter');
      await until(async () => (await readClipboard(page)) !== before, 'the space URL is copied');
      await page.locator('.statusbar-item', { hasText: 'SageMaker URL expires in' }).waitFor({ timeout: 30_000 });
      const url = await readClipboard(page);
      const res = await fetch(url, { redirect: 'manual' });
      assert.equal(res.status, 200, `clipboard holds ${safe(url)}`);
      assert.match(await res.text(), /alice-code-editor/);
    } finally {
      wb.emulator.clearFaults();
    }
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
    // The poller logs its reads of rows in a passing state all the while, which can push the
    // listing out of the lines drawn: filter the log for it, as a user would.
    const filter = panel.locator('.viewpane-filter input');
    await filter.fill('ListNotebookInstances');
    // Monaco renders spaces as no-break spaces, hence \s.
    await panel.locator('.view-lines', { hasText: /ListNotebookInstances\s+us-east-1\s+\d+\s+ms\s+ok/ }).waitFor({ timeout: 30_000 });
    await filter.fill('');
    const text = await panel.locator('.view-lines').innerText();
    assert.doesNotMatch(text, /token=(?!REDACTED)|authToken=(?!REDACTED)/i, 'the log shows a URL token');
  });

  it('Copy Link on a space, then "Developer: Open URL" with it: VS Code asks, the extension asks, then the space opens', async () => {
    const { page, context } = wb;
    await expandRow(page, 'ml-platform');
    await expandRow(page, 'alice');
    await openContextMenu(page, 'Alice JupyterLab');
    await chooseMenuItem(page, 'Copy Link');
    // The clipboard may still hold the URL copied earlier until the command has written it.
    await until(async () => (await readClipboard(page)).startsWith('vscode://'), 'the clipboard holds a link');
    const link = await readClipboard(page);
    assert.equal(
      safe(link),
      'vscode://sagemaker-environments.sagemaker-environments/open?kind=space&region=us-east-1&domain=d-7kx2hq9mzp4a&profile=alice&space=alice-jupyterlab',
    );
    await startPaletteCommand(page, 'Developer: Open URL');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'URL to open' }).waitFor({ timeout: 30_000 });
    await input.fill(link);
    await page.keyboard.press('Enter');
    // VS Code's own question first: a link hands control to an extension.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.filter({ hasText: /open this URI/ }).waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    // Then the extension's: what it opens, and with which AWS profile.
    const ours = dialog.filter({ hasText: 'A link asks to open the space alice-jupyterlab' });
    await ours.waitFor({ timeout: 30_000 });
    assert.match(await ours.innerText(), /with the AWS keys in the environment \(AWS_ACCESS_KEY_ID\)/);
    await readmeScreenshot(page, 'link-confirmation');
    const opened = context.waitForEvent('page', { timeout: 60_000 });
    await ours.getByRole('button', { name: 'Open', exact: true }).click();
    const space = await opened;
    await space.waitForLoadState('domcontentloaded');
    assert.ok(space.url().startsWith(wb.emulator.url), `opened ${safe(space.url())}`);
    assert.match(await space.locator('body').innerText(), /alice-jupyterlab/);
    await space.close();
  });

  it('Open Recent lists what was opened or copied, most recent first; Enter opens one', async () => {
    const { page, context } = wb;
    await startPaletteCommand(page, 'SageMaker: Open Recent…');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Open Recent' }).waitFor({ timeout: 30_000 });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor({ timeout: 30_000 });
    const labels = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    assert.match(labels[0] ?? '', /^Alice JupyterLab\s*Space · us-east-1 · ml-platform · alice/);
    assert.ok(labels.some((l) => /^Studio: erin\s*Studio · us-east-1 · research-lab/.test(l)), labels.join(' | '));
    assert.ok(labels.some((l) => /^fraud-detection-dev/.test(l)), labels.join(' | '));
    await rows.first().hover();
    await readmeScreenshot(page, 'open-recent');
    const opened = context.waitForEvent('page', { timeout: 60_000 });
    await answerQuickPick(page, 'fraud-detection-dev');
    const jupyter = await opened;
    await jupyter.waitForLoadState('domcontentloaded');
    assert.equal(await jupyter.locator('td[data-field="Notebook instance"]').innerText(), 'fraud-detection-dev');
    await jupyter.close();
  });

  it('opens an MLflow tracking server from its inline icon, and copies a partner AI app URL from its context menu', async () => {
    const { page, context } = wb;
    // The first two groups closed, so the MLflow and partner app rows are on screen.
    for (const group of ['Studio Domains', 'Notebook Instances']) {
      const row = treeRow(page, group);
      if ((await row.getAttribute('aria-expanded')) === 'true') {
        await row.click();
        await until(async () => (await treeRow(page, group).getAttribute('aria-expanded')) === 'false', `"${group}" is collapsed`);
      }
    }
    const server = treeRow(page, 'mlflow-platform');
    await server.waitFor({ timeout: 30_000 });
    assert.match((await server.innerText()).replace(/\s+/g, ' '), /Started · MLflow 2\.16\.2/);
    await treeRow(page, 'cometml').waitFor({ timeout: 30_000 });
    assert.match((await treeRow(page, 'cometml').innerText()).replace(/\s+/g, ' '), /Available · Comet/);
    await server.hover();
    await readmeScreenshot(page, 'mlflow-partner-apps');
    const opened = context.waitForEvent('page', { timeout: 60_000 });
    await server.locator('.action-label[aria-label="Open MLflow Tracking Server"]').click();
    const mlflow = await opened;
    await mlflow.waitForLoadState('domcontentloaded');
    assert.ok(mlflow.url().startsWith(wb.emulator.url), `opened ${safe(mlflow.url())}`);
    assert.equal(await mlflow.locator('h1').innerText(), 'MLflow');
    assert.equal(await mlflow.locator('td[data-field="Tracking server"]').innerText(), 'mlflow-platform');
    await mlflow.close();

    await openContextMenu(page, 'cometml');
    await chooseMenuItem(page, 'Copy Partner AI App URL');
    // An earlier copy's countdown may still show: wait for this URL on the clipboard.
    await until(async () => /\/partner-app\//.test(await readClipboard(page)), 'the partner app URL is on the clipboard');
    await page.locator('.statusbar-item', { hasText: 'SageMaker URL expires in' }).waitFor({ timeout: 30_000 });
    const url = await readClipboard(page);
    assert.equal(new URL(url).origin, wb.emulator.url, `clipboard holds ${safe(url)}`);
    const res = await fetch(url, { redirect: 'manual' });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /cometml/);
  });
});
