import * as assert from 'node:assert/strict';
import fsModule from 'node:fs';
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
  /** Every module the extension's files require() while it activates. */
  const requiredDuringActivation: string[] = [];
  /** The extension's files (under dist/) that ran or were read: while activating, and since. */
  let distFilesAtActivation: string[] = [];
  /** What the extension said about loading the SDK, right after activation (undefined: not loaded). */
  let sdkLoadAtActivation: unknown;
  const distFilesUsed = new Set<string>();
  let removeProbes = (): void => undefined;

  before(async () => {
    const found = vscode.extensions.getExtension<SageMakerExtensionApi>(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not loaded in this VS Code`);
    extension = found;
    assert.equal(extension.isActive, false, 'the extension was active before its view was opened: are its activation events too broad?');

    // dist/extension.js is what VS Code loads; the AWS SDK is dist/sdk.js, which the AWS layer reads
    // (fs.readFileSync) and compiles on its first call, with require() relative to dist/sdk.js.
    // Its HTTP layer require()s node:http2 as it loads: watching the require() calls of the files
    // in dist/ and their reads shows which of them ran, and whether any SDK code ran.
    const bundleDir = path.join(extension.extensionPath, 'dist') + path.sep;
    let activating = true;
    const proto = Module.prototype;
    const originalRequire = Object.getOwnPropertyDescriptor(proto, 'require');
    assert.ok(originalRequire, 'Module.prototype.require not found');
    const callOriginal = originalRequire.value as (this: Module, id: string) => unknown;
    Object.defineProperty(proto, 'require', {
      ...originalRequire,
      value: function (this: Module, id: string): unknown {
        if (this.filename?.startsWith(bundleDir)) {
          distFilesUsed.add(path.basename(this.filename));
          if (activating) {
            requiredDuringActivation.push(id);
          }
        }
        return callOriginal.call(this, id);
      },
    });
    // The node:fs object itself (not an import's copy), as the bundle sees it.
    const nodeFs = fsModule as unknown as { readFileSync: (...args: unknown[]) => unknown };
    const originalRead = nodeFs.readFileSync;
    nodeFs.readFileSync = function (this: unknown, ...args: unknown[]): unknown {
      if (typeof args[0] === 'string' && args[0].startsWith(bundleDir)) {
        distFilesUsed.add(path.basename(args[0]));
      }
      return originalRead.apply(this, args);
    };
    removeProbes = () => {
      Object.defineProperty(proto, 'require', originalRequire);
      nodeFs.readFileSync = originalRead;
    };
    try {
      await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
      await waitFor(() => extension.isActive, 'the extension is active after opening the SageMaker view');
      distFilesAtActivation = [...distFilesUsed].sort();
      sdkLoadAtActivation = extension.exports.sdkLoad();
      activating = false;
    } catch (e) {
      removeProbes();
      throw e;
    }
  });

  after(() => removeProbes());

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
    // The roots come once the regions are read (the view shows "Loading…" until then).
    let children = (await provider.getChildren(undefined)) ?? [];
    for (let tries = 0; children.length === 0 && ['loading', 'ready'].includes(extension.exports.services.tree.viewState) && tries < 2000; tries++) {
      await new Promise((r) => setTimeout(r, 10));
      children = (await provider.getChildren(undefined)) ?? [];
    }
    assert.ok(Array.isArray(children), 'getChildren() of the root did not answer with an array');
    // The harness's settings name the local endpoint's regions: an empty root would check nothing.
    assert.ok(children.length > 0, 'the root of the Resources tree is empty');
    for (const child of children) {
      const item = await provider.getTreeItem(child);
      assert.ok(item.label, 'a root node has no label');
    }
  });

  it('activation runs dist/extension.js only: the SDK file (dist/sdk.js) is neither read nor run', () => {
    assert.deepEqual(distFilesAtActivation, ['extension.js']);
    assert.equal(sdkLoadAtActivation, undefined, 'the extension says it loaded the SDK while activating');
  });

  it('the first list loads dist/sdk.js (what the check above looks for does happen)', async () => {
    const provider = extension.exports.resources;
    // Down to the lists (one region: its two groups are the roots; several: a node per region).
    const seen: string[] = [];
    let level = (await provider.getChildren(undefined)) ?? [];
    for (let tries = 0; level.length === 0 && ['loading', 'ready'].includes(extension.exports.services.tree.viewState) && tries < 2000; tries++) {
      await new Promise((r) => setTimeout(r, 10));
      level = (await provider.getChildren(undefined)) ?? [];
    }
    for (let depth = 0; depth < 3 && level.length; depth++) {
      const next: typeof level = [];
      for (const n of level) {
        const item = await provider.getTreeItem(n);
        seen.push(`${item.contextValue ?? ''} ${typeof item.label === 'string' ? item.label : (item.label?.label ?? '')}`);
        if (/^sagemaker\.(region|group\.)/.test(item.contextValue ?? '')) {
          next.push(...((await provider.getChildren(n)) ?? []));
        }
      }
      level = next;
    }
    await waitFor(() => extension.exports.sdkLoad() !== undefined, `the extension loaded the SDK (the lists show: ${seen.join('; ')})`);
    const loaded = extension.exports.sdkLoad();
    assert.equal(path.relative(extension.extensionPath, loaded?.file ?? ''), path.join('dist', 'sdk.js'));
    assert.ok(distFilesUsed.has('sdk.js'), `the probes did not see dist/sdk.js load; they saw ${[...distFilesUsed].join(', ')}`);
  });

  it('did not load the AWS SDK while activating (it costs about 200 ms; it loads on first use)', () => {
    const sdkRequires = requiredDuringActivation.filter((id) => /^(node:)?http2$|^@aws-sdk\/|^@smithy\//.test(id));
    assert.deepEqual(sdkRequires, [], `the bundle required these during activation: ${requiredDuringActivation.join(', ')}`);
    const sdkInCache = Object.keys(require.cache).filter((k) => k.includes(`${path.sep}@aws-sdk${path.sep}client-sagemaker${path.sep}`));
    assert.deepEqual(sdkInCache, []);
  });
});
