import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exportedApi } from '../../src/extension';
import { extensionApi } from './helpers';

/**
 * What activate() returns is readable by every other extension: with it, one could swap the
 * prompter and read presigned URLs before they are opened. Only this extension's own tests
 * (ExtensionMode.Test: the host tier and the benchmark run with extensionTestsPath) get it.
 */
describe('the extension API is for tests only', () => {
  it('is there in test mode (this run)', async () => {
    const api = await extensionApi();
    assert.equal(typeof api?.setPrompter, 'function');
  });

  it('is not returned in production or development mode', async () => {
    const api = await extensionApi();
    assert.equal(exportedApi(vscode.ExtensionMode.Production, api), undefined);
    assert.equal(exportedApi(vscode.ExtensionMode.Development, api), undefined);
    assert.equal(exportedApi(vscode.ExtensionMode.Test, api), api);
  });
});
