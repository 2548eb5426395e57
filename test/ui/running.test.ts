/**
 * Running environments in the packaged extension (issue 24): the status-bar item and its hover,
 * and the reminder, as a user sees them; the README's pictures of both. An account where a GPU
 * space has run 10 hours and three other environments less than the reminder's 8.
 */
import * as assert from 'node:assert/strict';
import { demoData, type EmulatorData } from '../emulator/index';
import { openSageMakerView, openWorkbench, readmeScreenshot, runPaletteCommand, screenshotFailures, until, type Workbench } from './workbench';

/** The demo account with four environments running, started hours ago. */
function account(): EmulatorData {
  const d = demoData();
  const ago = (hours: number): string => new Date(Date.now() - hours * 3_600_000).toISOString();
  const east = d.regions['us-east-1'];
  for (const a of east.apps) {
    if (a.spaceName === 'team-analytics') {
      a.creationTime = ago(10.2);
    } else if (a.spaceName === 'alice-jupyterlab') {
      a.creationTime = ago(2.3);
    } else if (a.status === 'InService') {
      a.status = 'Deleted';
    }
  }
  for (const n of east.notebookInstances) {
    if (n.status === 'InService') {
      n.lastModifiedTime = ago(3.4);
    }
  }
  for (const s of east.mlflowTrackingServers ?? []) {
    if (s.trackingServerName === 'mlflow-platform') {
      s.lastModifiedTime = ago(1.5);
    } else if (s.status === 'Created') {
      s.status = 'Stopped';
    }
  }
  const west = d.regions['eu-west-1'];
  west.apps = [];
  west.notebookInstances = west.notebookInstances.map((n) => ({ ...n, status: 'Stopped' }));
  west.mlflowTrackingServers = (west.mlflowTrackingServers ?? []).map((s) => ({ ...s, status: s.status === 'Started' ? 'Stopped' : s.status }));
  return d;
}

describe('running environments in the packaged extension', function () {
  this.timeout(240_000);
  let wb: Workbench | undefined;

  before(async () => {
    wb = await openWorkbench({ data: account(), userSettings: { 'sagemaker.reminders.runningHours': 8 } });
  });
  screenshotFailures(() => wb?.page);
  after(async () => {
    await wb?.close();
  });

  it('reminds of the GPU space running 10 h: its type, time and cost so far, with Stop, Open and Remind Me Later', async () => {
    assert.ok(wb);
    const { page } = wb;
    await openSageMakerView(page);
    // The first scan waits 20 s after activation, so it never slows the first lists.
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'team-analytics' }).first();
    await toast.waitFor({ timeout: 90_000 });
    const text = (await toast.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /team-analytics \(space, us-east-1\) has been running 10 h \d+ min on ml\.g5\.xlarge: \$1\d\.\d\d so far\./);
    for (const button of ['Stop', 'Open', 'Remind Me Later']) {
      await toast.getByRole('button', { name: button }).waitFor({ state: 'visible', timeout: 10_000 });
    }
    // The toast slides in: the picture once it has settled.
    await page.waitForTimeout(1000);
    await readmeScreenshot(page, 'running-reminder');
  });

  it('the status item counts what runs; its hover lists each with type, time and cost so far', async () => {
    assert.ok(wb);
    const { page } = wb;
    await runPaletteCommand(page, 'Notifications: Clear All Notifications');
    const item = page.getByRole('button', { name: '4 SageMaker environments running' });
    await item.waitFor({ timeout: 30_000 });
    assert.match(await item.innerText(), /4/);
    await item.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'running SageMaker environments' }).first();
    await until(async () => (await hover.count()) > 0 && (await hover.isVisible()), 'the status item hover');
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /4 running SageMaker environments/);
    assert.match(text, /team-analytics \(space, us-east-1\): ml\.g5\.xlarge · 10 h \d+ min · \$1\d\.\d\d so far/);
    assert.match(text, /fraud-detection-dev \(notebook instance, us-east-1\): ml\.t3\.medium · since /);
    await readmeScreenshot(page, 'running-status-hover');
  });
});
