import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { children, emulator, nodeAt, resetSettings, setSetting, usePrompter, waitFor } from './helpers';

describe('errors: shown once, in plain words, with the next action as a button', () => {
  const { api, prompter } = usePrompter();

  before(resetSettings);
  afterEach(async () => {
    await emulator.clearFaults();
    await resetSettings();
    for (const m of prompter.messages) {
      assert.doesNotMatch(m.text, /https?:\/\/|token=|\n\s+at /i, 'a message shows a URL or a stack');
    }
  });

  it('an access-denied error is one message with a Show Log button', async () => {
    await emulator.setFault({ operation: 'CreatePresignedDomainUrl', kind: 'error', errorType: 'AccessDeniedException', status: 400, message: 'User is not authorized' });
    await vscode.commands.executeCommand('sagemaker.openStudio', await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice'));
    assert.equal(prompter.errors.length, 1);
    assert.match(prompter.errors[0].text, /Access denied: your AWS identity is not allowed to call sagemaker:CreatePresignedDomainUrl/);
    assert.deepEqual(prompter.errors[0].buttons, ['Show Log']);
    assert.equal(prompter.opened.length, 0);
  });

  it('a throttled call offers Retry, which runs the command again', async () => {
    // The SDK tries three times; the fault hits exactly those three, so the retry gets through.
    await emulator.setFault({ operation: 'CreatePresignedNotebookInstanceUrl', kind: 'throttle', times: 3 });
    prompter.script({ button: 'Retry' });
    await vscode.commands.executeCommand('sagemaker.openNotebookJupyterLab', await nodeAt(api(), 'Notebook Instances', 'fraud-detection-dev'));
    assert.equal(prompter.errors.length, 1);
    assert.match(prompter.errors[0].text, /throttling/);
    await waitFor(() => prompter.opened.length === 1, 'the retried command opened the notebook instance');
  });

  it('an expired SSO session offers to run `aws sso login` in a terminal, and the view says so', async () => {
    const configFile = process.env.AWS_CONFIG_FILE;
    assert.ok(configFile, 'AWS_CONFIG_FILE not set by the harness');
    fs.writeFileSync(
      configFile,
      '[profile sso-dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Dev\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n',
    );
    try {
      await setSetting('profile', 'sso-dev');
      const roots = await children(api());
      if (roots.length) {
        await children(api(), roots[0]);
      }
      await waitFor(() => api().services.tree.viewState === 'ssoExpired', 'the view shows the SSO welcome');
      assert.match(api().services.tree.viewMessage ?? '', /SSO session for profile "sso-dev" has expired/);
      // The view says it once, with the button.
      assert.equal(prompter.errors.length, 1);
      assert.ok(prompter.errors[0].buttons.includes('Sign in with AWS SSO'));
      prompter.clear();

      prompter.script({ button: 'Sign in with AWS SSO' });
      const opened = new Promise<vscode.Terminal>((resolve) => {
        const sub = vscode.window.onDidOpenTerminal((t) => {
          sub.dispose();
          resolve(t);
        });
      });
      await vscode.commands.executeCommand('sagemaker.openStudio');
      assert.equal(prompter.errors.length, 1);
      assert.match(prompter.errors[0].text, /Sign in again with: aws sso login --profile sso-dev/);
      const terminal = await opened;
      assert.equal(terminal.name, 'AWS sign-in');
      // Closed (not only disposed) before the next sign-in, which otherwise reuses it.
      const closed = new Promise<void>((resolve) => {
        const sub = vscode.window.onDidCloseTerminal((t) => {
          if (t === terminal) {
            sub.dispose();
            resolve();
          }
        });
      });
      terminal.dispose();
      await closed;

      // The welcome content's button runs the same sign-in for the profile in use.
      const again = new Promise<vscode.Terminal>((resolve) => {
        const sub = vscode.window.onDidOpenTerminal((t) => {
          sub.dispose();
          resolve(t);
        });
      });
      await vscode.commands.executeCommand('sagemaker.signIn');
      const second = await again;
      assert.equal(second.name, 'AWS sign-in');
      second.dispose();
    } finally {
      fs.writeFileSync(configFile, '');
    }
  });
});

describe('welcome content states', () => {
  const { api } = usePrompter();

  before(resetSettings);
  afterEach(async () => {
    await emulator.clearFaults();
    await resetSettings();
  });

  it('expired credentials (every region): the tree is replaced by the no-credentials welcome', async () => {
    await emulator.setFault({ operation: '*', kind: 'expiredToken' });
    await vscode.commands.executeCommand('sagemaker.refresh');
    const roots = await children(api());
    await Promise.all(roots.map((r) => children(api(), r)));
    await waitFor(() => api().services.tree.viewState === 'noCredentials', 'the no-credentials state');
    assert.deepEqual(await children(api()), []);
    assert.ok(!api().services.treeView.message, 'a view message would hide the welcome content');
    await emulator.clearFaults();
    await vscode.commands.executeCommand('sagemaker.refresh');
    assert.equal((await children(api())).length, 4, 'a refresh after signing in shows the tree again');
  });

  it('no resources in the region: the empty welcome', async () => {
    await setSetting('regions', ['ap-southeast-2']);
    const roots = await children(api());
    await Promise.all(roots.map((r) => children(api(), r)));
    await waitFor(() => api().services.tree.viewState === 'empty', 'the empty state');
    assert.deepEqual(await children(api()), []);
    assert.match(api().services.tree.viewMessage ?? '', /No SageMaker Studio domains, notebook instances, MLflow tracking servers or apps, or partner AI apps in ap-southeast-2/);
  });

  it('declares welcome content with buttons for each state', () => {
    const pkg = vscode.extensions.getExtension('sagemaker-environments.sagemaker-environments')?.packageJSON as {
      contributes: { viewsWelcome: { view: string; when: string; contents: string }[] };
    };
    const byState = new Map(pkg.contributes.viewsWelcome.map((w) => [w.when, w.contents]));
    assert.match(byState.get('sagemaker.viewState == noCredentials') ?? '', /command:sagemaker\.selectProfile/);
    assert.match(byState.get('sagemaker.viewState == ssoExpired') ?? '', /command:sagemaker\.signIn/);
    assert.match(byState.get('sagemaker.viewState == empty') ?? '', /command:sagemaker\.selectRegions/);
    assert.match(byState.get('sagemaker.viewState == error') ?? '', /command:sagemaker\.showLog/);
    assert.match(byState.get('sagemaker.viewState == invalidSettings') ?? '', /command:sagemaker\.openSettings/);
  });
});
