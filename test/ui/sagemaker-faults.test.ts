import * as assert from 'node:assert/strict';
import { expandRow, openSageMakerView, openWorkbench, readmeScreenshot, resourcesView, treeRow, until, type Workbench } from './workbench';

/**
 * Error rows as a user sees them in a default-width side bar: a short label that is not cut
 * into "…rate exceed…", the advice in the tooltip, a click that retries; and a region that
 * rejects the keys (an opt-in region not enabled) failing under its own node only.
 */
describe('error rows in VS Code (code-server): short labels, one region failing alone', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    // af-south-1 is not enabled for the demo account: every call there is UnrecognizedClientException.
    wb = await openWorkbench({ userSettings: { 'sagemaker.regions': ['us-east-1', 'af-south-1'] } });
    await openSageMakerView(wb.page);
  });
  after(async () => wb?.close());

  it('a disabled region shows error rows under that region; the other region lists', async () => {
    const { page } = wb;
    await expandRow(page, 'af-south-1');
    await expandRow(page, 'Studio Domains');
    await expandRow(page, 'Notebook Instances');
    const rows = resourcesView(page).getByRole('treeitem', { name: /^Could not list .*: key rejected in af-south-1/ });
    await until(async () => (await rows.count()) === 2, 'an error row in each group of af-south-1');
    // us-east-1 sits above af-south-1, so its rows come first: it lists as before.
    await expandRow(page, 'us-east-1');
    await expandRow(page, 'Notebook Instances');
    await treeRow(page, 'fraud-detection-dev').waitFor({ timeout: 30_000 });
    await rows.first().hover();
    await page.locator('.monaco-hover', { hasText: 'may not be enabled for your AWS account' }).waitFor({ timeout: 15_000 });
    await readmeScreenshot(page, 'error-row-disabled-region');
    assert.equal(await page.locator('.sidebar .welcome-view-content').count(), 0, 'no welcome content replaced the tree');
  });

  it('a throttled list: the label fits ("…: throttled"), the advice is in the tooltip, a click retries', async () => {
    const { page } = wb;
    wb.emulator.setFault({ operation: 'ListUserProfiles', kind: 'throttle' });
    await expandRow(page, 'Studio Domains');
    await expandRow(page, 'research-lab');
    const row = treeRow(page, 'Could not list user profiles: throttled');
    await row.waitFor({ timeout: 60_000 });
    // The label is not cut off in the default-width side bar.
    const label = row.locator('.label-name').first();
    const fits = await label.evaluate((el) => {
      const box = el as unknown as { scrollWidth: number; clientWidth: number };
      return box.scrollWidth <= box.clientWidth + 1;
    });
    assert.ok(fits, 'the error row label is cut off');
    await row.hover();
    await page.locator('.monaco-hover', { hasText: 'Wait a moment and retry' }).waitFor({ timeout: 15_000 });
    await readmeScreenshot(page, 'error-row-throttled');
    wb.emulator.clearFaults();
    await row.click();
    await treeRow(page, 'erin').waitFor({ timeout: 30_000 });
  });
});
