/**
 * The last-known tree on a cold open (or a change of connection): its roots at once, with no call
 * and nothing of the AWS layer loaded; then the fresh first page of every restored list, asked for
 * together once the view has taken the restored rows. src/lastKnown/ keeps the tree;
 * ./lastKnownTree.ts turns it into nodes.
 */
import type { LastKnownSource } from '../lastKnown/keeper';
import type { StoredTree } from '../lastKnown/snapshot';
import type { Log } from '../log';
import { readResourceTypes } from '../resourceTypes';
import { restoreTree } from './lastKnownTree';
import { nodesUnder } from './listRows';
import { isListNode, type ListNode, type Node } from './nodes';

/**
 * How long a restored tree waits for the view to ask for its open lists before the fresh lists
 * are asked for anyway (the view asks for all of them within a few milliseconds when it shows).
 */
const RESTORED_ASKS_WAIT_MS = 300;

/** What the restore needs of the data provider. */
export interface RestoreHost {
  readonly log: Log;
  /** The roots the view has now. */
  rootsNow(): readonly Node[];
  /** Every node under the roots now (the loaded part). */
  loadedNodes(): Iterable<Node>;
  /** Fetches one page into a list (concurrent callers share it). */
  loadPage(list: ListNode): Promise<void>;
  /** The regions the settings name now. */
  regions(): Promise<string[]>;
  /** Starts the view over. */
  refresh(): void;
  /** The regions behind the restored tree cannot be read: the view says why, without rows. */
  failRoots(e: unknown): void;
}

/** A restored tree: its roots, its connection's key and the ids of the nodes open in it. */
export interface Restored {
  readonly roots: Node[];
  readonly key: string;
  readonly expanded: readonly string[];
}

export class LastKnownRestore {
  /** While the view shows last-known rows: when they were written. */
  private since?: number;
  /** A restored tree waits for the view to ask for these open lists before the fresh lists are asked for. */
  private asks?: { readonly ids: Set<string>; readonly timer: NodeJS.Timeout };

  constructor(
    private readonly host: RestoreHost,
    private readonly source?: LastKnownSource,
  ) {}

  /** The last-known key of the connection the settings name now; undefined without a store or with a bad setting. */
  key(): string | undefined {
    try {
      return this.source?.key();
    } catch {
      return undefined; // a bad setting: the tree says so on its own path
    }
  }

  /**
   * While the view shows rows of the last-known tree (not refreshed yet): when they were written.
   * Undefined once every restored list has its fresh answer (or its error), or was closed.
   */
  get showingSince(): number | undefined {
    if (this.since !== undefined && ![...this.host.loadedNodes()].some((n) => isListNode(n) && n.listing.lastKnown)) {
      this.since = undefined;
    }
    return this.since;
  }

  /** The kept tree of the connection, as nodes; undefined when there is none to show. */
  restore(): Restored | undefined {
    const key = this.key();
    let stored: StoredTree | undefined;
    try {
      readResourceTypes(); // a bad value is said on the usual path, with no rows from before
      stored = key === undefined ? undefined : this.source?.read(key);
    } catch (e) {
      this.host.log.error('Reading the last-known tree', e);
    }
    if (!stored || key === undefined) {
      return undefined;
    }
    const roots = restoreTree(stored);
    this.since = stored.savedAt;
    const ids = new Set<string>();
    for (const n of nodesUnder(roots)) {
      if (isListNode(n) && n.listing.lastKnown) {
        ids.add(n.id);
      }
    }
    const regions = stored.regions;
    this.end();
    this.asks = { ids, timer: setTimeout(() => this.refreshRestored(roots, regions), ids.size ? RESTORED_ASKS_WAIT_MS : 0) };
    const rows = [...ids].reduce((sum, id) => sum + (stored.lists[id]?.rows.length ?? 0), 0);
    this.host.log.info(`Showing the last-known tree of ${new Date(stored.savedAt).toISOString()} (${rows} rows in ${ids.size} lists) while the lists load`);
    return { roots, key, expanded: stored.expanded };
  }

  /** The view starts over: no restored rows any more, nothing waits to be asked for. */
  reset(): void {
    this.end();
    this.since = undefined;
  }

  /** The view took the restored rows of a list: once it has them all, the fresh lists are asked for. */
  served(node: ListNode): void {
    const asks = this.asks;
    if (asks && asks.ids.delete(node.id) && asks.ids.size === 0) {
      const roots = this.host.rootsNow();
      const regions = roots.map((r) => (r.kind === 'region' || r.kind === 'group' ? r.region : '')).filter((r, i, all) => r && all.indexOf(r) === i);
      clearTimeout(asks.timer);
      // After this turn, so the rows just given go out to the view before anything else runs.
      this.asks = { ids: asks.ids, timer: setTimeout(() => this.refreshRestored(roots, regions), 0) };
    }
  }

  private end(): void {
    if (this.asks) {
      clearTimeout(this.asks.timer);
      this.asks = undefined;
    }
  }

  /**
   * Asks for every restored list's first page at once (one round trip for the whole tree) and
   * checks the regions behind them: another answer (the profile's region changed) starts over,
   * a failure shows as it would without the last-known tree.
   */
  private refreshRestored(roots: readonly Node[], regions: readonly string[]): void {
    this.asks = undefined;
    if (this.host.rootsNow() !== roots) {
      return; // the view started over meanwhile
    }
    for (const n of [...this.host.loadedNodes()]) {
      if (isListNode(n) && n.listing.lastKnown && !n.listing.loading) {
        void this.host.loadPage(n);
      }
    }
    void (async () => {
      try {
        const now = await this.host.regions();
        if (this.host.rootsNow() === roots && (now.length !== regions.length || now.some((r, i) => r !== regions[i]))) {
          this.host.log.info(`The regions are now ${now.join(', ')} (the last-known tree had ${regions.join(', ')}): reloading the tree`);
          this.host.refresh();
        }
      } catch (e) {
        if (this.host.rootsNow() === roots) {
          this.host.failRoots(e);
        }
      }
    })();
  }
}
