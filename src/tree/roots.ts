/**
 * The view's roots: one region's groups, or one node per region; from the last-known tree on a
 * cold open. VS Code is never kept waiting for them: it gets none ("Loading…" welcome content)
 * until the regions are read, then the whole view is redrawn with them.
 */
import { readResourceTypes } from '../resourceTypes';
import type { Session } from '../session';
import type { TreeGeneration } from './generation';
import type { LastKnownRestore } from './lastKnownRestore';
import { isListNode, type ListNode, type Node } from './nodes';
import type { OpenNodes } from './openNodes';
import { viewRoots } from './region';
import type { ViewStateHolder } from './viewState';

/** What the roots need of the data provider. */
export interface RootsHost {
  readonly session: Session;
  readonly view: ViewStateHolder;
  readonly generation: TreeGeneration;
  readonly lastKnown: LastKnownRestore;
  readonly open: OpenNodes;
  /** Redraws the whole view. */
  redrawAll(): void;
  loadPage(list: ListNode): Promise<void>;
}

export class TreeRoots {
  /** The roots VS Code gets (set once they are known for the current tree). */
  private given?: Node[];
  /** While the roots are being worked out (the regions read): VS Code gets none meanwhile. */
  private building = false;
  /** The roots of the tree now, also while VS Code is given none yet. */
  now: Node[] = [];
  /** The connection the roots were built for (its last-known key), when the settings allowed one. */
  key?: string;
  /** The next roots may come from the last-known tree (a cold open, a change of connection). */
  private restoreNext = true;

  constructor(private readonly host: RootsHost) {}

  /** Forgets the roots: they are worked out again when VS Code asks. `lastKnown`: they may come from the last-known tree. */
  reset(lastKnown: boolean): void {
    this.restoreNext = lastKnown;
    this.given = undefined;
    this.building = false;
    this.now = [];
  }

  /** No tree can show (the welcome content says why): no roots until the view starts over. */
  clear(): void {
    this.given = [];
    this.building = false;
    this.now = [];
  }

  /** The roots, at once: a last-known tree's, else none until the regions are read. */
  forView(): Promise<Node[]> {
    if (!this.given && !this.building) {
      const generation = this.host.generation.current;
      this.now = [];
      this.key = undefined;
      const restored = this.restoreNext ? this.restore() : undefined;
      this.restoreNext = false;
      if (restored) {
        this.given = restored;
      } else {
        this.building = true;
        void this.build(generation).then((roots) => {
          if (this.host.generation.isCurrent(generation)) {
            this.building = false;
            this.given ??= roots;
            this.host.redrawAll();
          }
        });
      }
    }
    return Promise.resolve(this.given ?? []);
  }

  /** Whether a node is still in the tree (each ancestor's list holds it, up to a root). */
  contains(n: Node): boolean {
    for (let c: Node = n; ; ) {
      const p = c.parent;
      if (!p) {
        return this.now.includes(c);
      }
      if (isListNode(p) ? !p.listing.items.includes(c) : !p.groups.includes(c as never)) {
        return false;
      }
      c = p;
    }
  }

  private async build(generation: number): Promise<Node[]> {
    const { generation: tree, view } = this.host;
    let regions: string[];
    try {
      regions = await this.host.session.regions();
      readResourceTypes(); // a value that cannot be used says so here, once, with Open Settings
    } catch (e) {
      if (tree.isCurrent(generation)) {
        view.fail(e);
      }
      return [];
    }
    if (!tree.isCurrent(generation)) {
      return []; // a refresh came while the regions were read: the newer tree decides
    }
    if (regions.length === 0) {
      view.set('error', 'No AWS region is configured. Select regions, or set one in your AWS profile.');
      return [];
    }
    const roots: Node[] = viewRoots(regions);
    for (const r of roots) {
      if (r.kind === 'group' && this.host.open.startsClosed(r.id)) {
        r.expanded = false;
      }
    }
    this.key = this.host.lastKnown.key();
    this.now = roots;
    // Given before the state says ready: whoever the state change wakes gets them.
    this.given = roots;
    this.building = false;
    view.set('ready');
    // VS Code asks for the open groups' rows in one message, from one group after the other, and
    // shows none until the last is listed: started here, their first pages load side by side.
    for (const r of roots) {
      if (r.kind === 'group' && r.expanded) {
        void this.host.loadPage(r);
      }
    }
    return roots;
  }

  /** A cold open (or a change of connection) with a last-known tree for it: its roots at once (./lastKnownRestore.ts). */
  private restore(): Node[] | undefined {
    const restored = this.host.lastKnown.restore();
    if (!restored) {
      return undefined;
    }
    this.host.open.add(restored.expanded);
    this.key = restored.key;
    this.now = restored.roots;
    this.host.view.set('ready');
    return restored.roots;
  }
}
