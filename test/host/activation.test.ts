import * as assert from 'node:assert/strict';
import Module from 'node:module';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SageMakerExtensionApi } from '../../src/extension';

const EXTENSION_ID = 'sagemaker-environments.sagemaker-environments';

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting until ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('activation', () => {
  let extension: vscode.Extension<SageMakerExtensionApi>;
  /** Every module the extension's bundle require()s while it activates. */
  const requiredDuringActivation: string[] = [];

  before(async () => {
    const found = vscode.extensions.getExtension<SageMakerExtensionApi>(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not loaded in this VS Code`);
    extension = found;
    assert.equal(extension.isActive, false, 'the extension was active before its view was opened: are its activation events too broad?');

    // The SDK is bundled into dist/extension.js, so require.cache cannot tell whether it ran.
    // Its HTTP layer (@smithy/node-http-handler) require()s node:http2 as it loads: watching the
    // bundle's own require() calls shows whether any SDK code ran during activation.
    const bundleDir = path.join(extension.extensionPath, 'dist') + path.sep;
    const proto = Module.prototype;
    const originalRequire = Object.getOwnPropertyDescriptor(proto, 'require');
    assert.ok(originalRequire, 'Module.prototype.require not found');
    const callOriginal = originalRequire.value as (this: Module, id: string) => unknown;
    Object.defineProperty(proto, 'require', {
      ...originalRequire,
      value: function (this: Module, id: string): unknown {
        if (this.filename?.startsWith(bundleDir)) {
          requiredDuringActivation.push(id);
        }
        return callOriginal.call(this, id);
      },
    });
    try {
      await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
      await waitFor(() => extension.isActive, 'the extension is active after opening the SageMaker view');
    } finally {
      Object.defineProperty(proto, 'require', originalRequire);
    }
  });

  it('activates when the SageMaker view is opened', () => {
    assert.equal(extension.isActive, true);
  });

  it('registers every command its manifest contributes', async () => {
    const manifest = extension.packageJSON as { contributes: { commands: { command: string }[] } };
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.ok(contributed.length > 0, 'the manifest contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'contributed but not registered');
  });

  it('runs "SageMaker: Show Log", which shows the SageMaker output channel with its activation line', async () => {
    await vscode.commands.executeCommand('sagemaker.showLog');
    const version = (extension.packageJSON as { version: string }).version;
    const activated = `SageMaker Environments ${version} activated in `;
    const logEditor = () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'output' && e.document.uri.path.includes('SageMaker'));
    await waitFor(() => logEditor() !== undefined, 'an editor shows the SageMaker output channel');
    // The channel's text reaches the editor's document a little after it is shown.
    await waitFor(() => logEditor()?.document.getText().includes(activated) ?? false, `the log shows "${activated}…"`).catch((e: Error) => {
      throw new Error(`${e.message}; it shows:\n${logEditor()?.document.getText() ?? '(no log editor)'}`);
    });
  });

  it('answers for the Resources tree with tree items', async () => {
    const provider = extension.exports.resources;
    const children = (await provider.getChildren(undefined)) ?? [];
    assert.ok(Array.isArray(children), 'getChildren() of the root did not answer with an array');
    // The harness's settings name the local endpoint's regions: an empty root would check nothing.
    assert.ok(children.length > 0, 'the root of the Resources tree is empty');
    for (const child of children) {
      const item = await provider.getTreeItem(child);
      assert.ok(item.label, 'a root node has no label');
    }
  });

  it('did not load the AWS SDK while activating (it costs about 200 ms; it loads on first use)', () => {
    const sdkRequires = requiredDuringActivation.filter((id) => /^(node:)?http2$|^@aws-sdk\/|^@smithy\//.test(id));
    assert.deepEqual(sdkRequires, [], `the bundle required these during activation: ${requiredDuringActivation.join(', ')}`);
    const sdkInCache = Object.keys(require.cache).filter((k) => k.includes(`${path.sep}@aws-sdk${path.sep}client-sagemaker${path.sep}`));
    assert.deepEqual(sdkInCache, []);
  });
});
