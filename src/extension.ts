import * as vscode from 'vscode';
import { configureSdkCodeCache, sdkLoadInfo, type SdkLoadInfo } from './aws/index';
import type { ClipboardExpiry } from './clipboardExpiry';
import { fromCommandsFile, refreshRemoteInstall, registerCommands, registerLinkHandler } from './commands/index';
import { ConnectionWatch } from './connection';
import type { ExtensionServices } from './context';
import { ErrorReporter } from './errors';
import { hostModules } from './hostModules';
import { LastKnownKeeper } from './lastKnown/keeper';
import { LastKnownStore } from './lastKnown/store';
import { Log } from './log';
import { createVscodePrompter, type Prompter } from './prompter';
import type { RecentList } from './recent/store';
import { RunningLater } from './running/later';
import type { RunningStarted } from './running/start';
import { refreshInstalledHelper, remoteHooks } from './remote/hooks';
import { Session } from './session';
import { SETTING } from './settings';
import { nameFilters } from './tree/groups';
import type { Node } from './tree/nodes';
import { RESOURCE_TYPES_SETTING } from './resourceTypes';
import { PollerLater } from './tree/pollerLater';
import { ResourceTreeProvider } from './tree/provider';

/** What `activate` returns: the running extension's parts, for the extension-host tests. */
export interface SageMakerExtensionApi {
  /** The Resources tree's data provider. */
  readonly resources: vscode.TreeDataProvider<Node>;
  readonly services: ExtensionServices;
  /** Milliseconds `activate()` took. */
  readonly activationMs: number;
  /**
   * The extension host's performance.now() when this file had loaded and when `activate()` was
   * called: VS Code calls it only once the extension's stored state has come from the window.
   */
  readonly startTimes: { readonly fileLoaded: number; readonly activateCalled: number };
  /** How the AWS SDK was loaded (time, code cache); undefined until the first AWS call. */
  sdkLoad(): SdkLoadInfo | undefined;
  /** The last-known tree's keeper (its store's file, writing it now). */
  readonly lastKnown: LastKnownKeeper;
  /** Replaces how commands ask the user (tests answer from a script); returns the previous one. */
  setPrompter(p: Prompter): Prompter;
  /** This extension's log folder: VS Code's own extension-host log (exthost.log) is beside it. */
  readonly logUri: vscode.Uri;
  /** What runs (issue 24): the scanner, its status-bar item and the reminder, loaded (dist/commands.js) and started if they were not. */
  running(): RunningStarted;
}

/**
 * The API goes only to this extension's own tests (ExtensionMode.Test: the host tier and the
 * benchmark run with extensionTestsPath). Any other extension can read what `activate` returns:
 * with setPrompter it could read every presigned URL before it is opened.
 */
export function exportedApi(mode: vscode.ExtensionMode, api: SageMakerExtensionApi): SageMakerExtensionApi | undefined {
  return mode === vscode.ExtensionMode.Test ? api : undefined;
}

/** When this file had loaded (its modules evaluated): see SageMakerExtensionApi.startTimes. */
const fileLoaded = performance.now();

/** What deactivate() needs of the running extension. */
let running: { clipboard(): ClipboardExpiry | undefined; lastKnown: LastKnownKeeper } | undefined;

/**
 * Entry point. Activation stays cheap: nothing here loads the AWS SDK (the AWS layer loads it
 * on its first call, when a list is expanded or a command runs) nor the commands' code (loaded
 * when the first command or link runs: dist/commands.js).
 */
export function activate(context: vscode.ExtensionContext): SageMakerExtensionApi | undefined {
  const started = performance.now();
  const log = new Log();
  // The AWS SDK and the AWS layer's implementation (dist/sdk.js) load on the first AWS call, with a
  // V8 code cache kept here; they use this bundle's modules (hostModules), not copies.
  configureSdkCodeCache({ dir: context.globalStorageUri.fsPath, onEvent: (line) => log.info(line), hostModules });
  // Its quick pick is the commands' code (only commands pick).
  let prompter: Prompter = createVscodePrompter(() => fromCommandsFile('showPick'));
  const session = new Session(log, () => prompter);
  // The last-known tree: read on the first getChildren (a small file, no AWS code), written once the fresh lists show.
  const lastKnown = new LastKnownKeeper(
    new LastKnownStore(
      context.globalStorageUri.fsPath,
      (what, e) => log.error(what, e),
      (line) => log.warn(line),
    ),
    log,
    (store, kept) => fromCommandsFile('writeTree')(store, kept),
  );
  const tree = new ResourceTreeProvider(session, log, lastKnown.source, (...args) => fromCommandsFile('snapshotTree')(...args));
  const treeView = vscode.window.createTreeView<Node>('sagemaker.resources', { treeDataProvider: tree, showCollapseAll: true });
  // Rows in a passing state are read again until they settle; the poller's code is the commands' (loaded when one shows).
  const poller = new PollerLater(tree, treeView, log, (collapsed) => new (fromCommandsFile('StatePoller'))(tree, treeView, session, log, collapsed));
  // The copied URL's countdown: made by the first copy (a command), so its code is the commands'.
  let clipboard: ClipboardExpiry | undefined;
  // The message of an error and its buttons are the commands' code (src/errorMessage.ts), loaded by the first error shown.
  const errors = new ErrorReporter(log, () => prompter, () => fromCommandsFile('showError'));
  // Open Recent's list: only commands use it, so its code is theirs (dist/commands.js).
  let recent: RecentList | undefined;
  const connection = new ConnectionWatch(session, tree, log);
  const remote = remoteHooks(context);
  // What runs in the tree's regions (issue 24): scanned on its own, but in the extension-host tests,
  // which count calls. Its code loads when the first scan is due (src/running/later.ts).
  const automatic = context.extensionMode !== vscode.ExtensionMode.Test;
  const runningList = new RunningLater(log, (firstAfterMs) => fromCommandsFile('startRunning')(session, { globalState: context.globalState, log, prompter: () => prompter }, { automatic, firstAfterMs }), { automatic });
  const services: ExtensionServices = {
    log,
    session,
    tree,
    treeView,
    poller,
    get clipboard(): ClipboardExpiry {
      return (clipboard ??= new (fromCommandsFile('ClipboardExpiry'))(log));
    },
    errors,
    get recent(): RecentList {
      return (recent ??= new (fromCommandsFile('RecentList'))(context.globalState));
    },
    connection,
    remote,
    running: runningList,
    prompter: () => prompter,
  };
  refreshInstalledHelper(remote, refreshRemoteInstall, (e) => log.error('Refreshing the Remote SSH connect helper in global storage', e));

  let messagePending = false;
  const syncViewState = (): void => {
    void vscode.commands.executeCommand('setContext', 'sagemaker.viewState', tree.viewState);
    void vscode.commands.executeCommand('setContext', 'sagemaker.filtered', !!tree.filter);
    treeView.description = tree.filter ? `filter: ${tree.filter} (${filterScopeWords(tree.filterLists)})` : undefined;
    // A message only while last-known rows show: VS Code hides the welcome content (and its
    // buttons) while one is set, and there is none then (the view has rows). The view's
    // description would not do: VS Code does not show it while Resources is the container's only view.
    if (tree.showingLastKnown === undefined) {
      treeView.message = undefined;
    } else if (!messagePending) {
      // The time is the extension host's first date formatting, which loads the locale's data
      // (about 30 ms): done after the last-known rows have gone to the view, not before.
      messagePending = true;
      setImmediate(() => {
        messagePending = false;
        const since = tree.showingLastKnown;
        treeView.message = since === undefined ? undefined : `Last known (${lastShown(since)}): refreshing…`;
      });
    }
  };

  context.subscriptions.push(
    log,
    session,
    tree,
    treeView,
    poller,
    { dispose: () => clipboard?.dispose() },
    runningList,
    tree.onDidChangeState((change) => {
      syncViewState();
      if (change.error !== undefined) {
        errors.report('SageMaker view', change.error);
      }
    }),
    tree.onDidChangeTreeData(syncViewState),
    lastKnown,
    ...lastKnown.attach(tree),
    // What is open is part of the last-known tree; a closed list drops rows not refreshed yet.
    treeView.onDidExpandElement((e) => {
      tree.setExpanded(e.element, true);
      lastKnown.schedule();
    }),
    treeView.onDidCollapseElement((e) => {
      tree.setExpanded(e.element, false);
      syncViewState();
      lastKnown.schedule();
    }),
    ...registerCommands(services),
    registerLinkHandler(services),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Every change, whatever it names: in a remote window an edit of unrelated user settings
      // can drop a machine-scoped setting without an event naming it.
      if (connection.check('settings')) {
        return;
      }
      if (e.affectsConfiguration(`sagemaker.${SETTING.pageSize}`)) {
        log.info('Page size changed: reloading the tree');
        tree.refresh();
      } else if (e.affectsConfiguration(`sagemaker.${RESOURCE_TYPES_SETTING}`)) {
        log.info('Resource types changed: reloading the tree');
        tree.refresh();
      } else if (e.affectsConfiguration(`sagemaker.${SETTING.showLastKnownTree}`)) {
        void lastKnown.settingChanged();
      } else if (e.affectsConfiguration(`sagemaker.${SETTING.clearClipboardOnExpiry}`) || e.affectsConfiguration('sagemaker.presignedUrl')) {
        log.info('URL settings changed; they apply to the next URL');
      }
    }),
  );
  syncViewState();

  const activationMs = performance.now() - started;
  const { version } = context.extension.packageJSON as { version: string };
  log.info(`SageMaker Environments ${version} activated in ${activationMs.toFixed(1)} ms`);
  running = { clipboard: () => clipboard, lastKnown };
  return exportedApi(context.extensionMode, {
    resources: tree,
    services,
    activationMs,
    startTimes: { fileLoaded, activateCalled: started },
    sdkLoad: sdkLoadInfo,
    lastKnown,
    logUri: context.logUri,
    running: () => runningList.parts(),
    setPrompter(p: Prompter): Prompter {
      const previous = prompter;
      prompter = p;
      return previous;
    },
  });
}

/** When the last-known tree was shown: "14:02" today, else the date and time. */
function lastShown(at: number): string {
  const d = new Date(at);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The lists a filter applies to, in the view's title: "user profiles, notebook instances". */
function filterScopeWords(keys: ReadonlySet<string>): string {
  return nameFilters()
    .filter((f) => keys.has(f.key))
    .map((f) => f.label.toLowerCase())
    .join(', ');
}

/**
 * A reload or closing the window: a copied URL still in the clipboard is cleared now rather than
 * left there past the window's life, and a last-known tree waiting for its quiet time is written
 * (a node expanded just before closing is still open next time). Everything registered is
 * disposed through context.subscriptions.
 */
export async function deactivate(): Promise<void> {
  await Promise.all([running?.clipboard()?.release(), running?.lastKnown.flush()]);
}
