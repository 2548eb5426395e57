/**
 * What activation keeps of the poller (./poller.ts): a stand-in that loads it with the commands'
 * code (dist/commands.js) when the tree first shows a row in a passing state, or when a command
 * waits on one. Until then there is nothing to read: no timer, no call. About 4 KB less in
 * dist/extension.js. It keeps which nodes were collapsed meanwhile, for the poller.
 */
import type * as vscode from 'vscode';
import type { Log } from '../log';
import { isTransitional } from './listing';
import type { Node } from './nodes';
import type { ResourceTreeProvider } from './provider';

/** The poller as the commands and the tests see it. */
export interface RowPoller extends vscode.Disposable {
  /** How many resources are waiting for their next read (0: nothing is passing, or nothing shown). */
  readonly scheduled: number;
  /** True while a read is due: a timer is set. */
  readonly armed: boolean;
  /** True while a round of reads is in flight. */
  readonly busy: boolean;
  /** Leaves the resource with this stateKey to `work` (a command waiting on it) until that settles. */
  whileWaiting<T>(stateKey: string, work: () => Thenable<T>): Promise<T>;
}

export class PollerLater implements RowPoller {
  private started: RowPoller | undefined;
  private readonly collapsed = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];
  private lookQueued = false;

  constructor(
    private readonly tree: ResourceTreeProvider,
    view: vscode.TreeView<Node>,
    private readonly log: Log,
    /** Loads and starts the poller, given the nodes collapsed so far (it follows the view from then on). */
    private readonly start: (collapsed: Set<string>) => RowPoller,
  ) {
    this.subscriptions = [
      tree.onDidChangeTreeData(() => this.queueLook()),
      tree.onDidLoadPage(() => this.queueLook()),
      view.onDidCollapseElement((e) => this.collapsed.add(e.element.id)),
      view.onDidExpandElement((e) => this.collapsed.delete(e.element.id)),
    ];
  }

  get scheduled(): number {
    return this.started?.scheduled ?? 0;
  }

  get armed(): boolean {
    return this.started?.armed ?? false;
  }

  get busy(): boolean {
    return this.started?.busy ?? false;
  }

  whileWaiting<T>(stateKey: string, work: () => Thenable<T>): Promise<T> {
    return this.poller().whileWaiting(stateKey, work);
  }

  /** As the poller does: one look after a burst of change events. */
  private queueLook(): void {
    if (this.lookQueued || this.started) {
      return;
    }
    this.lookQueued = true;
    setTimeout(() => {
      this.lookQueued = false;
      if (!this.started && this.passingRowShown()) {
        try {
          this.poller();
        } catch (e) {
          this.log.error('Following the state of passing rows: loading its code', e);
        }
      }
    }, 0);
  }

  /** A fresh row in a passing state (a last-known row is read with its fresh list, not on its own). */
  private passingRowShown(): boolean {
    for (const n of this.tree.loadedNodes()) {
      if (isTransitional(n) && n.transitional && !this.tree.isLastKnown(n)) {
        return true;
      }
    }
    return false;
  }

  private poller(): RowPoller {
    if (!this.started) {
      this.started = this.start(this.collapsed);
      // It follows the view itself from now on.
      for (const d of this.subscriptions.splice(0)) {
        d.dispose();
      }
    }
    return this.started;
  }

  dispose(): void {
    for (const d of this.subscriptions) {
      d.dispose();
    }
    this.started?.dispose();
  }
}
