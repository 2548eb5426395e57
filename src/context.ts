import type * as vscode from 'vscode';
import type { RunningEnvironment } from './aws/index';
import type { ClipboardExpiry } from './clipboardExpiry';
import type { ConnectionWatch } from './connection';
import type { ErrorReporter } from './errors';
import type { Log } from './log';
import type { Prompter } from './prompter';
import type { RecentList } from './recent/store';
import type { RemoteHooks } from './remote/hooks';
import type { Session } from './session';
import type { Node } from './tree/nodes';
import type { RowPoller } from './tree/pollerLater';
import type { ResourceTreeProvider } from './tree/provider';

/** A running environment as the last scan found it, with its on-demand price where known. */
export type RunningItem = RunningEnvironment & { readonly usdPerHour?: number };

/** What runs in the tree's regions (src/running/scanner.ts), for the status item, its pick and the reminder. */
export interface RunningList {
  /** The last scan's items, newest scan first; empty before the first. */
  readonly items: readonly RunningItem[];
  /** When the last scan ended (ms since the epoch), if one did. */
  readonly scannedAt: number | undefined;
  /** Scans now (or joins the scan under way). */
  scanNow(why: string): Promise<void>;
  readonly onDidChange: vscode.Event<void>;
}

/** What every command needs: the services of the running extension. */
export interface ExtensionServices {
  readonly log: Log;
  readonly session: Session;
  readonly tree: ResourceTreeProvider;
  readonly treeView: vscode.TreeView<Node>;
  /** Reads rows in a passing state again until they settle. */
  readonly poller: RowPoller;
  readonly clipboard: ClipboardExpiry;
  readonly errors: ErrorReporter;
  /** Open Recent's list (the extension's global state); its code loads with the commands' on first use. */
  readonly recent: RecentList;
  /** Reloads the tree when the effective connection settings differ from those in use. */
  readonly connection: ConnectionWatch;
  /** Connect with Remote SSH: its files and what it asks of the window (tests may swap the window's part). */
  readonly remote: RemoteHooks;
  /** What runs in the tree's regions, for how long, at what cost (issue 24). */
  readonly running: RunningList;
  /** The current prompter (tests may swap it). */
  prompter(): Prompter;
}
