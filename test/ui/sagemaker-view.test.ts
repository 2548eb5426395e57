import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';
import { openSageMakerView, openWorkbench, resourcesView, runPaletteCommand, screenshot, type Workbench } from './workbench';

const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

describe('the packaged extension in VS Code (code-server)', function () {
  this.timeout(180_000);
  let wb: Workbench | undefined;

  before(async () => {
    wb = await openWorkbench();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      const file = await screenshot(wb.page, `failed-${this.currentTest.fullTitle()}`);
      console.log(`    screenshot of the failure: ${path.relative(repoRoot, file)}`);
    }
  });

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

  it('runs "SageMaker: Show Log" from the command palette and shows the SageMaker log', async () => {
    assert.ok(wb);
    await runPaletteCommand(wb.page, 'SageMaker: Show Log');
    const outputPanel = wb.page.locator('.part.panel');
    await outputPanel.waitFor({ state: 'visible', timeout: 30_000 });
    // The channel's own content: the line the extension logs when it activates.
    await outputPanel
      .locator('.view-lines', { hasText: `SageMaker Environments ${version} activated` })
      .waitFor({ timeout: 30_000 });
    await screenshot(wb.page, 'show-log');
  });
});
