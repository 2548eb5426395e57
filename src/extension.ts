import * as vscode from 'vscode';

/** What `activate()` returns: the handles the extension-host tests drive. */
export interface SageMakerExtensionApi {
  readonly resources: vscode.TreeDataProvider<vscode.TreeItem>;
}

/**
 * Entry point. Activation stays cheap: nothing here loads the AWS SDK.
 * The tree shows nothing yet, so VS Code renders the view's welcome content.
 */
export function activate(context: vscode.ExtensionContext): SageMakerExtensionApi {
  const log = vscode.window.createOutputChannel('SageMaker', { log: true });
  const resources: vscode.TreeDataProvider<vscode.TreeItem> = {
    getTreeItem: (item) => item,
    getChildren: () => [],
  };
  context.subscriptions.push(
    log,
    vscode.window.registerTreeDataProvider('sagemaker.resources', resources),
    vscode.commands.registerCommand('sagemaker.showLog', () => log.show()),
  );
  const { version } = context.extension.packageJSON as { version: string };
  log.info(`SageMaker Environments ${version} activated`);
  return { resources };
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
