import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { expandRow, openSageMakerView, openWorkbench, readmeScreenshot, resourcesView, screenshot, treeRow, until, type Workbench } from './workbench';

/**
 * Error rows as a user sees them in a default-width side bar: a short label (the reason) that is
 * not cut into "…rate exceed…", the advice in the tooltip, a click that retries; and a region that
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
    // us-east-1's groups drawn above af-south-1's: its "Notebook Instances" is then the first.
    const notebookGroups = resourcesView(page).getByRole('treeitem', { name: /^Notebook Instances\b/ });
    await until(async () => (await notebookGroups.count()) === 2, 'the groups of us-east-1 show');
    await expandRow(page, 'Notebook Instances');
    await treeRow(page, 'fraud-detection-dev').waitFor({ timeout: 30_000 });
    await rows.first().hover();
    await page.locator('.monaco-hover', { hasText: 'may not be enabled for your AWS account' }).waitFor({ timeout: 15_000 });
    await readmeScreenshot(page, 'error-row-disabled-region');
    assert.equal(await page.locator('.sidebar .welcome-view-content').count(), 0, 'no welcome content replaced the tree');
  });

  it('a throttled list: the label ("Throttled") fits, what failed follows it, the advice is in the tooltip, a click retries', async () => {
    const { page } = wb;
    wb.emulator.setFault({ operation: 'ListUserProfiles', kind: 'throttle' });
    await expandRow(page, 'Studio Domains');
    await expandRow(page, 'research-lab');
    const row = treeRow(page, 'Could not list user profiles: throttled');
    await row.waitFor({ timeout: 60_000 });
    // The label (the reason) is not cut off in the default-width side bar, four levels deep: the
    // row's visible label text ends inside the box that clips it with an ellipsis. What failed
    // follows as the description, which may be cut.
    await screenshot(page, 'error-row-throttled-label');
    const shown = await visibleLabel(row);
    assert.equal(shown.text, 'Throttled');
    assert.equal(shown.sidebarWidth, 300, 'not the default side bar width');
    assert.ok(shown.textWidth > 0, `the label is not drawn: ${JSON.stringify(shown)}`);
    assert.ok(shown.textRight <= shown.clipRight + 0.5, `the error row label is cut off: ${JSON.stringify(shown)}`);
    assert.match(shown.description, /^could not list user profiles/);
    await row.hover();
    await page.locator('.monaco-hover', { hasText: 'Wait a moment and retry' }).waitFor({ timeout: 15_000 });
    await readmeScreenshot(page, 'error-row-throttled');
    wb.emulator.clearFaults();
    await row.click();
    await treeRow(page, 'erin').waitFor({ timeout: 30_000 });
  });
});

/**
 * What a row's label shows: its text (the highlighted label inside `.label-name`), how wide it is
 * drawn, and the box that clips it (the nearest ancestor hiding overflow: VS Code's label
 * container, which cuts what does not fit with "…"). The label is inline, with no scroll width of
 * its own: it is whole when its right edge is inside the clipping box. (The box's scrollWidth
 * against its clientWidth also counts the description after the label, which may be cut.)
 */
async function visibleLabel(row: Locator): Promise<{ text: string; description: string; textWidth: number; textRight: number; clipRight: number; scrollWidth: number; clientWidth: number; clip: string; sidebarWidth: number }> {
  const description = (await row.locator('.label-description').first().textContent()) ?? '';
  const measured = await row.locator('.label-name .monaco-highlighted-label').first().evaluate((el) => {
    const text = el as unknown as { textContent: string | null; parentElement: unknown; getBoundingClientRect(): { width: number; right: number } };
    type Box = { parentElement: Box | null; className: string; scrollWidth: number; clientWidth: number; getBoundingClientRect(): { right: number } };
    const style = (b: Box) => (globalThis as unknown as { getComputedStyle(e: unknown): { overflowX: string } }).getComputedStyle(b);
    let clip = text.parentElement as Box | null;
    while (clip && style(clip).overflowX === 'visible') {
      clip = clip.parentElement;
    }
    const sidebar = (globalThis as unknown as { document: { querySelector(s: string): { getBoundingClientRect(): { width: number } } | null } }).document.querySelector('.part.sidebar');
    const t = text.getBoundingClientRect();
    return {
      text: text.textContent ?? '',
      textWidth: t.width,
      textRight: t.right,
      clipRight: clip ? clip.getBoundingClientRect().right : Number.NaN,
      scrollWidth: clip ? clip.scrollWidth : Number.NaN,
      clientWidth: clip ? clip.clientWidth : Number.NaN,
      clip: clip ? clip.className : '(none)',
      sidebarWidth: sidebar ? sidebar.getBoundingClientRect().width : Number.NaN,
    };
  });
  return { ...measured, description };
}
