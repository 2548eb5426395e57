import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { callCount, callsStill, children, emulator, hovered, item, labels, nodeAt, resetSettings, setSetting, tooltipText, usePrompter, waitFor } from './helpers';

describe('the Resources tree (against the demo data)', () => {
  const { api } = usePrompter();

  before(async () => {
    await resetSettings();
    // A figure for the record (not a timed test): how long activate() took in this extension host.
    console.log(`    activate() took ${api().activationMs.toFixed(1)} ms`);
  });
  afterEach(async () => {
    await emulator.clearFaults();
    await resetSettings();
    api().services.tree.setFilter(undefined, ['userProfiles', 'notebooks']);
  });

  it('with one region shows the four groups (Studio Domains, Notebook Instances, MLflow, Partner AI Apps), open', async () => {
    const roots = await children(api());
    assert.deepEqual(await labels(api(), roots), ['Studio Domains', 'Notebook Instances', 'MLflow', 'Partner AI Apps']);
    for (const r of roots) {
      assert.equal((await item(api(), r)).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    }
  });

  it('with several regions shows one node per region, each holding the four groups', async () => {
    await setSetting('regions', ['us-east-1', 'eu-west-1']);
    const roots = await children(api());
    assert.deepEqual(await labels(api(), roots), ['us-east-1', 'eu-west-1']);
    assert.deepEqual(await labels(api(), await children(api(), roots[1])), ['Studio Domains', 'Notebook Instances', 'MLflow', 'Partner AI Apps']);
    const euDomains = await nodeAt(api(), 'eu-west-1', 'Studio Domains');
    assert.deepEqual(await labels(api(), await children(api(), euDomains)), ['eu-analytics', 'identity-center-lab']);
  });

  it('shows domains with status and id, user profiles, and a profile\'s private spaces before shared ones', async () => {
    const domains = await nodeAt(api(), 'Studio Domains');
    assert.deepEqual(await labels(api(), await children(api(), domains)), ['ml-platform', 'research-lab', 'sandbox-pending']);
    const mlPlatform = await item(api(), await nodeAt(api(), 'Studio Domains', 'ml-platform'));
    assert.equal(mlPlatform.description, 'InService · d-7kx2hq9mzp4a');
    assert.equal(mlPlatform.contextValue, 'sagemaker.domain');
    const profiles = await children(api(), await nodeAt(api(), 'Studio Domains', 'ml-platform'));
    assert.deepEqual(await labels(api(), profiles), ['alice', 'bob', 'carol', 'dave-data-eng']);
    const alice = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
    assert.equal((await item(api(), alice)).contextValue, 'sagemaker.userProfile');
    const spaces = await children(api(), alice);
    // Alice's own private spaces, then the domain's shared ones; Bob's and Carol's private spaces are not hers.
    assert.deepEqual(await labels(api(), spaces), ['Alice JupyterLab', 'Alice Code Editor', 'Team Analytics', 'Shared Code Review']);
  });

  it('shows each space\'s app type, sharing and app state, with state in contextValue and icon by app type', async () => {
    const base = ['Studio Domains', 'ml-platform'];
    const lab = await item(api(), await nodeAt(api(), ...base, 'alice', 'Alice JupyterLab'));
    // Running: its instance type and how long (issue 24).
    assert.match(String(lab.description), /^JupyterLab · Private · Running · ml\.t3\.medium · \d+ d/);
    assert.equal(lab.contextValue, 'sagemaker.space.running');
    assert.equal((lab.iconPath as vscode.ThemeIcon).id, 'notebook');
    const editor = await item(api(), await nodeAt(api(), ...base, 'alice', 'Alice Code Editor'));
    assert.equal(editor.contextValue, 'sagemaker.space.stopped');
    assert.equal((editor.iconPath as vscode.ThemeIcon).id, 'code');
    const bob = await item(api(), await nodeAt(api(), ...base, 'bob', 'Bob JupyterLab'));
    assert.equal(bob.contextValue, 'sagemaker.space.starting');
    const rstudio = await item(api(), await nodeAt(api(), ...base, 'carol', 'Carol RStudio'));
    assert.equal(rstudio.description, 'RStudioServerPro · Private · Running');
    assert.equal((rstudio.iconPath as vscode.ThemeIcon).id, 'graph');
    const shared = await item(api(), await nodeAt(api(), ...base, 'bob', 'Team Analytics'));
    assert.match(String(shared.description), /^JupyterLab · Shared · Running · ml\.g5\.xlarge · \d+ d/);
    const failed = await item(api(), await nodeAt(api(), 'Studio Domains', 'research-lab', 'erin', 'Erin Notebooks'));
    assert.equal(failed.contextValue, 'sagemaker.space.failed');
  });

  it("shows a profile's spaces before their app states are known, then fills each in", async () => {
    // The domain's first ListApps page (asked alongside ListSpaces) fails: the rows show anyway,
    // "checking…", and each state comes from its own ListApps call.
    await emulator.setFault({ operation: 'ListApps', kind: 'accessDenied', times: 1 });
    const alice = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
    await api().services.tree.refreshNode(alice); // forget what an earlier test listed
    const redrawn: unknown[] = [];
    const sub = api().resources.onDidChangeTreeData?.((e) => redrawn.push(e));
    try {
      const spaces = await children(api(), alice);
      assert.deepEqual(await labels(api(), spaces), ['Alice JupyterLab', 'Alice Code Editor', 'Team Analytics', 'Shared Code Review']);
      assert.equal((await item(api(), spaces[0])).description, 'JupyterLab · Private · checking…');
      assert.equal((await item(api(), spaces[0])).contextValue, 'sagemaker.space.unknown');
      await waitFor(async () => String((await item(api(), spaces[0])).description).startsWith('JupyterLab · Private · Running') || undefined, 'the app state of "Alice JupyterLab"');
      assert.equal((await item(api(), spaces[0])).contextValue, 'sagemaker.space.running');
      assert.equal((await item(api(), spaces[1])).contextValue, 'sagemaker.space.stopped');
      // One redraw per batch (all four in one wave), naming the rows.
      assert.ok(redrawn.some((e) => Array.isArray(e) && e.length === 4), `redraws: ${redrawn.length}`);
    } finally {
      sub?.dispose();
    }
  });

  it("stops reading the old rows' app states when a profile's spaces are refreshed", async () => {
    // The domain's first ListApps page fails, so each of Alice's four spaces asks for its own
    // state; those four calls are slow. A Refresh of the profile drops the rows they were for.
    await emulator.setFault({ operation: 'ListApps', kind: 'accessDenied', times: 1 });
    await emulator.setFault({ operation: 'ListApps', kind: 'latency', latencyMs: 8000, times: 4 });
    const alice = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
    await api().services.tree.refreshNode(alice); // forget what an earlier test listed
    await emulator.resetCalls();
    const before = await children(api(), alice);
    assert.equal((await item(api(), before[0])).contextValue, 'sagemaker.space.unknown');
    await waitFor(async () => ((await callCount('ListApps')) >= 5) || undefined, 'the four state calls reaching the endpoint');
    await api().services.tree.refreshNode(alice);
    // The fresh listing reads the domain's apps in one page (no fault left): every state at once.
    const after = await children(api(), alice);
    assert.equal((await item(api(), after[0])).contextValue, 'sagemaker.space.running');
    // The four slow calls were cancelled, not left to finish for rows no longer shown.
    await waitFor(async () => ((await emulator.abandoned()).ListApps ?? 0) >= 4 || undefined, 'the old state calls cancelled', 5000);
    assert.equal((await emulator.abandoned()).ListApps, 4);
  });

  it('shows notebook instances with status and instance type, the state in contextValue and a coloured icon', async () => {
    const group = await nodeAt(api(), 'Notebook Instances');
    const nodes = await children(api(), group);
    const items = await Promise.all(nodes.map((n) => item(api(), n)));
    const byName = new Map(items.map((i) => [i.label as string, i]));
    assert.deepEqual([...byName.keys()].sort(), ['churn-model-training', 'forecasting-gpu', 'fraud-detection-dev', 'legacy-etl', 'nlp-experiments']);
    assert.match(String(byName.get('fraud-detection-dev')?.description), /^InService · ml\.t3\.medium · since /);
    assert.equal(byName.get('fraud-detection-dev')?.contextValue, 'sagemaker.notebook.running');
    assert.equal(byName.get('churn-model-training')?.contextValue, 'sagemaker.notebook.stopped');
    assert.equal(byName.get('forecasting-gpu')?.contextValue, 'sagemaker.notebook.starting');
    assert.equal(byName.get('legacy-etl')?.contextValue, 'sagemaker.notebook.failed');
    const running = byName.get('fraud-detection-dev')?.iconPath as vscode.ThemeIcon;
    const failed = byName.get('legacy-etl')?.iconPath as vscode.ThemeIcon;
    assert.equal(running.color?.id, 'charts.green');
    assert.equal(failed.color?.id, 'charts.red');
  });

  it('puts details in untrusted markdown tooltips, given on hover, with resource text escaped', async () => {
    const fraud = await nodeAt(api(), 'Notebook Instances', 'fraud-detection-dev');
    // Not with the row: VS Code would parse every row's markdown before drawing the first one.
    assert.equal((await item(api(), fraud)).tooltip, undefined);
    const nb = await hovered(api(), fraud);
    const tip = nb.tooltip as vscode.MarkdownString;
    assert.ok(tip instanceof vscode.MarkdownString);
    assert.equal(tip.isTrusted, false);
    const text = tip.value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(text, /ARN: arn:aws:sagemaker:us-east-1:\d+:notebook-instance\/fraud-detection-dev/);
    assert.match(text, /Instance type: ml\.t3\.medium/);
    const space = await hovered(api(), await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice', 'Alice JupyterLab'));
    const spaceTip = space.tooltip as vscode.MarkdownString;
    assert.equal(spaceTip.isTrusted, false);
    // The hyphens of names are escaped as markdown text, not left to render.
    assert.match(spaceTip.value, /alice\\-jupyterlab/);
    assert.match(spaceTip.value.replace(/&nbsp;/g, ' '), /Owner: alice/);
  });

  it('fetches one page at a time and ends a longer list with "Load more…"', async () => {
    await setSetting('pageSize', 2);
    const group = await nodeAt(api(), 'Notebook Instances');
    let kids = await children(api(), group);
    assert.equal(kids.length, 3);
    assert.equal((await labels(api(), kids))[2], 'Load more…');
    const more = await item(api(), kids[2]);
    assert.equal(more.command?.command, 'sagemaker.loadMore');
    await vscode.commands.executeCommand('sagemaker.loadMore', kids[2]);
    kids = await children(api(), group);
    assert.equal(kids.length, 5);
    await vscode.commands.executeCommand('sagemaker.loadMore', kids[4]);
    kids = await children(api(), group);
    assert.equal(kids.length, 5, 'the last page has no "Load more…"');
    assert.ok(!(await labels(api(), kids)).includes('Load more…'));
  });

  it('lists nothing until a node is expanded', async () => {
    // With the view hidden, only the getChildren calls below ask: a visible view would also
    // reopen rows an earlier test expanded, and a late settings event would list again.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !api().services.treeView.visible, 'the Resources view is hidden');
    try {
      await emulator.reset();
      await vscode.commands.executeCommand('sagemaker.refresh');
      await children(api());
      await children(api(), await nodeAt(api(), 'Studio Domains'));
      const calls = await emulator.calls();
      assert.equal(calls.ListDomains, 1);
      assert.equal(calls.ListUserProfiles ?? 0, 0, 'user profiles were listed before a domain was expanded');
      assert.equal(calls.ListSpaces ?? 0, 0, 'spaces were listed before a user profile was expanded');
    } finally {
      await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
      await waitFor(() => api().services.treeView.visible, 'the Resources view is visible');
    }
  });

  describe('the first rows come after one round trip', () => {
    // With the view hidden VS Code asks for nothing itself: the calls counted are those the
    // extension makes for the getChildren calls below.
    beforeEach(async () => {
      await vscode.commands.executeCommand('workbench.view.explorer');
      await waitFor(() => !api().services.treeView.visible, 'the Resources view is hidden');
      api().services.tree.refresh();
      // The visible view's lists, just cancelled, may still be on their way to the endpoint.
      await callsStill();
    });
    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
      await waitFor(() => api().services.treeView.visible, 'the Resources view is visible');
    });

    it("lists every open group's first page as soon as the groups are asked for, not when VS Code asks for each", async () => {
      const lists = ['ListDomains', 'ListNotebookInstances', 'ListMlflowTrackingServers', 'ListMlflowApps', 'ListPartnerApps'];
      const before = await emulator.calls();
      const roots = await children(api());
      const grown = async (): Promise<string[]> => {
        const now = await emulator.calls();
        return lists.filter((op) => (now[op] ?? 0) === (before[op] ?? 0));
      };
      await waitFor(async () => (await grown()).length === 0, `the groups' lists were asked with the groups alone (not yet: ${(await grown()).join(', ')})`);
      // VS Code's own ask for the rows then finds them loaded or on the way: no second call.
      assert.deepEqual(await labels(api(), await children(api(), roots[0])), ['ml-platform', 'research-lab', 'sandbox-pending']);
      assert.equal(await callCount('ListDomains'), (before.ListDomains ?? 0) + 1);
    });

    it('a list a refresh dropped, asked for late (VS Code can, from before the refresh), makes no call', async () => {
      const old = await nodeAt(api(), 'Studio Domains');
      api().services.tree.refresh();
      await callsStill();
      const before = await callCount('ListDomains');
      assert.deepEqual(await children(api(), old), []);
      assert.equal(await callCount('ListDomains'), before, 'the dropped list was read again');
      // The new tree's list is read as usual.
      assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'Studio Domains'))), ['ml-platform', 'research-lab', 'sandbox-pending']);
      assert.equal(await callCount('ListDomains'), before + 1);
    });

    it('asks for the MLflow tracking servers and apps at once', async () => {
      await emulator.setFault({ operation: 'ListMlflowTrackingServers', kind: 'error', errorType: 'AccessDeniedException', status: 400, message: 'not allowed here', times: 1 });
      const apps = await callCount('ListMlflowApps');
      const mlflow = await nodeAt(api(), 'MLflow');
      const rows = await children(api(), mlflow);
      const error = await item(api(), rows[0]);
      assert.equal(error.label, 'Access denied');
      assert.equal(error.description, 'could not list MLflow tracking servers or apps');
      assert.equal(await callCount('ListMlflowApps'), apps + 1, 'the apps were asked for alongside the servers, not after them');
    });
  });

  it('shows a failed list as an error node under its parent only, and retries it', async () => {
    await vscode.commands.executeCommand('sagemaker.refresh');
    // Not a one-shot fault: the visible view lists too after a refresh, and could use it up first.
    await emulator.setFault({ operation: 'ListNotebookInstances', kind: 'error', errorType: 'AccessDeniedException', status: 400, message: 'not allowed here' });
    const roots = await children(api());
    const notebooks = await children(api(), roots[1]);
    assert.equal(notebooks.length, 1);
    const err = await item(api(), notebooks[0]);
    assert.equal(err.label, 'Access denied');
    assert.equal(err.description, 'could not list notebook instances');
    assert.equal(err.contextValue, 'sagemaker.error');
    assert.equal(err.command?.command, 'sagemaker.retry');
    assert.match(((await hovered(api(), notebooks[0])).tooltip as vscode.MarkdownString).value, /Access(&nbsp;| )denied/);
    // The sibling list is unaffected.
    assert.deepEqual(await labels(api(), await children(api(), roots[0])), ['ml-platform', 'research-lab', 'sandbox-pending']);
    await emulator.clearFaults();
    await vscode.commands.executeCommand('sagemaker.retry', notebooks[0]);
    assert.equal((await children(api(), roots[1])).length, 5);
  });

  it('filters spaces and notebook instances by name, on the service', async () => {
    await vscode.commands.executeCommand('sagemaker.refresh');
    api().services.tree.setFilter('fraud', ['spaces', 'notebooks']);
    assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'Notebook Instances'))), ['fraud-detection-dev']);
    assert.equal((await item(api(), await nodeAt(api(), 'Notebook Instances'))).description, 'filter: fraud');
    api().services.tree.setFilter('team');
    assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice'))), ['Team Analytics']);
    api().services.tree.setFilter('zzz-nothing');
    assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'Notebook Instances'))), ['No notebook instances match the filter']);
  });

  it('filters user profiles on the service (UserProfileNameContains): a one-row page holds the match, not the first profile', async () => {
    await setSetting('pageSize', 1);
    api().services.tree.setFilter('car', ['userProfiles']);
    const before = await callCount('ListUserProfiles');
    // Unfiltered, the first page of one would be "alice" and a "Load more…".
    assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'Studio Domains', 'ml-platform'))), ['carol']);
    assert.equal((await callCount('ListUserProfiles')) - before, 1);
    assert.match(tooltipText(await hovered(api(), await nodeAt(api(), 'Studio Domains', 'ml-platform'))), /Filtered: user profiles whose name contains "car"/);
    // Spaces are not in this filter's scope: carol's all show.
    assert.ok((await children(api(), await nodeAt(api(), 'Studio Domains', 'ml-platform', 'carol'))).length > 0);
  });

  it('filters a list the API cannot filter (Studio domains) on the rows loaded, and says so', async () => {
    api().services.tree.setFilter('research', ['domains']);
    const group = await nodeAt(api(), 'Studio Domains');
    assert.deepEqual(await labels(api(), await children(api(), group)), ['research-lab']);
    assert.equal((await item(api(), group)).description, 'filter: research (loaded rows)');
    // A new filter starts the tree over: the group is asked anew, as VS Code does.
    api().services.tree.setFilter('zzz-nothing');
    assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'Studio Domains'))), ['No loaded Studio domains match the filter']);
    // Lists outside the scope are not filtered.
    assert.equal((await children(api(), await nodeAt(api(), 'Notebook Instances'))).length, 5);
  });

  it('refreshes when a connection setting changes', async () => {
    assert.deepEqual(await labels(api(), await children(api())), ['Studio Domains', 'Notebook Instances', 'MLflow', 'Partner AI Apps']);
    await setSetting('regions', ['eu-west-1']);
    const names = await labels(api(), await children(api(), await nodeAt(api(), 'Notebook Instances')));
    assert.deepEqual(names.sort(), ['eu-batch-scoring', 'gdpr-audit-notebook']);
  });
});
