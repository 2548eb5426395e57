import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { LAST_KNOWN_DIR } from '../../src/lastKnown/store';
import { expandRow, openSageMakerView, openWorkbench, readmeScreenshot, resourcesView, screenshot, screenshotFailures, treeRow, until, type Workbench } from './workbench';

/** The view's message above its rows ("Last known (14:02): refreshing…"), or '' when it has none. */
async function viewMessage(page: Page): Promise<string> {
  const m = resourcesView(page).locator('.message:visible');
  return (await m.count()) ? (await m.first().innerText()).replace(/\s+/g, ' ') : '';
}

describe('the last-known tree in VS Code (code-server)', function () {
  this.timeout(240_000);
  let wb: Workbench | undefined;
  let page: Page | undefined;

  before(async () => {
    wb = await openWorkbench({ userSettings: { 'sagemaker.regions': ['us-east-1'], 'sagemaker.showLastKnownTree': true } });
    page = wb.page;
  });

  screenshotFailures(() => page);

  after(async () => {
    await wb?.close();
  });

  it('a new window shows the last window\'s tree at once, marked "last known", then the fresh rows', async () => {
    assert.ok(wb && page);
    await openSageMakerView(page);
    await expandRow(page, 'ml-platform');
    await expandRow(page, 'alice');
    await treeRow(page, 'Alice JupyterLab').waitFor({ timeout: 60_000 });
    const folder = path.join(wb.server.userDataDir, 'User', 'globalStorage', 'sagemaker-environments.sagemaker-environments', LAST_KNOWN_DIR);
    // Kept once the tree has been still a moment: wait for the write that holds alice's spaces,
    // not an earlier one made between the two expansions.
    const kept = async (): Promise<string> => {
      const names = await fs.promises.readdir(folder).catch(() => [] as string[]);
      return (await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => fs.promises.readFile(path.join(folder, n), 'utf8').catch(() => '')))).join('\n');
    };
    await until(async () => (await kept()).includes('"alice-jupyterlab"'), 'the extension kept the tree down to alice\'s spaces');
    await page.close();

    // The next window's lists answer slowly (30 s), so the last-known rows can be looked at: the
    // first call of each is its tree's. Twice each, as the new window itself calls again: its
    // running scan (ListDomains, ListNotebookInstances, 20 s after activation) and the SDK's retry
    // of a call that hit the 30 s request timeout. The closed window's extension host ends with
    // its page (code-server's log: within 0.2 s), before these are set.
    for (const operation of ['ListDomains', 'ListUserProfiles', 'ListSpaces', 'ListNotebookInstances']) {
      wb.emulator.setFault({ operation, kind: 'latency', latencyMs: 30_000, times: 2 });
    }
    page = await wb.context.newPage();
    await page.goto(wb.server.workbenchUrl(), { timeout: 120_000 });
    await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 120_000 });
    await openSageMakerView(page);
    const lab = treeRow(page, 'Alice JupyterLab');
    await lab.waitFor({ timeout: 60_000 });
    assert.match((await lab.innerText()).replace(/\s+/g, ' '), /JupyterLab · Private · Running/);
    // The mark is the view's message, set just after the rows went to the view: it may show a moment later.
    await until(async () => /Last known \(.+\): refreshing…/.test(await viewMessage(page!)), 'the view says the rows are the last known', 10_000);
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Not refreshed yet' }).first();
    // Hovered again until the tooltip shows (a hover the workbench was not ready for is lost).
    await until(async () => {
      await page!.mouse.move(900, 600);
      await lab.hover();
      return hover.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      );
    }, 'the row\'s tooltip shows');
    assert.match((await hover.innerText()).replace(/\u00a0/g, ' '), /Space name: alice-jupyterlab[\s\S]*Not refreshed yet: as last shown/);
    await readmeScreenshot(page, 'last-known-tree');

    // The fresh lists replace the rows and the mark.
    await page.mouse.move(0, 0);
    await until(async () => (await viewMessage(page!)) === '', 'the fresh lists replaced the last-known rows', 90_000);
    await treeRow(page, 'Alice JupyterLab').waitFor({ timeout: 30_000 });
    await screenshot(page, 'last-known-tree-fresh');
  });
});
