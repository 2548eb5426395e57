import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Node, NotebookNode } from '../../src/tree/nodes';
import { callCount, children, emulator, EXTENSION_ID, item, nodeAt, resetSettings, setSetting, usePrompter, waitFor } from './helpers';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Rows follow their state: a row in a passing state is read again until it settles, only while
 * the view is visible. The transitions are started behind the extension's back (as another user
 * or the console would), so only the poller can bring the row up to date.
 */
describe('rows in a passing state refresh themselves until they settle', () => {
  const { api, prompter } = usePrompter();
  const access = () => api().services.session.access();

  async function showView(): Promise<void> {
    await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
    await waitFor(() => api().services.treeView.visible, 'the Resources view is visible');
  }

  async function hideView(): Promise<void> {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !api().services.treeView.visible, 'the Resources view is hidden');
  }

  /** The description of a row, read fresh from the provider. */
  const description = async (n: Node): Promise<string> => String((await item(api(), n)).description);

  before(async () => {
    await resetSettings();
    await emulator.reset();
    await showView();
  });
  beforeEach(async () => {
    await vscode.commands.executeCommand('sagemaker.refresh');
  });
  afterEach(async () => {
    prompter.assertDone();
    await showView();
    await resetSettings();
  });
  after(() => emulator.reset());

  it('a notebook instance started elsewhere goes Pending → InService in the tree without user action', async () => {
    const node = await nodeAt(api(), 'Notebook Instances', 'churn-model-training');
    assert.match(await description(node), /^Stopped/);
    const before = await callCount('DescribeNotebookInstance');
    await access().startNotebookInstance('us-east-1', 'churn-model-training');
    // The row says Pending, as after the extension's own Start (the emulator may already be further).
    api().services.tree.updateNotebook({ ...(node as NotebookNode).notebook, status: 'Pending' });
    assert.match(await description(node), /^Pending/);
    await waitFor(async () => (await description(node)).startsWith('InService'), 'the row shows InService');
    assert.ok((await callCount('DescribeNotebookInstance')) > before, 'the poller described it');
    assert.equal((await item(api(), node)).contextValue, 'sagemaker.notebook.running', 'the menus follow the state');
    await access().stopNotebookInstance('us-east-1', 'churn-model-training');
  });

  it('a space whose app was started elsewhere goes Starting → Running, one ListApps call per read', async () => {
    const node = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice', 'Alice Code Editor');
    assert.match(await description(node), /Stopped$/);
    const space = (await access().listSpacesFor('us-east-1', 'd-7kx2hq9mzp4a', 'alice')).items.find((s) => s.spaceName === 'alice-code-editor');
    assert.ok(space);
    const describesBefore = await callCount('DescribeSpace');
    await access().startSpace('us-east-1', space);
    api().services.tree.updateSpace({ ...space, appState: 'Starting' });
    assert.match(await description(node), /Starting$/);
    // Running, then what it runs on and for how long (issue 24).
    await waitFor(async () => /Running( · |$)/.test(await description(node)), 'the row shows Running');
    assert.equal(await callCount('DescribeSpace'), describesBefore, 'the app state alone was read (ListApps), not the whole space');
    assert.equal((await item(api(), node)).contextValue, 'sagemaker.space.running');
  });

  it('makes no call while nothing is passing, and sets no timer', async () => {
    // eu-west-1's domains, profiles, spaces and notebook instances are all settled. Groups of other
    // kinds (if the build has sagemaker.resourceTypes) are left out: the point is "nothing passing".
    await setSetting('regions', ['eu-west-1']);
    const pkg = JSON.parse(fs.readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    if ('sagemaker.resourceTypes' in pkg.contributes.configuration.properties) {
      await setSetting('resourceTypes', ['studioDomains', 'notebookInstances']);
    }
    const domains = await children(api(), await nodeAt(api(), 'Studio Domains'));
    for (const d of domains) {
      for (const p of await children(api(), d)) {
        await children(api(), p);
      }
    }
    await children(api(), await nodeAt(api(), 'Notebook Instances'));
    await sleep(200); // DescribeDomain answers alongside; then the view is quiet
    assert.equal(api().services.poller.scheduled, 0, 'rows were scheduled for reading');
    assert.equal(api().services.poller.armed, false, 'a timer is set');
    await emulator.resetCalls();
    await sleep(2000); // four times the local endpoint's first wait
    assert.deepEqual(await emulator.calls(), {}, 'calls were made with nothing passing');
    if ('sagemaker.resourceTypes' in pkg.contributes.configuration.properties) {
      await setSetting('resourceTypes', undefined);
    }
  });

  it('with the view hidden no call goes out; shown again, the row catches up', async () => {
    const node = await nodeAt(api(), 'Notebook Instances', 'churn-model-training');
    await hideView();
    await access().startNotebookInstance('us-east-1', 'churn-model-training');
    api().services.tree.updateNotebook({ ...(node as NotebookNode).notebook, status: 'Pending' });
    assert.match(await description(node), /^Pending/);
    const before = await callCount('DescribeNotebookInstance');
    await sleep(2000);
    assert.equal(await callCount('DescribeNotebookInstance'), before, 'the hidden view was polled');
    assert.equal(api().services.poller.armed, false);
    await showView();
    await waitFor(async () => (await description(node)).startsWith('InService'), 'the row shows InService once the view is visible');
    await access().stopNotebookInstance('us-east-1', 'churn-model-training');
  });
});
