import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';
import { expandRow, openSageMakerView, openWorkbench, readmeScreenshot, resourcesView, runPaletteCommand, screenshot, screenshotFailures, treeRow, until, type Workbench } from './workbench';

const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

describe('the packaged extension in VS Code (code-server)', function () {
  this.timeout(180_000);
  let wb: Workbench | undefined;

  before(async () => {
    wb = await openWorkbench();
  });

  screenshotFailures(() => wb?.page);

  after(async () => {
    await wb?.close();
  });

  it('opens the SageMaker view from the activity bar, with its Resources view', async () => {
    assert.ok(wb);
    await openSageMakerView(wb.page);
    assert.equal(await resourcesView(wb.page).isVisible(), true, 'the Resources view is not visible');
    // The side bar's title names the container the user clicked (and the view, while it is the only one).
    const title = (await wb.page.locator('.sidebar .composite.title').innerText()).toUpperCase();
    assert.match(title, /SAGEMAKER/, `side bar title is "${title}"`);
    await screenshot(wb.page, 'sagemaker-view');
  });

  it('shows an IAM Identity Center domain as such in the tree (description and tooltip)', async () => {
    assert.ok(wb);
    const { page } = wb;
    // Open by the first test already: clicking its icon again would close the side bar.
    if (!(await resourcesView(page).isVisible())) {
      await openSageMakerView(page);
    }
    // A wider side bar, so the row's description shows.
    const bar = await page.locator('.part.sidebar').boundingBox();
    if (bar) {
      await page.mouse.move(bar.x + bar.width, bar.y + bar.height / 2);
      await page.mouse.down();
      await page.mouse.move(bar.x + bar.width + 250, bar.y + bar.height / 2, { steps: 6 });
      await page.mouse.up();
    }
    // The demo's SSO domain lives in eu-west-1 (this workbench shows every region of the demo).
    await expandRow(page, 'eu-west-1');
    await expandRow(page, 'Studio Domains');
    await expandRow(page, 'identity-center-lab');
    const row = treeRow(page, 'identity-center-lab');
    await until(async () => /IAM Identity Center/.test(await row.innerText()), 'the SSO domain row says IAM Identity Center');
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /InService · IAM Identity Center · d-4hn6xw8qrt2v/);
    await treeRow(page, 'kenji').waitFor({ timeout: 30_000 });
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'AuthMode SSO' }).first();
    // Off the tree first (a hover left from before would keep its own tooltip), then onto the row;
    // again if the hover did not come (a status-bar update, such as the running scan's, can end a hover being opened).
    await until(async () => {
      await page.mouse.move(900, 600);
      await row.hover();
      return hover.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
    }, 'the SSO domain row shows its hover');
    assert.match((await hover.innerText()).replace(/\u00a0/g, ' '), /Sign-in: IAM Identity Center \(AuthMode SSO\)/);
    await readmeScreenshot(page, 'sso-domain');
  });

  it('runs "SageMaker: Show Log" from the command palette and shows the SageMaker log', async () => {
    assert.ok(wb);
    await runPaletteCommand(wb.page, 'SageMaker: Show Log');
    const outputPanel = wb.page.locator('.part.panel');
    await outputPanel.waitFor({ state: 'visible', timeout: 30_000 });
    // The channel's own content: the line the extension logs when it activates, its first. The view
    // shows the end of the log, which the running scan's lines may have moved it out of: filtered.
    const filter = outputPanel.getByPlaceholder('Filter');
    await filter.fill('activated');
    await outputPanel
      .locator('.view-lines', { hasText: `SageMaker Environments ${version} activated` })
      .waitFor({ timeout: 30_000 });
    await screenshot(wb.page, 'show-log');
  });
});
