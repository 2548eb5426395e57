/**
 * Rows follow their state: a row in a passing state (Pending, Starting, Stopping, Updating,
 * Deleting...) is read again until it settles, with a backoff up to a cap (pollSchedule.ts),
 * only while the view is visible and the row's parents are not collapsed. Nothing passing,
 * nothing scheduled: no timer, no call.
 *
 * The hook is `Transitional` (listing.ts): a node kind reports `transitional`, a `stateKey`
 * shared by every row of one resource, and `readState`, which reads the resource with one call
 * and returns how to update a row. Rows with one key are read once for all of them.
 */
import * as vscode from 'vscode';
import { AwsError } from '../aws/index';
import { isCredentialsError } from '../errors';
import type { Log } from '../log';
import type { Session } from '../session';
import { SettingsError } from '../settings';
import { isTransitional, type Transitional } from './listing';
import { isListNode, type Node } from './nodes';
import { PollSchedule, pollTimingFor, AWS_POLL_TIMING } from './pollSchedule';
import type { RowPoller } from './pollerLater';
import type { ResourceTreeProvider } from './provider';

/** At most this many resources are read at once; the rest stay due for the next round. */
const READS_PER_ROUND = 8;

type Row = Node & Transitional;

/** In dist/commands.js: ./pollerLater.ts starts it when the tree first shows a passing row. */
export class StatePoller implements RowPoller {
  private readonly schedule = new PollSchedule(AWS_POLL_TIMING);
  private timer?: NodeJS.Timeout;
  private rescanQueued = false;
  private reading = false;
  /** A credentials or settings failure: nothing is read until the whole view refreshes. */
  private paused = false;
  private disposed = false;
  /** Resources a command is already waiting on (start/stop): it keeps their rows up to date. */
  private readonly held = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly tree: ResourceTreeProvider,
    private readonly view: vscode.TreeView<Node>,
    private readonly session: Session,
    private readonly log: Log,
    /** The nodes collapsed before it started (./pollerLater.ts kept them); it follows the view from then on. */
    private readonly collapsed = new Set<string>(),
  ) {
    this.subscriptions = [
      tree.onDidChangeTreeData((node) => {
        if (node === undefined) {
          this.paused = false; // the whole view starts over
        }
        this.queueRescan();
      }),
      tree.onDidLoadPage(() => this.queueRescan()),
      view.onDidChangeVisibility(() => this.queueRescan()),
      view.onDidCollapseElement((e) => {
        this.collapsed.add(e.element.id);
        this.queueRescan();
      }),
      view.onDidExpandElement((e) => {
        this.collapsed.delete(e.element.id);
        this.queueRescan();
      }),
    ];
    // Started because a passing row shows (or a command waits on one): a first look now.
    this.queueRescan();
  }

  get scheduled(): number {
    return this.schedule.size;
  }

  get armed(): boolean {
    return this.timer !== undefined;
  }

  get busy(): boolean {
    return this.reading;
  }

  async whileWaiting<T>(stateKey: string, work: () => Thenable<T>): Promise<T> {
    this.held.set(stateKey, (this.held.get(stateKey) ?? 0) + 1);
    this.queueRescan();
    try {
      return await work();
    } finally {
      const n = (this.held.get(stateKey) ?? 1) - 1;
      if (n > 0) {
        this.held.set(stateKey, n);
      } else {
        this.held.delete(stateKey);
      }
      this.queueRescan();
    }
  }

  /** The rows shown in a passing state: loaded, under no collapsed node, not held by a command. */
  private rows(): Row[] {
    const out: Row[] = [];
    for (const n of this.tree.loadedNodes()) {
      // A last-known row is read with its fresh list, not on its own.
      if (isTransitional(n) && n.transitional && !this.held.has(n.stateKey) && !this.underCollapsed(n) && !this.tree.isLastKnown(n)) {
        out.push(n);
      }
    }
    return out;
  }

  private underCollapsed(n: Node): boolean {
    for (let p = n.parent; p; p = p.parent) {
      if (this.collapsed.has(p.id)) {
        return true;
      }
    }
    return false;
  }

  /** Coalesces the bursts of change events (a page of rows, each redraw) into one look at the tree. */
  private queueRescan(): void {
    if (this.rescanQueued || this.disposed) {
      return;
    }
    this.rescanQueued = true;
    setTimeout(() => {
      this.rescanQueued = false;
      this.rescan();
    }, 0);
  }

  private rescan(): void {
    if (this.disposed) {
      return;
    }
    if (this.paused) {
      this.schedule.clear();
    } else {
      try {
        this.schedule.setTiming(pollTimingFor(this.session.settings.endpointUrl));
        this.schedule.sync(
          this.rows().map((r) => r.stateKey),
          Date.now(),
        );
      } catch (e) {
        // Settings that cannot connect: the view says so; nothing to read.
        this.schedule.clear();
        if (!(e instanceof SettingsError)) {
          this.log.error('Following the state of passing rows', e);
        }
      }
    }
    this.arm();
  }

  /** One timer, for the earliest due read; none while hidden, while reading, or with nothing due. */
  private arm(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const next = this.schedule.nextDueAt();
    if (next === undefined || !this.view.visible || this.reading || this.disposed) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.readDue();
    }, Math.max(0, next - Date.now()));
  }

  private async readDue(): Promise<void> {
    if (!this.view.visible || this.disposed) {
      return;
    }
    this.reading = true;
    try {
      const keys = this.schedule.due(Date.now(), READS_PER_ROUND);
      const access = this.session.access();
      const controller = new AbortController();
      await Promise.all(keys.map((key) => this.readOne(key, access, controller.signal)));
    } catch (e) {
      this.pauseOn(e);
    } finally {
      this.reading = false;
      this.rescan();
    }
  }

  private async readOne(key: string, access: ReturnType<Session['access']>, signal: AbortSignal): Promise<void> {
    const row = this.rows().find((r) => r.stateKey === key);
    if (!row) {
      this.schedule.drop(key);
      return;
    }
    try {
      const update = await row.readState(access, signal);
      // Every row of the resource now (the tree may have changed during the call).
      for (const n of this.tree.loadedNodes()) {
        if (isTransitional(n) && n.stateKey === key) {
          // Redrawn only when what it shows changed: a row still Pending is left alone.
          const before = shown(n);
          update(n);
          if (shown(n) !== before) {
            this.tree.redraw(n);
          }
        }
      }
    } catch (e) {
      if (e instanceof AwsError && e.kind === 'not-found') {
        // Gone (deleted): its list is read again, so the row goes.
        this.schedule.drop(key);
        const list = row.parent;
        if (list && isListNode(list)) {
          await this.tree.refreshNode(list);
        }
        return;
      }
      if (isCredentialsError(e) || e instanceof SettingsError) {
        throw e;
      }
      this.log.error('Reading the state of a passing row again', e);
    } finally {
      this.schedule.read(key, Date.now());
    }
  }

  private pauseOn(e: unknown): void {
    this.paused = true;
    this.schedule.clear();
    this.log.error('Following the state of passing rows (stopped until the view is refreshed)', e);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    for (const d of this.subscriptions) {
      d.dispose();
    }
  }
}

/** What a row shows, to tell whether a read changed it. */
function shown(n: Node): string {
  const i = n.treeItem();
  const tip = 'tooltip' in n ? n.tooltip().value : '';
  return JSON.stringify([i.label, i.description, i.contextValue, tip]);
}
