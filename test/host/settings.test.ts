import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkedUrl } from '../../src/commands/urls';
import { callCount, children, emulator, labels, nodeAt, resetSettings, setSetting, usePrompter, workspaceEndpoint, workspaceEndpointUrl } from './helpers';

describe('settings validation: a bad value gets a message naming it and its range, and no call is made', () => {
  const { api, prompter } = usePrompter();

  before(resetSettings);
  afterEach(resetSettings);

  const cases: { key: string; value: unknown; message: RegExp }[] = [
    { key: 'presignedUrl.expiresInSeconds', value: 301, message: /"sagemaker\.presignedUrl\.expiresInSeconds" is 301; it must be a whole number of seconds from 5 to 300/ },
    { key: 'presignedUrl.expiresInSeconds', value: 4, message: /from 5 to 300/ },
    { key: 'presignedUrl.sessionExpirationDurationInSeconds', value: 600, message: /"sagemaker\.presignedUrl\.sessionExpirationDurationInSeconds" is 600; it must be a whole number of seconds from 1800 to 43200/ },
    { key: 'presignedUrl.sessionExpirationDurationInSeconds', value: 1800.5, message: /from 1800 to 43200/ },
    { key: 'presignedUrl.landingUri', value: 'app:Excel:', message: /"sagemaker\.presignedUrl\.landingUri".*Allowed: studio::, app:JupyterLab:/ },
  ];

  for (const c of cases) {
    it(`sagemaker.${c.key} = ${JSON.stringify(c.value)}`, async () => {
      const alice = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
      await setSetting(c.key, c.value);
      const before = await callCount('CreatePresignedDomainUrl');
      prompter.clear();
      await vscode.commands.executeCommand('sagemaker.copyStudioUrl', alice);
      assert.equal(prompter.errors.length, 1, 'exactly one error message');
      assert.match(prompter.errors[0].text, c.message);
      assert.ok(prompter.errors[0].buttons.includes('Open Settings'));
      assert.equal(await callCount('CreatePresignedDomainUrl'), before, 'a call was made with a bad setting');
    });
  }

  it('a URL lifetime out of range is one log line, with no stack (an expected failure, not a bug)', async () => {
    const space = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice', 'Alice JupyterLab');
    await setSetting('presignedUrl.expiresInSeconds', 301);
    const channel = api().services.log.channel;
    const logged: string[] = [];
    const error = channel.error.bind(channel);
    channel.error = (message: string | Error, ...args: unknown[]) => {
      logged.push(String(message));
      error(message, ...args);
    };
    try {
      prompter.clear();
      await vscode.commands.executeCommand('sagemaker.copySpaceUrl', space);
    } finally {
      channel.error = error;
    }
    assert.equal(prompter.errors.length, 1);
    prompter.clear();
    assert.deepEqual(logged, [
      'sagemaker.copySpaceUrl: SettingsError: The setting "sagemaker.presignedUrl.expiresInSeconds" is 301; it must be a whole number of seconds from 5 to 300.',
    ]);
  });

  it('a bad region in sagemaker.regions shows in the view, names the setting, and lists nothing', async () => {
    await emulator.resetCalls();
    prompter.clear();
    await setSetting('regions', ['us-east-1', 'mars-north-1']);
    assert.deepEqual(await children(api()), []);
    assert.equal(api().services.tree.viewState, 'invalidSettings');
    assert.match(api().services.tree.viewMessage ?? '', /"sagemaker\.regions" has "mars-north-1"/);
    // Said once, with the way to fix it.
    assert.equal(prompter.errors.length, 1);
    assert.match(prompter.errors[0].text, /"sagemaker\.regions" has "mars-north-1"/);
    assert.ok(prompter.errors[0].buttons.includes('Open Settings'));
    // Nothing listed (a row of the earlier tree still passing may be read once more meanwhile).
    assert.deepEqual(Object.keys(await emulator.calls()).filter((op) => op.startsWith('List')), []);
  });

  it('a malformed sagemaker.endpointUrl is refused before any call, also by commands', async () => {
    await setSetting('endpointUrl', 'ftp://127.0.0.1:1');
    assert.deepEqual(await children(api()), []);
    assert.equal(api().services.tree.viewState, 'invalidSettings');
    assert.match(api().services.tree.viewMessage ?? '', /"sagemaker\.endpointUrl"/);
    prompter.clear();
    prompter.script({ cancel: true });
    await vscode.commands.executeCommand('sagemaker.openStudio');
    assert.equal(prompter.errors.length, 1);
    assert.match(prompter.errors[0].text, /"sagemaker\.endpointUrl"/);
    prompter.clear();
  });

  it('ignores sagemaker.profile, sagemaker.regions and sagemaker.endpointUrl set by the workspace: the calls go where the user settings say', async () => {
    // The harness opened a folder whose .vscode/settings.json names another endpoint (which
    // records calls), a profile no AWS file has, and other regions (test/harness/fixtures.ts).
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const file = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    const own = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, unknown>;
    assert.equal(own['sagemaker.endpointUrl'], workspaceEndpointUrl(), "the workspace's settings do not name the other endpoint");
    assert.ok(own['sagemaker.profile'] && Array.isArray(own['sagemaker.regions']), "the workspace's settings do not name a profile and regions");
    assert.notDeepEqual(own['sagemaker.regions'], ['us-east-1']);

    await emulator.resetCalls();
    const before = await workspaceEndpoint.calls();
    prompter.clear();
    await vscode.commands.executeCommand('sagemaker.refresh');
    // The user settings' one region: no region nodes, the lists straight away; listing works, so
    // the profile the workspace names (which no AWS file has) was not used either.
    assert.deepEqual(await labels(api(), await children(api())), ['Studio Domains', 'Notebook Instances', 'MLflow', 'Partner AI Apps']);
    const domains = await labels(api(), await children(api(), await nodeAt(api(), 'Studio Domains')));
    assert.ok(domains.includes('ml-platform'), `domains listed: ${JSON.stringify(domains)}`);
    assert.deepEqual(prompter.errors, []);
    assert.ok(((await emulator.calls()).ListDomains ?? 0) >= 1, 'the endpoint of the user settings got no ListDomains call');
    assert.deepEqual(await workspaceEndpoint.calls(), before, "the workspace's endpoint was called");
  });

  it('declares the ranges of the URL lifetimes', () => {
    const pkg = vscode.extensions.getExtension('sagemaker-environments.sagemaker-environments')?.packageJSON as {
      contributes: { configuration: { properties: Record<string, { minimum?: number; maximum?: number }> } };
    };
    const props = pkg.contributes.configuration.properties;
    assert.equal(props['sagemaker.presignedUrl.expiresInSeconds'].minimum, 5);
    assert.equal(props['sagemaker.presignedUrl.expiresInSeconds'].maximum, 300);
    assert.equal(props['sagemaker.presignedUrl.sessionExpirationDurationInSeconds'].minimum, 1800);
    assert.equal(props['sagemaker.presignedUrl.sessionExpirationDurationInSeconds'].maximum, 43200);
  });

  it('hides from the palette only the commands that cannot ask for their argument', () => {
    const pkg = vscode.extensions.getExtension('sagemaker-environments.sagemaker-environments')?.packageJSON as {
      contributes: { commands: { command: string; category: string }[]; menus: { commandPalette: { command: string; when: string }[] } };
    };
    const hidden = pkg.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command).sort();
    assert.deepEqual(hidden, ['sagemaker.loadMore', 'sagemaker.refreshNode', 'sagemaker.retry']);
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'SageMaker', c.command);
      assert.match(c.command, /^sagemaker\./);
    }
  });

  it('uses the configured lifetimes and landing page in the request', async () => {
    await setSetting('presignedUrl.expiresInSeconds', 60);
    await setSetting('presignedUrl.sessionExpirationDurationInSeconds', 7200);
    await setSetting('presignedUrl.landingUri', 'app:JupyterLab:/lab/tree/data');
    prompter.clear();
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl', await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice'));
    prompter.assertDone();
    const grants = await emulator.grants();
    const g = grants[grants.length - 1];
    assert.equal(g.expiresInSeconds, 60);
    assert.equal(g.sessionExpirationDurationInSeconds, 7200);
    assert.equal(g.landingUri, 'app:JupyterLab:/lab/tree/data');
  });
});

describe('opening URLs: https only, plain http only from a local endpoint', () => {
  // The same function the open commands call before vscode.env.openExternal.
  const refused = (url: string, endpoint: string | undefined): boolean => {
    try {
      checkedUrl(url, endpoint);
      return false;
    } catch {
      return true;
    }
  };

  it('opens https URLs', () => {
    assert.equal(refused('https://d-abc.studio.us-east-1.sagemaker.aws/auth?token=x', undefined), false);
  });

  it('opens http URLs on this computer only when the endpoint is local too', () => {
    assert.equal(refused('http://127.0.0.1:8080/auth?token=x', 'http://127.0.0.1:8080'), false);
    assert.equal(refused('http://127.0.0.1:8080/auth?token=x', undefined), true);
    assert.equal(refused('http://127.0.0.1:8080/auth?token=x', 'https://vpce-1.api.sagemaker.us-east-1.vpce.amazonaws.com'), true);
  });

  it('refuses http URLs elsewhere and other schemes', () => {
    assert.equal(refused('http://example.com/auth?token=x', 'http://127.0.0.1:8080'), true);
    assert.equal(refused('javascript:alert(1)', 'http://127.0.0.1:8080'), true);
    assert.equal(refused('file:///etc/passwd', undefined), true);
  });
});
