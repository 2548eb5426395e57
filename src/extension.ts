import * as vscode from 'vscode';

/**
 * Entry point. Activation stays cheap: nothing here loads the AWS SDK.
 * The tree shows nothing yet, so VS Code renders the view's welcome content.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('SageMaker', { log: true });
  context.subscriptions.push(
    log,
    vscode.window.registerTreeDataProvider('sagemaker.resources', {
      getTreeItem: (item: vscode.TreeItem) => item,
      getChildren: () => [],
    }),
    vscode.commands.registerCommand('sagemaker.showLog', () => log.show()),
  );
  const { version } = context.extension.packageJSON as { version: string };
  log.info(`SageMaker Environments ${version} activated`);
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
