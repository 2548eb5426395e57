import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { nodeAt, resetSettings, runningModule, setSetting, usePrompter } from './helpers';

/**
 * A copied URL does not outlive the window: deactivation (a reload, closing the window) clears it
 * from the clipboard if it is still there. And copying anything else ends its countdown.
 */
describe('clipboard: deactivation and other copies', function () {
  this.timeout(30_000);
  const { api, prompter } = usePrompter();

  before(resetSettings);
  afterEach(() => prompter.assertDone());

  async function copySpaceUrl(...under: string[]): Promise<string> {
    await vscode.commands.executeCommand('sagemaker.copySpaceUrl', await nodeAt(api(), ...under, 'Studio Domains', 'ml-platform', 'alice', 'Alice JupyterLab'));
    const url = await vscode.env.clipboard.readText();
    assert.ok(url.startsWith('http'), 'a URL was copied');
    assert.match(api().services.clipboard.text ?? '', /expires in/, 'the countdown shows');
    return url;
  }

  async function copyStudioUrl(): Promise<string> {
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl', await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice'));
    const url = await vscode.env.clipboard.readText();
    assert.ok(url.startsWith('http'), 'a URL was copied');
    assert.ok(api().services.clipboard.text, 'the countdown shows');
    return url;
  }

  it('deactivate() clears a copied URL that is still in the clipboard', async () => {
    await copyStudioUrl();
    await runningModule().deactivate();
    assert.equal(await vscode.env.clipboard.readText(), '');
    assert.equal(api().services.clipboard.text, undefined, 'the countdown is gone');
  });

  it('deactivate() leaves the clipboard alone when it holds something else', async () => {
    await copyStudioUrl();
    await vscode.env.clipboard.writeText('something the user copied');
    await runningModule().deactivate();
    assert.equal(await vscode.env.clipboard.readText(), 'something the user copied');
  });

  for (const [command, node] of [
    ['sagemaker.copyId', ['Studio Domains', 'ml-platform']],
    ['sagemaker.copyArn', ['Studio Domains', 'ml-platform']],
    ['sagemaker.copyCliCommand', ['Studio Domains', 'ml-platform', 'alice']],
  ] as const) {
    it(`${command} replaces the clipboard, so the URL's countdown ends`, async () => {
      const url = await copyStudioUrl();
      await vscode.commands.executeCommand(command, await nodeAt(api(), ...node));
      const now = await vscode.env.clipboard.readText();
      assert.notEqual(now, url);
      assert.ok(now.length > 0);
      assert.equal(api().services.clipboard.text, undefined, 'the countdown still shows');
    });
  }

  it("Copy Link replaces the space URL in the clipboard, so the URL's countdown ends", async () => {
    const url = await copySpaceUrl();
    await vscode.commands.executeCommand('sagemaker.copyLink', await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice', 'Alice JupyterLab'));
    const now = await vscode.env.clipboard.readText();
    assert.notEqual(now, url);
    assert.match(now, /^vscode:\/\/sagemaker-environments\.sagemaker-environments\/open\?/);
    assert.equal(api().services.clipboard.text, undefined, 'the countdown still shows');
  });

  it("an IAM Identity Center domain's Copy replaces the space URL in the clipboard, so the URL's countdown ends", async () => {
    await setSetting('regions', ['us-east-1', 'eu-west-1']);
    try {
      const url = await copySpaceUrl('us-east-1');
      await vscode.commands.executeCommand('sagemaker.copyStudioUrl', await nodeAt(api(), 'eu-west-1', 'Studio Domains', 'identity-center-lab', 'kenji'));
      const now = await vscode.env.clipboard.readText();
      assert.notEqual(now, url);
      assert.match(now, /\/sso\/eu-west-1\//, "the domain's own URL was copied");
      assert.equal(api().services.clipboard.text, undefined, 'the countdown still shows');
      assert.match(prompter.messages.at(-1)?.text ?? '', /Copied the IAM Identity Center sign-in of identity-center-lab/);
    } finally {
      await setSetting('regions', ['us-east-1']);
    }
  });
});
