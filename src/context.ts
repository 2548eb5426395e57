import type * as vscode from 'vscode';
import type { ClipboardExpiry } from './clipboardExpiry';
import type { ConnectionWatch } from './connection';
import type { ErrorReporter } from './errors';
import type { Log } from './log';
import type { Prompter } from './prompter';
import type { RecentList } from './recent/store';
import type { RemoteHooks } from './remote/hooks';
import type { Session } from './session';
import type { Node } from './tree/nodes';
import type { StatePoller } from './tree/poller';
import type { ResourceTreeProvider } from './tree/provider';

/** What every command needs: the services of the running extension. */
export interface ExtensionServices {
  readonly log: Log;
  readonly session: Session;
  readonly tree: ResourceTreeProvider;
  readonly treeView: vscode.TreeView<Node>;
  /** Reads rows in a passing state again until they settle. */
  readonly poller: StatePoller;
  readonly clipboard: ClipboardExpiry;
  readonly errors: ErrorReporter;
  /** Open Recent's list (the extension's global state). */
  readonly recent: RecentList;
  /** Reloads the tree when the effective connection settings differ from those in use. */
  readonly connection: ConnectionWatch;
  /** Connect with Remote SSH: its files and what it asks of the window (tests may swap the window's part). */
  readonly remote: RemoteHooks;
  /** The current prompter (tests may swap it). */
  prompter(): Prompter;
}
