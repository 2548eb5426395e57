import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * VS Code's own share of "open the view → extension active": an extension with nothing but one
 * view in its own activity-bar container and an activate() that registers its tree, measured
 * the way the bench measures ours. Written to a temporary folder and loaded as the development
 * extension of its own windows, so no other window sees it.
 */
export const MINIMAL_EXTENSION_ID = 'bench.minimal-view';
export const MINIMAL_VIEW_CONTAINER = 'minimalBench';

const manifest = {
  name: 'minimal-view',
  publisher: 'bench',
  version: '0.0.1',
  engines: { vscode: '^1.100.0' },
  main: './extension.js',
  activationEvents: ['onView:minimalBench.items'],
  contributes: {
    viewsContainers: { activitybar: [{ id: MINIMAL_VIEW_CONTAINER, title: 'Minimal', icon: 'icon.svg' }] },
    views: { [MINIMAL_VIEW_CONTAINER]: [{ id: 'minimalBench.items', name: 'Items' }] },
  },
};

const main = `const vscode = require('vscode');
exports.activate = (context) => {
  context.subscriptions.push(vscode.window.createTreeView('minimalBench.items', {
    treeDataProvider: { getChildren: () => ['one row'], getTreeItem: (e) => new vscode.TreeItem(e) },
  }));
};
`;

const icon = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><circle cx="12" cy="12" r="8" fill="currentColor"/></svg>\n';

/** Writes the extension; `dispose` removes it. */
export function writeMinimalExtension(): { dir: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-bench-minimal-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'extension.js'), main);
  fs.writeFileSync(path.join(dir, 'icon.svg'), icon);
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
