/**
 * Running environments in the tree (issue 24): each running space, notebook instance and billed
 * MLflow tracking server says its instance type (or size) and how long it has run; the hover adds
 * the start, the idle shutdown that applies and the price and cost so far from the Price List API.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { callCount, emulator, extensionApi, hovered, item, nodeAt, resetSettings, setSetting, tooltipText } from './helpers';
import type { SageMakerExtensionApi } from '../../src/extension';

describe('running environments in the tree', () => {
  let api: SageMakerExtensionApi;
  before(async () => {
    api = await extensionApi();
    await resetSettings();
    await emulator.reset();
    await vscode.commands.executeCommand('sagemaker.refresh');
  });
  afterEach(() => emulator.clearFaults());
  after(() => emulator.reset());

  it('a running GPU space shows its instance type and how long it has run; its hover the start, idle shutdown, price and cost so far', async () => {
    const node = await nodeAt(api, 'Studio Domains', 'ml-platform', 'alice', 'Team Analytics');
    const shown = await item(api, node);
    assert.match(String(shown.description), /Running · ml\.g5\.xlarge · \d+ d( \d+ h)?$/);
    const text = tooltipText(await hovered(api, node));
    assert.match(text, /Instance type: ml\.g5\.xlarge/);
    assert.match(text, /Started: /);
    assert.match(text, /Running for: \d+ d/);
    assert.match(text, /On-demand price: \$1\.41\/h/);
    assert.match(text, /Cost so far: \$\d+\.\d\d/);
    assert.match(text, /Idle shutdown: after 3 h idle \(the domain's default\)/);
  });

  it("a space's own idle shutdown is named; a space with none is warned about", async () => {
    const own = tooltipText(await hovered(api, await nodeAt(api, 'Studio Domains', 'ml-platform', 'alice', 'Alice JupyterLab')));
    assert.match(own, /Idle shutdown: after 1 h idle \(the space's own setting\)/);
    const none = await hovered(api, await nodeAt(api, 'Studio Domains', 'research-lab', 'erin', 'Paper Reproduction'));
    const md = none.tooltip as vscode.MarkdownString;
    assert.match(md.value.replace(/&nbsp;/g, ' '), /\$\(warning\) Idle shutdown: no idle shutdown/);
    assert.equal(md.supportThemeIcons, true);
  });

  it('a running notebook instance says "since" (its last change is only a bound); a stopped one says nothing of a run', async () => {
    const running = await nodeAt(api, 'Notebook Instances', 'fraud-detection-dev');
    assert.match(String((await item(api, running)).description), /^InService · ml\.t3\.medium · since /);
    const text = tooltipText(await hovered(api, running));
    assert.match(text, /Running since at least: /);
    assert.match(text, /On-demand price: \$0\.0500\/h/);
    assert.match(text, /Cost so far: at least \$/);
    const stopped = await nodeAt(api, 'Notebook Instances', 'churn-model-training');
    assert.equal((await item(api, stopped)).description, 'Stopped · ml.m5.xlarge');
  });

  it('a billed tracking server (Started, Created) says since when; its size once described', async () => {
    const node = await nodeAt(api, 'MLflow', 'mlflow-platform');
    assert.match(String((await item(api, node)).description), /^Started · MLflow 2\.16\.2 · since /);
    await hovered(api, node);
    assert.match(String((await item(api, node)).description), /^Started · MLflow 2\.16\.2 · Medium · since /);
    const stopped = await nodeAt(api, 'MLflow', 'fraud-experiments');
    assert.doesNotMatch(String((await item(api, stopped)).description), /since/);
  });

  it('without the Price List permission: no price, no error row, one log line per type and region', async () => {
    await emulator.setFault({ operation: 'GetProducts', kind: 'accessDenied' });
    // Another region: a new connection, so nothing is kept from the hovers above.
    await setSetting('regions', ['eu-west-1']);
    const log = api.services.log;
    const lines: string[] = [];
    const info = log.info.bind(log);
    log.info = (m: string) => {
      lines.push(m);
      info(m);
    };
    const before = await callCount('GetProducts');
    try {
      const node = await nodeAt(api, 'Studio Domains', 'eu-analytics', 'henri', 'EU Shared Editor');
      const text = tooltipText(await hovered(api, node));
      assert.match(text, /Running for: /);
      assert.doesNotMatch(text, /On-demand price/);
      await hovered(api, node);
      const said = lines.filter((l) => l.startsWith('Price List: no price for ml.t3.medium in eu-west-1'));
      assert.equal(said.length, 1, lines.join('\n'));
      assert.match(said[0], /pricing:GetProducts/);
      assert.equal((await callCount('GetProducts')) - before, 1, 'asked once, then kept');
    } finally {
      log.info = info;
      await resetSettings();
    }
  });
});
