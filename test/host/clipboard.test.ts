import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { copyAndCheckCountdown, nodeAt, resetSettings, setSetting, usePrompter } from './helpers';

describe('clipboard expiry', function () {
  this.timeout(30_000);
  const { api, prompter } = usePrompter();

  before(async () => {
    await resetSettings();
    await setSetting('presignedUrl.expiresInSeconds', 5);
  });
  after(resetSettings);
  afterEach(() => prompter.assertDone());

  async function copyAndWaitForExpiry(): Promise<{ cleared: boolean; copied: string }> {
    const expired = new Promise<{ cleared: boolean }>((resolve) => {
      const sub = api().services.clipboard.onDidExpire((e) => {
        sub.dispose();
        resolve(e);
      });
    });
    const alice = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
    await copyAndCheckCountdown(api(), () => vscode.commands.executeCommand('sagemaker.copyStudioUrl', alice));
    const copied = await vscode.env.clipboard.readText();
    return { ...(await expired), copied };
  }

  it('counts down in the status bar and clears the clipboard at expiry', async () => {
    const { cleared, copied } = await copyAndWaitForExpiry();
    assert.ok(copied.startsWith('http'), 'a URL was copied');
    assert.equal(cleared, true);
    assert.equal(await vscode.env.clipboard.readText(), '');
    assert.equal(api().services.clipboard.text, undefined, 'the countdown is gone');
  });

  it('leaves the clipboard alone if it holds something else by then', async () => {
    const expired = new Promise<{ cleared: boolean }>((resolve) => {
      const sub = api().services.clipboard.onDidExpire((e) => {
        sub.dispose();
        resolve(e);
      });
    });
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl', await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice'));
    await vscode.env.clipboard.writeText('something the user copied');
    assert.equal((await expired).cleared, false);
    assert.equal(await vscode.env.clipboard.readText(), 'something the user copied');
  });

  it('keeps the URL when sagemaker.clearClipboardOnExpiry is false', async () => {
    await setSetting('clearClipboardOnExpiry', false);
    const { cleared, copied } = await copyAndWaitForExpiry();
    assert.equal(cleared, false);
    assert.equal((await vscode.env.clipboard.readText()) === copied, true);
    await setSetting('clearClipboardOnExpiry', true);
  });
});
