import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { callCount, emulator, nodeAt, resetSettings, setSetting, usePrompter, waitFor } from './helpers';

/**
 * An opened folder is not trusted to choose where a fresh Studio session lands, how long URLs and
 * sessions last, or whether a copied URL stays in the clipboard: its `.vscode/settings.json` must
 * not reach the request. Proven by what the local endpoint was asked for (its /__emulator/presigned).
 */
describe('settings only the user can set (a workspace cannot)', function () {
  this.timeout(60_000);
  const { api, prompter } = usePrompter();

  const folder = (): string => {
    const f = vscode.workspace.workspaceFolders?.[0];
    assert.ok(f, 'the host tier opens a folder');
    return f.uri.fsPath;
  };
  const settingsFile = (): string => path.join(folder(), '.vscode', 'settings.json');
  // A setting a workspace may set, to know when VS Code has read the file.
  const SENTINEL = 7;
  const sentinel = (): unknown => vscode.workspace.getConfiguration('editor').get('tabSize');

  async function writeWorkspaceSettings(values: Record<string, unknown>): Promise<void> {
    fs.mkdirSync(path.dirname(settingsFile()), { recursive: true });
    fs.writeFileSync(settingsFile(), JSON.stringify({ 'editor.tabSize': SENTINEL, ...values }, null, 2));
    await waitFor(() => sentinel() === SENTINEL, "VS Code has read the folder's .vscode/settings.json");
  }

  async function removeWorkspaceSettings(): Promise<void> {
    if (fs.existsSync(settingsFile())) {
      fs.rmSync(settingsFile());
      await waitFor(() => sentinel() !== SENTINEL, "VS Code has noticed the folder's settings are gone");
    }
  }

  const fromWorkspace = {
    'sagemaker.presignedUrl.landingUri': 'app:JupyterLab:/lab/tree/from-the-workspace',
    'sagemaker.presignedUrl.expiresInSeconds': 17,
    'sagemaker.presignedUrl.sessionExpirationDurationInSeconds': 1801,
    'sagemaker.clearClipboardOnExpiry': false,
  };

  before(resetSettings);
  afterEach(async () => {
    await removeWorkspaceSettings();
    await resetSettings();
  });

  /** With the folder's settings written, copies alice's Studio URL: what the presigning call was given. */
  async function grantWithFolderSettings(): Promise<{ expires?: number; session?: number; landing?: string }> {
    await writeWorkspaceSettings(fromWorkspace);
    prompter.clear();
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl', await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice'));
    prompter.assertDone();
    const grants = await emulator.grants();
    const g = grants[grants.length - 1];
    return { expires: g.expiresInSeconds, session: g.sessionExpirationDurationInSeconds, landing: g.landingUri };
  }

  it("the folder's landing page and lifetimes do not reach CreatePresignedDomainUrl; the user's do", async () => {
    await setSetting('presignedUrl.expiresInSeconds', 60);
    await setSetting('presignedUrl.sessionExpirationDurationInSeconds', 7200);
    await setSetting('presignedUrl.landingUri', 'app:CodeEditor:');
    assert.deepEqual(await grantWithFolderSettings(), { expires: 60, session: 7200, landing: 'app:CodeEditor:' });
  });

  it("with no user values, the folder's values do not replace the defaults", async () => {
    assert.deepEqual(await grantWithFolderSettings(), { expires: 300, session: 43200, landing: 'studio::' });
  });

  it('the folder cannot keep a copied URL in the clipboard past its expiry', async () => {
    await setSetting('presignedUrl.expiresInSeconds', 5);
    await writeWorkspaceSettings(fromWorkspace);
    prompter.clear();
    const expired = new Promise<{ cleared: boolean }>((resolve) => {
      const sub = api().services.clipboard.onDidExpire((e) => {
        sub.dispose();
        resolve(e);
      });
    });
    await vscode.commands.executeCommand('sagemaker.copyStudioUrl', await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice'));
    const copied = await vscode.env.clipboard.readText();
    assert.ok(copied.startsWith('http'), 'a URL was copied');
    assert.equal((await expired).cleared, true);
    assert.equal(await vscode.env.clipboard.readText(), '');
    prompter.assertDone();
  });
});

describe('sagemaker.presignedUrl.landingUri accepts only a relative path', () => {
  const { api, prompter } = usePrompter();
  before(resetSettings);
  afterEach(resetSettings);

  for (const bad of ['studio:://evil.com', 'app:JupyterLab:https://evil.com/x', 'app:JupyterLab:javascript:alert(1)', 'app:JupyterLab:lab/tree/x"&calc&"']) {
    it(`refuses ${bad}, naming the setting and what is allowed, and makes no call`, async () => {
      const alice = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
      await setSetting('presignedUrl.landingUri', bad);
      const before = await callCount('CreatePresignedDomainUrl');
      prompter.clear();
      await vscode.commands.executeCommand('sagemaker.openStudio', alice);
      assert.equal(prompter.errors.length, 1, 'exactly one error message');
      assert.match(prompter.errors[0].text, /"sagemaker\.presignedUrl\.landingUri"/);
      assert.match(prompter.errors[0].text, /Allowed: studio::, app:JupyterLab:.*relative path \(no scheme, no "\/\/", no "\.\.", no "\?" or "#"/);
      assert.deepEqual(prompter.opened, [], 'something was opened');
      assert.equal(await callCount('CreatePresignedDomainUrl'), before);
      prompter.clear();
    });
  }
});

describe('"Open with Options…" accepts only a relative landing path', () => {
  const { api, prompter } = usePrompter();
  before(resetSettings);

  const cases: [page: string, path: string][] = [
    ['Studio home', '//evil.com'],
    ['JupyterLab', 'https://evil.com/x'],
    ['JupyterLab', 'javascript:alert(1)'],
    ['Code Editor', '/lab/../../x'],
    ['JupyterLab', '/lab?next=https://evil.com'],
    // A double quote ends Command Prompt's quotes in Copy as AWS CLI Command: & calc & would run.
    ['JupyterLab', 'lab/tree/x"&calc&"'],
  ];
  for (const [page, input] of cases) {
    it(`refuses ${page} + "${input}" and makes no call`, async () => {
      const alice = await nodeAt(api(), 'Studio Domains', 'ml-platform', 'alice');
      const before = await callCount('CreatePresignedDomainUrl');
      prompter.clear();
      prompter.script({ pick: page }, { input });
      await vscode.commands.executeCommand('sagemaker.openWithOptions', alice);
      // The scripted user typed the path; the input box's validation refused it.
      assert.equal(prompter.problems.length, 1, `problems: ${JSON.stringify(prompter.problems)}`);
      assert.match(prompter.problems[0], /rejected ".*": .*relative path/);
      assert.equal(await callCount('CreatePresignedDomainUrl'), before);
      prompter.clear();
    });
  }
});
