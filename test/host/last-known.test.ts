import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { connectionInUse } from '../../src/aws/inUse';
import { connectionKey } from '../../src/lastKnown/snapshot';
import { SAVE_DELAY_MS } from '../../src/lastKnown/keeper';
import type { ListNode, Node } from '../../src/tree/nodes';
import { callCount, children, emulator, emulatorUrl, hovered, item, labels, nodeAt, resetSettings, runningModule, setSetting, tooltipText, usePrompter, waitFor } from './helpers';

/**
 * The last-known tree: what the view showed for a connection comes back at once when that
 * connection's tree is built again (a cold open, or switching back to it), marked as not yet
 * refreshed, with no call; the fresh lists replace it. The suites' harness turns the setting off;
 * this suite turns it on.
 */
describe('the last-known tree (sagemaker.showLastKnownTree)', () => {
  const { api, prompter } = usePrompter();
  const tree = () => api().services.tree;
  const keeper = () => api().lastKnown;
  const usEast = () => connectionKey(connectionInUse({ regions: ['us-east-1'], endpointUrl: emulatorUrl() }));
  const NOT_REFRESHED = /Not refreshed yet: as last shown/;

  before(async () => {
    await resetSettings();
    await setSetting('showLastKnownTree', true);
  });
  afterEach(async () => {
    await emulator.clearFaults();
    await resetSettings();
    // The view is shown again for the next suites (some tests here hide it).
    await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
  });
  after(async () => {
    await setSetting('showLastKnownTree', false);
  });

  /** Waits until the view has the node expanded (the expand event reached the extension). */
  async function expand(node: Node): Promise<void> {
    await api().services.treeView.reveal(node, { expand: true, focus: false, select: false });
    await waitFor(() => tree().isOpen(node as ListNode), `the view expanded ${node.id}`);
  }

  /** A fresh tree for us-east-1 with ml-platform → alice open in the view, kept on disk. */
  async function showAndKeep(): Promise<void> {
    await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
    await vscode.commands.executeCommand('sagemaker.refresh');
    for (const g of await children(api())) {
      await children(api(), g);
    }
    await expand(await nodeAt(api(), 'Studio Domains', 'ml-platform'));
    const alice = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
    await expand(alice);
    const spaces = await children(api(), alice);
    await waitFor(async () => (await Promise.all(spaces.map((s) => item(api(), s)))).every((i) => !String(i.description).includes('checking')), 'alice\'s app states');
    await keeper().save();
    await keeper().store.idle();
    const kept = keeper().store.read(usEast());
    assert.ok(kept, 'the tree was kept for us-east-1 and the local endpoint');
    assert.ok(Object.keys(kept.lists).some((id) => id.endsWith('/user:alice')), `alice's spaces are kept (lists: ${Object.keys(kept.lists).join(', ')})`);
  }

  /** Builds the tree of another connection (eu-west-1), then the us-east-1 one again, with the view hidden (only this test asks the tree). */
  async function leaveAndComeBack(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await setSetting('regions', ['eu-west-1']);
    await children(api());
    await setSetting('regions', ['us-east-1']);
  }

  it('comes back at once, marked not refreshed, before any call reaches the endpoint; then the fresh rows replace it', async () => {
    await showAndKeep();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await setSetting('regions', ['eu-west-1']);
    // Another connection: its own tree, nothing of us-east-1's.
    const euRoots = await children(api());
    assert.equal(tree().showingLastKnown, undefined, 'eu-west-1 has no last-known tree: none is shown');
    const euDomains = await children(api(), euRoots[0]);
    assert.deepEqual(await labels(api(), euDomains), ['eu-analytics', 'identity-center-lab']);
    assert.doesNotMatch(tooltipText(await hovered(api(), euDomains[0])), NOT_REFRESHED);

    await emulator.resetCalls();
    await setSetting('regions', ['us-east-1']);
    // The rows as the view asks for them, with no I/O in between (so nothing else runs meanwhile).
    const roots = await children(api());
    const domainsGroup = roots[0];
    const domains = await children(api(), domainsGroup);
    const mlPlatform = domains[0];
    const profiles = await children(api(), mlPlatform);
    const spaces = await children(api(), profiles[0]);
    const shownAt = Date.now();

    assert.deepEqual(await labels(api(), roots), ['Studio Domains', 'Notebook Instances', 'MLflow', 'Partner AI Apps']);
    assert.deepEqual(await labels(api(), domains), ['ml-platform', 'research-lab', 'sandbox-pending']);
    assert.deepEqual(await labels(api(), profiles), ['alice', 'bob', 'carol', 'dave-data-eng']);
    assert.deepEqual(await labels(api(), spaces), ['Alice JupyterLab', 'Alice Code Editor', 'Team Analytics', 'Shared Code Review']);
    // What was expanded comes back expanded; states and IDs as they were.
    assert.equal((await item(api(), mlPlatform)).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal((await item(api(), profiles[0])).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal((await item(api(), mlPlatform)).description, 'InService · d-7kx2hq9mzp4a');
    assert.equal((await item(api(), spaces[0])).description, 'JupyterLab · Private · Running');
    // Marked: each row's tooltip, and the view's title.
    for (const n of [mlPlatform, profiles[0], spaces[0]]) {
      assert.match(tooltipText(await hovered(api(), n)), NOT_REFRESHED, n.id);
    }
    assert.ok(tree().showingLastKnown !== undefined);
    // Its time is set once the rows have gone to the view.
    await waitFor(() => /^Last known \(.+\): refreshing…$/.test(api().services.treeView.message ?? ''), 'the view says the rows are the last known');

    // Then the fresh lists, one call per list shown, replace the rows and the marks.
    await waitFor(() => tree().showingLastKnown === undefined, 'the fresh lists replaced the last-known rows');
    const arrivals = await emulator.arrivals();
    assert.ok(arrivals.length > 0, 'the fresh lists were asked for');
    const early = arrivals.filter((a) => a.at < shownAt);
    assert.deepEqual(early, [], 'calls reached the endpoint before the last-known rows were shown');
    for (const op of ['ListDomains', 'ListUserProfiles', 'ListSpaces', 'ListNotebookInstances']) {
      assert.equal(await callCount(op), 1, op);
    }
    const freshDomains = await children(api(), domainsGroup);
    assert.equal(freshDomains[0], mlPlatform, 'a domain row keeps its node (and its open list)');
    assert.doesNotMatch(tooltipText(await hovered(api(), freshDomains[0])), NOT_REFRESHED);
    const freshSpaces = await children(api(), mlPlatform).then((p) => children(api(), p[0]));
    assert.deepEqual(await labels(api(), freshSpaces), ['Alice JupyterLab', 'Alice Code Editor', 'Team Analytics', 'Shared Code Review']);
    assert.doesNotMatch(tooltipText(await hovered(api(), freshSpaces[0])), NOT_REFRESHED);
    assert.equal(api().services.treeView.message, undefined);
  });

  it('closing the window (deactivate) writes a change still waiting for its quiet time', async () => {
    await showAndKeep();
    // A quiet time longer than the test: on a loaded machine the expansion below can take longer than the real one.
    keeper().quietMs = 600_000;
    try {
      const bob = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'bob');
      await expand(bob);
      await children(api(), bob);
      const bobKept = () => Object.keys(keeper().store.read(usEast())?.lists ?? {}).some((id) => id.endsWith('/user:bob'));
      assert.equal(bobKept(), false, 'bob\'s spaces were written before the quiet time ended');
      await runningModule().deactivate();
      assert.ok(bobKept(), 'bob\'s spaces, listed just before the window closed, are kept');
    } finally {
      keeper().quietMs = SAVE_DELAY_MS;
    }
  });

  it('keeps names, IDs and states only: no URL, no endpoint, no credential in the file', async () => {
    await showAndKeep();
    const text = fs.readFileSync(keeper().store.fileFor(usEast()), 'utf8');
    assert.match(text, /d-7kx2hq9mzp4a/);
    assert.match(text, /alice-jupyterlab/);
    assert.doesNotMatch(text, /:\/\//, 'a URL in the last-known tree');
    assert.ok(!text.includes(new URL(emulatorUrl()).host), 'the endpoint in the last-known tree');
    assert.ok(!text.includes(process.env.AWS_ACCESS_KEY_ID ?? '\u0000'), 'the access key in the last-known tree');
    assert.ok(!text.includes(process.env.AWS_SECRET_ACCESS_KEY ?? '\u0000'), 'the secret key in the last-known tree');
    assert.doesNotMatch(text, /token|signature|X-Amz/i);
  });

  it('an action on a row not refreshed yet makes its one call, with the IDs of the row', async () => {
    await showAndKeep();
    await leaveAndComeBack();
    await emulator.resetCalls();
    const lab = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice', 'Alice JupyterLab');
    assert.ok(tree().isLastKnown(lab), 'the row is a last-known one');
    await vscode.commands.executeCommand('sagemaker.openSpace', lab);
    assert.equal(prompter.errors.length, 0, prompter.errors.map((e) => e.text).join('; '));
    assert.equal(prompter.opened.length, 1);
    assert.equal(await callCount('CreatePresignedDomainUrl'), 1);
    const grant = (await emulator.grants()).at(-1);
    assert.equal(grant?.domainId, 'd-7kx2hq9mzp4a');
    assert.equal(grant?.userProfileName, 'alice');
    assert.equal(grant?.spaceName, 'alice-jupyterlab');
    await waitFor(() => tree().showingLastKnown === undefined, 'the fresh lists');
  });

  it('a failed fresh list shows its error row in place of the last-known rows', async () => {
    await showAndKeep();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await setSetting('regions', ['eu-west-1']);
    await children(api());
    await emulator.setFault({ operation: 'ListNotebookInstances', kind: 'http5xx', status: 500 }); // every attempt, however many lists ask (cleared after each test)
    await setSetting('regions', ['us-east-1']);
    const group = await nodeAt(api(), 'Notebook Instances');
    assert.ok((await children(api(), group)).length > 1, 'the last-known notebook instances show first');
    await waitFor(async () => {
      const rows = await children(api(), group);
      return rows.length === 1 && (await item(api(), rows[0])).contextValue === 'sagemaker.error';
    }, 'the list shows its error row');
    // The rest of the tree is fresh.
    await waitFor(() => tree().showingLastKnown === undefined, 'the other lists are fresh');
    assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'Studio Domains'))), ['ml-platform', 'research-lab', 'sandbox-pending']);
  });

  it('another profile never shows this tree', async () => {
    await showAndKeep();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await setSetting('profile', 'someone-else');
    const roots = await children(api());
    assert.equal(tree().showingLastKnown, undefined);
    for (const r of roots) {
      assert.equal(tree().isLastKnown((await children(api(), r))[0] ?? r), false);
    }
    // This profile is in no AWS file: the view says so, as without a last-known tree.
    await waitFor(() => tree().viewState === 'noCredentials' || tree().viewState === 'error', 'the view says the profile cannot be used');
  });

  it('with the profile setting empty, another AWS_PROFILE (another account) never shows this tree', async () => {
    await showAndKeep();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const credentials = process.env.AWS_SHARED_CREDENTIALS_FILE!;
    fs.writeFileSync(credentials, `[prod]\naws_access_key_id = ${process.env.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${process.env.AWS_SECRET_ACCESS_KEY}\n`);
    try {
      // A window started with AWS_PROFILE=prod and the same settings: its tree is built afresh.
      process.env.AWS_PROFILE = 'prod';
      tree().refresh({ lastKnown: true });
      const roots = await children(api());
      assert.equal(tree().showingLastKnown, undefined, "the default credentials' tree shown as prod's last known");
      for (const r of roots) {
        assert.equal(tree().isLastKnown((await children(api(), r))[0] ?? r), false);
      }
    } finally {
      delete process.env.AWS_PROFILE;
      fs.writeFileSync(credentials, '');
      tree().refresh();
    }
  });

  it('turned off: what was kept is removed, nothing is shown from it, nothing is written', async () => {
    await showAndKeep();
    assert.ok(fs.existsSync(keeper().store.fileFor(usEast())));
    await setSetting('showLastKnownTree', false);
    try {
      await waitFor(() => !fs.existsSync(keeper().store.folder), 'the last-known trees are removed');
      await leaveAndComeBack();
      const domains = await children(api(), await nodeAt(api(), 'Studio Domains'));
      assert.equal(tree().showingLastKnown, undefined);
      assert.doesNotMatch(tooltipText(await hovered(api(), domains[0])), NOT_REFRESHED);
      await keeper().save();
      await keeper().store.idle();
      assert.equal(fs.existsSync(keeper().store.folder), false, 'written while off');
    } finally {
      await setSetting('showLastKnownTree', true);
    }
  });
});
