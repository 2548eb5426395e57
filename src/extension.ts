import * as vscode from 'vscode';
import { ClipboardExpiry } from './clipboardExpiry';
import { registerCommands } from './commands/index';
import type { ExtensionServices } from './context';
import { ErrorReporter } from './errors';
import { Log } from './log';
import { vscodePrompter, type Prompter } from './prompter';
import { Session } from './session';
import { CONNECTION_SETTINGS, SETTING } from './settings';
import { nameFilters } from './tree/groups';
import type { Node } from './tree/nodes';
import { StatePoller } from './tree/poller';
import { ResourceTreeProvider } from './tree/provider';

/** What `activate` returns: the running extension's parts, for the extension-host tests. */
export interface SageMakerExtensionApi {
  /** The Resources tree's data provider. */
  readonly resources: vscode.TreeDataProvider<Node>;
  readonly services: ExtensionServices;
  /** Milliseconds `activate()` took. */
  readonly activationMs: number;
  /** Replaces how commands ask the user (tests answer from a script); returns the previous one. */
  setPrompter(p: Prompter): Prompter;
}

/**
 * Entry point. Activation stays cheap: nothing here loads the AWS SDK (the AWS layer loads it
 * on its first call, when a list is expanded or a command runs).
 */
export function activate(context: vscode.ExtensionContext): SageMakerExtensionApi {
  const started = performance.now();
  const log = new Log();
  let prompter: Prompter = vscodePrompter;
  const session = new Session(log, () => prompter);
  const tree = new ResourceTreeProvider(session, log);
  const treeView = vscode.window.createTreeView<Node>('sagemaker.resources', { treeDataProvider: tree, showCollapseAll: true });
  const poller = new StatePoller(tree, treeView, session, log);
  const clipboard = new ClipboardExpiry(log);
  const errors = new ErrorReporter(log, () => prompter);
  const services: ExtensionServices = { log, session, tree, treeView, poller, clipboard, errors, prompter: () => prompter };

  const syncViewState = (): void => {
    void vscode.commands.executeCommand('setContext', 'sagemaker.viewState', tree.viewState);
    void vscode.commands.executeCommand('setContext', 'sagemaker.filtered', !!tree.filter);
    // No treeView.message: VS Code hides the welcome content (and its buttons) while one is set.
    treeView.description = tree.filter ? `filter: ${tree.filter} (${filterScopeWords(tree.filterLists)})` : undefined;
  };

  context.subscriptions.push(
    log,
    session,
    tree,
    treeView,
    poller,
    clipboard,
    tree.onDidChangeState((change) => {
      syncViewState();
      if (change.error !== undefined) {
        errors.report('SageMaker view', change.error);
      }
    }),
    tree.onDidChangeTreeData(syncViewState),
    ...registerCommands(services),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if ([...CONNECTION_SETTINGS, SETTING.pageSize].some((k) => e.affectsConfiguration(`sagemaker.${k}`))) {
        log.info('Connection settings changed: reloading the tree');
        session.reset();
        tree.refresh();
      } else if (e.affectsConfiguration(`sagemaker.${SETTING.clearClipboardOnExpiry}`) || e.affectsConfiguration('sagemaker.presignedUrl')) {
        log.info('URL settings changed; they apply to the next URL');
      }
    }),
  );
  syncViewState();

  const activationMs = performance.now() - started;
  const { version } = context.extension.packageJSON as { version: string };
  log.info(`SageMaker Environments ${version} activated in ${activationMs.toFixed(1)} ms`);
  return {
    resources: tree,
    services,
    activationMs,
    setPrompter(p: Prompter): Prompter {
      const previous = prompter;
      prompter = p;
      return previous;
    },
  };
}

/** The lists a filter applies to, in the view's title: "user profiles, notebook instances". */
function filterScopeWords(keys: ReadonlySet<string>): string {
  return nameFilters()
    .filter((f) => keys.has(f.key))
    .map((f) => f.label.toLowerCase())
    .join(', ');
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
