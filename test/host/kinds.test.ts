/**
 * MLflow tracking servers, MLflow apps and partner AI apps in the tree and their commands (from
 * the node and from the palette), the lifetimes checked before any call, a list the caller may
 * not read, and sagemaker.resourceTypes choosing the groups.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Node } from '../../src/tree/nodes';
import { callCount, children, emulator, emulatorUrl, hovered, item, labels, nodeAt, resetSettings, safe, setSetting, tooltipText, usePrompter, visit, waitFor } from './helpers';

const ALL_GROUPS = ['Studio Domains', 'Notebook Instances', 'MLflow', 'Partner AI Apps'];

describe('MLflow and partner AI apps', () => {
  const { api, prompter } = usePrompter();

  before(async () => {
    await resetSettings();
    await emulator.reset();
    await vscode.commands.executeCommand('sagemaker.refresh');
  });
  afterEach(async () => {
    prompter.assertDone();
    await emulator.clearFaults();
    await resetSettings();
    api().services.tree.setFilter(undefined);
  });
  after(() => emulator.reset());

  const server = (name: string): Promise<Node> => nodeAt(api(), 'MLflow', name);
  const lastOpened = (): string => {
    assert.equal(prompter.opened.length, 1, 'exactly one URL opened');
    return prompter.opened[0].toString(true);
  };
  async function page(url: string): Promise<string> {
    assert.equal(new URL(url).origin, new URL(emulatorUrl()).origin, `URL does not point at the endpoint: ${safe(url)}`);
    const r = await visit(url);
    assert.equal(r.status, 200, `the URL did not open a page (${r.status})`);
    return r.body;
  }
  /** A tooltip's text as a reader sees it (markdown escapes and no-break spaces undone). */
  const plain = (md: vscode.MarkdownString): string => md.value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
  const lastGrant = async () => {
    const grants = await emulator.grants();
    return grants[grants.length - 1];
  };

  describe('the tree', () => {
    it('shows the four groups by default, open', async () => {
      const roots = await children(api());
      assert.deepEqual(await labels(api(), roots), ALL_GROUPS);
      for (const r of roots) {
        assert.equal((await item(api(), r)).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      }
    });

    it('lists tracking servers (status, MLflow version, state in contextValue, coloured icon), then MLflow apps', async () => {
      const mlflow = await nodeAt(api(), 'MLflow');
      assert.deepEqual(await labels(api(), await children(api(), mlflow)), [
        'fraud-experiments', 'genai-evals', 'mlflow-platform', 'nightly-benchmarks', 'research-tracking', 'tracking-vpc-test',
        'mlflow-sandbox', 'mlflow-vpc-trial', 'research-mlflow', 'team-mlflow',
      ]);
      const platform = await item(api(), await server('mlflow-platform'));
      assert.match(String(platform.description), /^Started · MLflow 2\.16\.2 · since /);
      assert.equal(platform.contextValue, 'sagemaker.mlflowTrackingServer.running');
      const icon = platform.iconPath as vscode.ThemeIcon;
      assert.equal(icon.id, 'beaker');
      assert.equal(icon.color?.id, 'charts.green');
      assert.equal((await item(api(), await server('fraud-experiments'))).contextValue, 'sagemaker.mlflowTrackingServer.stopped');
      const starting = await server('nightly-benchmarks');
      assert.equal(((await item(api(), starting)).iconPath as vscode.ThemeIcon).id, 'loading~spin');
      assert.equal((starting as unknown as { transitional: boolean }).transitional, true, 'a Starting server is in a passing state');
      assert.equal(((await item(api(), await server('tracking-vpc-test'))).iconPath as vscode.ThemeIcon).color?.id, 'charts.red');
      const app = await item(api(), await server('team-mlflow'));
      assert.equal(app.description, 'Created · MLflow app');
      assert.equal(app.contextValue, 'sagemaker.mlflowApp.created');
    });

    it('a tracking server\'s tooltip (untrusted markdown) gets its size from one describe, on hover', async () => {
      await vscode.commands.executeCommand('sagemaker.refresh');
      const node = await server('mlflow-platform');
      const before = await callCount('DescribeMlflowTrackingServer');
      const shown = await item(api(), node);
      assert.equal(shown.tooltip, undefined, 'the details come on hover');
      const resolved = await api().resources.resolveTreeItem!(shown, node, new vscode.CancellationTokenSource().token);
      const md = resolved?.tooltip as vscode.MarkdownString;
      assert.equal(md.isTrusted, false);
      assert.match(plain(md), /Size: Medium/);
      assert.match(plain(md), /ARN: arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server\/mlflow-platform/);
      assert.equal((await callCount('DescribeMlflowTrackingServer')) - before, 1);
      // Known now: the next hover names it without another call.
      assert.match(plain((await hovered(api(), node)).tooltip as vscode.MarkdownString), /Size: Medium/);
      assert.equal((await callCount('DescribeMlflowTrackingServer')) - before, 1);
    });

    it('lists partner AI apps with status and type', async () => {
      const apps = await children(api(), await nodeAt(api(), 'Partner AI Apps'));
      assert.deepEqual(await labels(api(), apps), ['lakeraguard', 'cometml', 'cometstaging', 'fiddlerprod', 'deepchecksllm']);
      const comet = await item(api(), apps[1]);
      assert.equal(comet.description, 'Available · Comet');
      assert.equal(comet.contextValue, 'sagemaker.partnerApp.available');
      assert.equal(((await item(api(), apps[3])).iconPath as vscode.ThemeIcon).color?.id, 'charts.red');
      const md = (await hovered(api(), apps[1])).tooltip as vscode.MarkdownString;
      assert.equal(md.isTrusted, false);
      assert.match(plain(md), /Type: Comet/);
      assert.match(plain(md), /ARN: arn:aws:sagemaker:us-east-1:123456789012:partner-app\/app-CMT3H8V1K6ZD/);
    });

    it('a group the caller may not list shows its error row; the others keep working', async () => {
      await vscode.commands.executeCommand('sagemaker.refresh');
      await emulator.setFault({ operation: 'ListPartnerApps', kind: 'accessDenied' });
      const partner = await children(api(), await nodeAt(api(), 'Partner AI Apps'));
      assert.equal(partner.length, 1);
      const err = await item(api(), partner[0]);
      // A short label for the side bar (the reason); what failed after it; the whole message (naming the action) in the tooltip.
      assert.equal(err.label, 'Access denied');
      assert.equal(err.description, 'could not list partner AI apps');
      assert.match(tooltipText(await hovered(api(), partner[0])), /not allowed to call sagemaker:ListPartnerApps/);
      assert.equal(err.command?.command, 'sagemaker.retry');
      assert.equal((await children(api(), await nodeAt(api(), 'MLflow'))).length, 10);
      assert.equal((await children(api(), await nodeAt(api(), 'Notebook Instances'))).length, 5);
      assert.equal(api().services.tree.viewState, 'ready');
      await emulator.clearFaults();
      await vscode.commands.executeCommand('sagemaker.retry', partner[0]);
      assert.equal((await children(api(), await nodeAt(api(), 'Partner AI Apps'))).length, 5);
    });

    it('the filter reaches tracking servers, MLflow apps and partner apps', async () => {
      // These APIs have no name filter: the loaded rows are filtered (the scope names these lists, whatever an earlier filter chose).
      api().services.tree.setFilter('comet', ['mlflow', 'partnerApps']);
      assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'Partner AI Apps'))), ['cometml', 'cometstaging']);
      assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'MLflow'))), ['No loaded MLflow tracking servers or apps match the filter']);
      api().services.tree.setFilter('research', ['mlflow', 'partnerApps']);
      assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'MLflow'))), ['research-tracking', 'research-mlflow']);
    });

    it('sagemaker.resourceTypes chooses the groups; a change refreshes the tree', async () => {
      await setSetting('resourceTypes', ['mlflow', 'partnerApps']);
      await waitFor(async () => (await labels(api(), await children(api()))).join() === 'MLflow,Partner AI Apps', 'only MLflow and partner apps show');
      await setSetting('resourceTypes', ['notebookInstances']);
      await waitFor(async () => (await labels(api(), await children(api()))).join() === 'Notebook Instances', 'only notebook instances show');
      await setSetting('regions', ['us-east-1', 'eu-west-1']);
      assert.deepEqual(await labels(api(), await children(api(), await nodeAt(api(), 'eu-west-1'))), ['Notebook Instances']);
    });

    it('a value sagemaker.resourceTypes cannot use: the settings welcome, naming the setting', async () => {
      await setSetting('resourceTypes', []);
      await children(api());
      await waitFor(() => api().services.tree.viewState === 'invalidSettings', 'the invalid-settings state');
      assert.match(api().services.tree.viewMessage ?? '', /"sagemaker\.resourceTypes" is empty/);
      prompter.messages.length = 0;
      await setSetting('resourceTypes', undefined);
      await vscode.commands.executeCommand('sagemaker.refresh');
      assert.deepEqual(await labels(api(), await children(api())), ALL_GROUPS);
    });
  });

  describe('open and copy', () => {
    it('opens a tracking server from its node with one call; the URL works once', async () => {
      await vscode.commands.executeCommand('sagemaker.refresh');
      const node = await server('mlflow-platform');
      const before = await callCount('CreatePresignedMlflowTrackingServerUrl');
      await vscode.commands.executeCommand('sagemaker.openMlflowTrackingServer', node);
      const url = lastOpened();
      assert.match(await page(url), /Tracking server[\s\S]*mlflow-platform/);
      assert.equal((await callCount('CreatePresignedMlflowTrackingServerUrl')) - before, 1);
      const g = await lastGrant();
      assert.equal(g.singleUse, true);
      assert.equal(g.expiresInSeconds, 300);
      assert.equal(g.sessionExpirationDurationInSeconds, 43200);
      assert.equal((await visit(url)).status, 302, 'a second open goes to sign-in');
    });

    it('copies an MLflow app URL asked for in the palette, with the lifetime settings; the countdown says it works once', async () => {
      await setSetting('presignedUrl.expiresInSeconds', 90);
      await setSetting('presignedUrl.sessionExpirationDurationInSeconds', 3600);
      prompter.script({ pick: 'team-mlflow' });
      await vscode.commands.executeCommand('sagemaker.copyMlflowAppUrl');
      assert.deepEqual(prompter.picks.map((p) => p.title), ['MLflow app (us-east-1)']);
      assert.match(await page(await vscode.env.clipboard.readText()), /MLflow app[\s\S]*team-mlflow/);
      const g = await lastGrant();
      assert.deepEqual([g.kind, g.expiresInSeconds, g.sessionExpirationDurationInSeconds], ['mlflowApp', 90, 3600]);
      assert.match(api().services.clipboard.text ?? '', /SageMaker URL \(single use\) expires in 1:[0-3]\d/);
    });

    it('opens a partner app from the palette and copies another\'s URL from its node', async () => {
      prompter.script({ pick: 'cometml' });
      await vscode.commands.executeCommand('sagemaker.openPartnerApp');
      assert.equal(prompter.picks[0].items.find((i) => i.label === 'cometml')?.description, 'Available · Comet');
      assert.match(await page(lastOpened()), /Partner AI app[\s\S]*cometml/);
      const node = await nodeAt(api(), 'Partner AI Apps', 'lakeraguard');
      await vscode.commands.executeCommand('sagemaker.copyPartnerAppUrl', node);
      assert.match(await page(await vscode.env.clipboard.readText()), /lakeraguard/);
      assert.equal((await lastGrant()).kind, 'partnerApp');
      assert.doesNotMatch(api().services.clipboard.text ?? '', /single use/);
    });

    it('opens a tracking server asked for in the palette', async () => {
      prompter.script({ pick: 'research-tracking' });
      await vscode.commands.executeCommand('sagemaker.openMlflowTrackingServer');
      assert.match(await page(lastOpened()), /research-tracking/);
    });

    it('a lifetime setting outside the operation\'s range: a message naming it and the range, no call', async () => {
      await setSetting('presignedUrl.expiresInSeconds', 301);
      const node = await server('mlflow-platform');
      const partner = await nodeAt(api(), 'Partner AI Apps', 'cometml'); // listed before the calls are counted
      await emulator.resetCalls();
      await vscode.commands.executeCommand('sagemaker.copyMlflowTrackingServerUrl', node);
      await vscode.commands.executeCommand('sagemaker.openPartnerApp', partner);
      const texts = prompter.errors.map((e) => e.text);
      assert.equal(texts.length, 2);
      assert.match(texts[0], /sagemaker\.presignedUrl\.expiresInSeconds.*301.*CreatePresignedMlflowTrackingServerUrl accepts a whole number of seconds from 5 to 300/);
      assert.match(texts[1], /CreatePartnerAppPresignedUrl accepts a whole number of seconds from 5 to 300/);
      assert.deepEqual(await emulator.calls(), {});
      assert.equal(prompter.opened.length, 0);
      prompter.messages.length = 0;
    });

    it('copies the ARN of an MLflow app and the ID of a tracking server', async () => {
      await vscode.commands.executeCommand('sagemaker.copyArn', await server('team-mlflow'));
      assert.equal(await vscode.env.clipboard.readText(), 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-7dfr2kqm9x4p');
      await vscode.commands.executeCommand('sagemaker.copyId', await server('mlflow-platform'));
      assert.equal(await vscode.env.clipboard.readText(), 'mlflow-platform');
      prompter.script({ pick: 'Partner AI app' }, { pick: 'fiddlerprod' });
      await vscode.commands.executeCommand('sagemaker.copyArn');
      assert.equal(await vscode.env.clipboard.readText(), 'arn:aws:sagemaker:us-east-1:123456789012:partner-app/app-FDL9S4J2M8QC');
    });
  });

  describe('Start / Stop a tracking server', () => {
    it('starts a stopped one from its node; the node follows; stops it from the palette', async () => {
      await vscode.commands.executeCommand('sagemaker.refresh');
      const node = await server('fraud-experiments');
      await vscode.commands.executeCommand('sagemaker.start', node);
      let shown = await item(api(), node);
      assert.equal(shown.contextValue, 'sagemaker.mlflowTrackingServer.running');
      assert.match(String(shown.description), /^Started · MLflow 2\.13\.2( · Small)? · since /);
      prompter.script({ pick: 'MLflow tracking server' }, { pick: 'fraud-experiments' });
      await vscode.commands.executeCommand('sagemaker.stop');
      shown = await item(api(), await server('fraud-experiments'));
      assert.equal(shown.contextValue, 'sagemaker.mlflowTrackingServer.stopped');
      assert.equal(await callCount('StopMlflowTrackingServer'), 1);
    });

    it('offers to start a stopped one on open, and opens it when it runs', async () => {
      prompter.script({ button: 'Start and Open' });
      await vscode.commands.executeCommand('sagemaker.openMlflowTrackingServer', await server('fraud-experiments'));
      assert.match(prompter.messages.find((m) => m.modal)?.text ?? '', /MLflow tracking server fraud-experiments is Stopped\. Start it/);
      assert.match(await page(lastOpened()), /fraud-experiments/);
    });
  });
});
