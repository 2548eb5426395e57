import * as vscode from 'vscode';
import type { Domain, MlflowTrackingServer, NotebookInstance, Space } from '../aws/index';
import { AwsError } from '../aws/index';
import { isCredentialsError, userMessage } from '../errors';
import type { Log } from '../log';
import type { Session } from '../session';
import { SettingsError, readPageSize } from '../settings';
import { readResourceTypes } from '../resourceTypes';
import {
  DomainNode,
  EmptyNode,
  ErrorNode,
  GroupNode,
  isListNode,
  LoadingNode,
  LoadMoreNode,
  MlflowAppNode,
  NotebookNode,
  PartnerAppNode,
  RegionNode,
  SpaceNode,
  TrackingServerNode,
  UserProfileNode,
  type ListNode,
  type Node,
} from './nodes';
import { activeFilter, nameMatches, type ActiveFilter, type FilterState } from './filter';
import { defaultFilterScope, nameFilters } from './groups';
import { TreeGeneration } from './generation';
import type { LastKnownSource } from '../lastKnown/keeper';
import type { StoredTree } from '../lastKnown/snapshot';

export type { LastKnownSource } from '../lastKnown/keeper';
import { restoreTree, snapshotTree } from './lastKnownTree';
import { viewRoots } from './region';

/** What the view shows when it has no tree: drives `viewsWelcome` through the `sagemaker.viewState` context key. */
export type ViewState = 'loading' | 'ready' | 'noCredentials' | 'ssoExpired' | 'invalidSettings' | 'error' | 'empty';

/**
 * How long a restored tree waits for the view to ask for its open lists before the fresh lists
 * are asked for anyway (the view asks for all of them within a few milliseconds when it shows).
 */
const RESTORED_ASKS_WAIT_MS = 300;

/** A change of the view's state; `error` is what put it there, to be reported once. */
export interface ViewStateChange {
  readonly state: ViewState;
  readonly error?: unknown;
}

/**
 * The tree of SageMaker resources. Lists are fetched when their node is expanded, one page at a
 * time; a failed list becomes an error node under its own parent. One change event serves both a
 * whole-view refresh (undefined) and a single node.
 */
export class ResourceTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | Node[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** The roots VS Code gets (set once they are known for the current tree). */
  private roots?: Node[];
  /** While the roots are being worked out (the regions read): VS Code gets none meanwhile. */
  private rootsBuilding = false;
  private state: ViewState = 'loading';
  private stateMessage?: string;
  private filterState?: FilterState;
  private filterScope: ReadonlySet<string> = new Set(defaultFilterScope());
  private readonly stateListeners = new vscode.EventEmitter<ViewStateChange>();
  readonly onDidChangeState = this.stateListeners.event;
  private readonly pageListeners = new vscode.EventEmitter<ListNode>();
  /** A page of a list arrived (its rows are in the tree now): for the poller. */
  readonly onDidLoadPage = this.pageListeners.event;
  /** Checked before anything changes the roots or the view state: an older tree's answers change nothing. */
  private readonly generation = new TreeGeneration();

  /** The next roots may come from the last-known tree (a cold open, a change of connection). */
  private restoreNext = true;
  /** The connection the roots were built for (its last-known key), when the settings allowed one. */
  private rootsKey?: string;
  /** While the view shows last-known rows: when they were written. */
  private lastKnownSince?: number;
  /**
   * Ids of the nodes open in the view, from its expand and collapse events. Kept across reloads:
   * the view keeps a node open by its id when the tree is drawn again (a fresh node starts closed).
   */
  private readonly openIds = new Set<string>();
  /** A restored tree waits for the view to ask for these open lists before the fresh lists are asked for. */
  private restoredAsks?: { readonly ids: Set<string>; readonly timer: NodeJS.Timeout };

  constructor(
    private readonly session: Session,
    private readonly log: Log,
    private readonly lastKnown?: LastKnownSource,
  ) {}

  /**
   * While the view shows rows of the last-known tree (not refreshed yet): when they were written.
   * Undefined once every restored list has its fresh answer (or its error), or was closed.
   */
  get showingLastKnown(): number | undefined {
    if (this.lastKnownSince !== undefined && ![...this.loadedNodes()].some((n) => isListNode(n) && n.listing.lastKnown)) {
      this.lastKnownSince = undefined;
    }
    return this.lastKnownSince;
  }

  /** Whether a row is one of the last-known tree's, not refreshed yet. */
  isLastKnown(node: Node): boolean {
    const p = node.parent;
    return isListNode(p) && p.listing.lastKnown !== undefined;
  }

  /** Whether a node is open in the view: a group of a one-region view opens by itself (no event), others once the view said so. */
  isOpen(node: RegionNode | ListNode): boolean {
    return node instanceof GroupNode && !node.parent ? node.expanded : this.openIds.has(node.id);
  }

  /** The view expanded or collapsed a node. A closed list drops last-known rows it still shows (it loads afresh when opened). */
  setExpanded(node: Node, expanded: boolean): void {
    if (node instanceof RegionNode || isListNode(node)) {
      node.expanded = expanded;
      if (expanded) {
        this.openIds.add(node.id);
      } else {
        this.openIds.delete(node.id);
      }
    }
    if (!expanded && isListNode(node) && node.listing.lastKnown && !node.listing.loading) {
      node.listing.reset();
      this.changed.fire(node); // VS Code holds the dropped rows until told
    }
  }

  /**
   * What the tree shows, to be kept as the last-known tree of its connection; undefined when it
   * should not be kept now: not a tree (welcome content), filtered, or still showing last-known rows.
   */
  lastKnownSnapshot(now = Date.now()): StoredTree | undefined {
    if (this.state !== 'ready' || this.filterState || this.rootsKey === undefined || this.showingLastKnown !== undefined) {
      return undefined;
    }
    // A group of a one-region view opens by itself (no event); other nodes are open once the view said so.
    return snapshotTree(this.rootsNow, this.rootsKey, now, (n) => this.isOpen(n));
  }

  get viewState(): ViewState {
    return this.state;
  }

  /** What the view's state is about, in words (the welcome content is generic). */
  get viewMessage(): string | undefined {
    return this.stateMessage;
  }

  get filter(): string | undefined {
    return this.filterState?.text;
  }

  /** The keys of the lists the filter applies to (NameFilter.key), kept between filters. */
  get filterLists(): ReadonlySet<string> {
    return this.filterScope;
  }

  /** Filters by name the lists in `scope` (default: the last scope chosen); empty text shows all. */
  setFilter(text: string | undefined, scope?: readonly string[]): void {
    if (scope) {
      const known = new Set(nameFilters().map((f) => f.key));
      this.filterScope = new Set(scope.filter((k) => known.has(k)));
    }
    const t = text?.trim();
    this.filterState = t ? { text: t, scope: this.filterScope } : undefined;
    this.refresh();
  }

  /** How the filter applies to one list, if it does. */
  filterFor(node: ListNode): ActiveFilter {
    return activeFilter(this.filterState, node.nameFilter);
  }

  /**
   * Starts over: forget every list (and the regions), redraw the whole view. `lastKnown`: the
   * connection changed, so its last-known tree may show while its lists load (a Refresh asks afresh).
   */
  refresh(options: { lastKnown?: boolean } = {}): void {
    // The rows go: what is still being read for them stops.
    for (const n of this.loadedNodes()) {
      if (isListNode(n)) {
        n.listing.reset();
      }
    }
    this.generation.next();
    this.restoreNext = options.lastKnown === true;
    this.endRestore();
    this.lastKnownSince = undefined;
    this.roots = undefined;
    this.rootsBuilding = false;
    this.rootsNow = [];
    this.setState('loading');
    this.changed.fire(undefined);
  }

  /** Reloads one node: a list node forgets its pages; a space or notebook instance is described again. */
  async refreshNode(node: Node): Promise<void> {
    if (isListNode(node)) {
      node.listing.reset();
      this.changed.fire(node);
    } else if (node instanceof RegionNode) {
      node.groups.forEach((g) => g.listing.reset());
      this.changed.fire(node);
    } else if (node instanceof SpaceNode) {
      const s = node.space;
      this.updateSpace(await this.session.access().describeSpace(s.region, s.domainId, s.spaceName));
    } else if (node instanceof NotebookNode) {
      const n = node.notebook;
      this.updateNotebook(await this.session.access().describeNotebookInstance(n.region, n.notebookInstanceName));
    } else if (node instanceof TrackingServerNode || node instanceof MlflowAppNode || node instanceof PartnerAppNode) {
      const update = await node.readState(this.session.access(), new AbortController().signal);
      update(node);
      this.changed.fire(node);
    }
  }

  /**
   * The hover's details, asked by VS Code when the pointer rests on a row. A tracking server's
   * names its size, which only DescribeMlflowTrackingServer gives: asked once.
   */
  async resolveTreeItem(item: vscode.TreeItem, node: Node): Promise<vscode.TreeItem> {
    if (node instanceof TrackingServerNode && node.server.trackingServerSize === undefined) {
      try {
        const described = await this.session.access().describeMlflowTrackingServer(node.region, node.server.trackingServerName);
        node.server = { ...node.server, trackingServerSize: described.trackingServerSize, artifactStoreUri: described.artifactStoreUri };
      } catch (e) {
        this.log.error(`Describing MLflow tracking server ${node.server.trackingServerName}`, e);
      }
    }
    const tip = 'tooltip' in node ? node.tooltip() : undefined;
    if (tip) {
      const since = this.isLastKnown(node) ? (node.parent as ListNode).listing.lastKnown?.savedAt : undefined;
      if (since !== undefined) {
        tip.appendText(`Not refreshed yet: as last shown (${new Date(since).toLocaleString()}); the fresh list is loading`);
      }
      const f = isListNode(node) ? this.filterFor(node) : undefined;
      if (f && isListNode(node)) {
        tip.appendText(`Filtered: ${node.listName} whose name contains "${f.text}"${f.serverSide ? '' : ', among the rows loaded'}`);
      }
      item.tooltip = tip;
    }
    return item;
  }

  /** The row without its hover details: resolveTreeItem gives those. */
  getTreeItem(node: Node): vscode.TreeItem {
    const item = node.treeItem();
    const f = isListNode(node) ? this.filterFor(node) : undefined;
    if (f && node instanceof GroupNode) {
      item.description = f.serverSide ? `filter: ${f.text}` : `filter: ${f.text} (loaded rows)`;
    }
    return item;
  }

  /** Draws a node again after its data changed in place. */
  redraw(node: Node): void {
    this.changed.fire(node);
  }

  getParent(node: Node): Node | undefined {
    return node.parent;
  }

  /**
   * A list's rows answer at once from what is loaded (a list not loaded yet: "Loading…", and its
   * page is asked for); the list is redrawn when the page arrives. Never waiting here is what
   * keeps VS Code's cache whole: a redraw of the list or an ancestor that overtook a waiting
   * answer made VS Code 1.100 register the answer's rows under a row it had dropped.
   */
  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      return this.rootChildren();
    }
    if (node instanceof RegionNode) {
      return node.groups;
    }
    if (isListNode(node)) {
      // A list a refresh dropped: VS Code can still ask for it, late, from before the refresh.
      // Its rows would never show (VS Code asks the new tree next): no call for them.
      return this.inTree(node) ? this.listChildren(node) : [];
    }
    return [];
  }

  /** Loads the next page of a list whose last child is "Load more…". */
  async loadMore(node: LoadMoreNode | ListNode): Promise<void> {
    const list = node instanceof LoadMoreNode ? node.parent : node;
    // Last-known rows keep no page token: the fresh first page comes first, then the next one.
    const restored = list.listing.lastKnown !== undefined;
    await this.loadPage(list);
    if (restored && list.listing.nextToken && list.listing.error === undefined && this.inTree(list)) {
      await this.loadPage(list);
    }
  }


  /** Clears a list's error and asks again. */
  retry(node: ErrorNode): void {
    node.parent.listing.error = undefined;
    this.changed.fire(node.parent);
  }

  /** Every node currently in the tree (the loaded part), for finding the nodes of one resource. */
  *loadedNodes(): Generator<Node> {
    const stack: Node[] = [...this.rootsNow];
    while (stack.length) {
      const n = stack.pop()!;
      yield n;
      if (n instanceof RegionNode) {
        stack.push(...n.groups);
      } else if (isListNode(n)) {
        stack.push(...n.listing.items);
      }
    }
  }

  /** Puts a fresh copy of a space into every node showing it (a shared space shows under each profile). */
  updateSpace(space: Space): void {
    for (const n of this.loadedNodes()) {
      if (n instanceof SpaceNode && n.space.region === space.region && n.space.domainId === space.domainId && n.space.spaceName === space.spaceName) {
        n.space = space;
        this.changed.fire(n);
      }
    }
  }

  /** Puts what is newly known of a domain (e.g. its AuthMode) into its node. */
  updateDomain(domain: Domain): void {
    for (const n of this.loadedNodes()) {
      if (n instanceof DomainNode && n.domain.region === domain.region && n.domain.domainId === domain.domainId) {
        n.domain = { ...n.domain, ...domain };
        this.changed.fire(n);
      }
    }
  }

  updateNotebook(notebook: NotebookInstance): void {
    for (const n of this.loadedNodes()) {
      if (n instanceof NotebookNode && n.notebook.region === notebook.region && n.notebook.notebookInstanceName === notebook.notebookInstanceName) {
        n.notebook = notebook;
        this.changed.fire(n);
      }
    }
  }

  /** Puts a fresh copy of a tracking server into its node (start, stop). */
  updateTrackingServer(server: MlflowTrackingServer): void {
    for (const n of this.loadedNodes()) {
      if (n instanceof TrackingServerNode && n.server.region === server.region && n.server.trackingServerName === server.trackingServerName) {
        // A list summary has no size: keep the one already described.
        n.server = { ...server, trackingServerSize: server.trackingServerSize ?? n.server.trackingServerSize };
        this.changed.fire(n);
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.stateListeners.dispose();
    this.pageListeners.dispose();
  }

  private rootsNow: Node[] = [];

  /**
   * The roots, at once: a last-known tree's at once, else none ("Loading…" welcome content) until
   * the regions are read, then the whole view is redrawn with them. As for a list, VS Code is
   * never kept waiting: a second request for the roots while one waited registered them twice.
   */
  private rootChildren(): Promise<Node[]> {
    if (!this.roots && !this.rootsBuilding) {
      const generation = this.generation.current;
      this.rootsNow = [];
      this.rootsKey = undefined;
      const restored = this.restoreNext ? this.restore() : undefined;
      this.restoreNext = false;
      if (restored) {
        this.roots = restored;
      } else {
        this.rootsBuilding = true;
        void this.buildRoots(generation).then((roots) => {
          if (this.generation.isCurrent(generation)) {
            this.rootsBuilding = false;
            this.roots ??= roots;
            this.changed.fire(undefined);
          }
        });
      }
    }
    return Promise.resolve(this.roots ?? []);
  }

  private async buildRoots(generation: number): Promise<Node[]> {
    let regions: string[];
    try {
      regions = await this.session.regions();
      readResourceTypes(); // a value that cannot be used says so here, once, with Open Settings
    } catch (e) {
      if (this.generation.isCurrent(generation)) {
        this.failView(e);
      }
      return [];
    }
    if (!this.generation.isCurrent(generation)) {
      return []; // a refresh came while the regions were read: the newer tree decides
    }
    if (regions.length === 0) {
      this.setState('error', 'No AWS region is configured. Select regions, or set one in your AWS profile.');
      return [];
    }
    const roots: Node[] = viewRoots(regions);
    this.rootsKey = this.connectionKey();
    this.rootsNow = roots;
    // Given before the state says ready: whoever the state change wakes gets them.
    this.roots = roots;
    this.rootsBuilding = false;
    this.setState('ready');
    // VS Code asks for the open groups' rows in one message, from one group after the other, and
    // shows none until the last is listed: started here, their first pages load side by side.
    for (const r of roots) {
      if (r instanceof GroupNode && r.expanded) {
        void this.loadPage(r);
      }
    }
    return roots;
  }

  /** The last-known key of the connection the settings name now; undefined without a store or with a bad setting. */
  private connectionKey(): string | undefined {
    try {
      return this.lastKnown?.key();
    } catch {
      return undefined; // a bad setting: the tree says so on its own path
    }
  }

  /**
   * A cold open (or a change of connection) with a last-known tree for it: its roots at once, with
   * no call and nothing of the AWS layer loaded. The fresh lists are asked for once the view has
   * taken the restored rows (or after RESTORED_ASKS_WAIT_MS), so loading the SDK never delays them.
   */
  private restore(): Node[] | undefined {
    const key = this.connectionKey();
    let stored: StoredTree | undefined;
    try {
      readResourceTypes(); // a bad value is said on the usual path, with no rows from before
      stored = key === undefined ? undefined : this.lastKnown?.read(key);
    } catch (e) {
      this.log.error('Reading the last-known tree', e);
    }
    if (!stored || key === undefined) {
      return undefined;
    }
    const roots = restoreTree(stored);
    stored.expanded.forEach((id) => this.openIds.add(id));
    this.rootsKey = key;
    this.rootsNow = roots;
    this.lastKnownSince = stored.savedAt;
    const ids = new Set<string>();
    for (const n of this.loadedNodes()) {
      if (isListNode(n) && n.listing.lastKnown) {
        ids.add(n.id);
      }
    }
    const regions = stored.regions;
    this.endRestore();
    this.restoredAsks = { ids, timer: setTimeout(() => this.refreshRestored(roots, regions), ids.size ? RESTORED_ASKS_WAIT_MS : 0) };
    const rows = [...ids].reduce((sum, id) => sum + (stored.lists[id]?.rows.length ?? 0), 0);
    this.log.info(`Showing the last-known tree of ${new Date(stored.savedAt).toISOString()} (${rows} rows in ${ids.size} lists) while the lists load`);
    this.setState('ready');
    return roots;
  }

  /** Whether a node is still in the tree (each ancestor's list holds it, up to a root). */
  private inTree(n: Node): boolean {
    for (let c: Node = n; ; ) {
      const p = c.parent;
      if (!p) {
        return this.rootsNow.includes(c);
      }
      if (isListNode(p) ? !p.listing.items.includes(c) : !p.groups.includes(c as GroupNode)) {
        return false;
      }
      c = p;
    }
  }

  /** The view took the restored rows of a list: once it has them all, the fresh lists are asked for. */
  private servedRestored(node: ListNode): void {
    const asks = this.restoredAsks;
    if (asks && asks.ids.delete(node.id) && asks.ids.size === 0) {
      const roots = this.rootsNow;
      const regions = roots.map((r) => (r instanceof RegionNode || r instanceof GroupNode ? r.region : '')).filter((r, i, all) => r && all.indexOf(r) === i);
      clearTimeout(asks.timer);
      // After this turn, so the rows just given go out to the view before anything else runs.
      this.restoredAsks = { ids: asks.ids, timer: setTimeout(() => this.refreshRestored(roots, regions), 0) };
    }
  }

  private endRestore(): void {
    if (this.restoredAsks) {
      clearTimeout(this.restoredAsks.timer);
      this.restoredAsks = undefined;
    }
  }

  /**
   * Asks for every restored list's first page at once (one round trip for the whole tree) and
   * checks the regions behind them: another answer (the profile's region changed) starts over,
   * a failure shows as it would without the last-known tree.
   */
  private refreshRestored(roots: readonly Node[], regions: readonly string[]): void {
    this.restoredAsks = undefined;
    if (this.rootsNow !== roots) {
      return; // the view started over meanwhile
    }
    for (const n of [...this.loadedNodes()]) {
      if (isListNode(n) && n.listing.lastKnown && !n.listing.loading) {
        void this.loadPage(n);
      }
    }
    void (async () => {
      try {
        const now = await this.session.regions();
        if (this.rootsNow === roots && (now.length !== regions.length || now.some((r, i) => r !== regions[i]))) {
          this.log.info(`The regions are now ${now.join(', ')} (the last-known tree had ${regions.join(', ')}): reloading the tree`);
          this.refresh();
        }
      } catch (e) {
        if (this.rootsNow === roots) {
          this.roots = [];
          this.rootsBuilding = false;
          this.rootsNow = [];
          this.failView(e);
          this.changed.fire(undefined);
        }
      }
    })();
  }

  /** The whole view cannot show a tree: its welcome content takes over; the error is reported once by the listener. */
  private failView(e: unknown): void {
    if (e instanceof SettingsError) {
      this.setState('invalidSettings', userMessage(e), e);
    } else if (e instanceof AwsError && e.kind === 'sso-expired') {
      this.setState('ssoExpired', userMessage(e), e);
    } else if (isCredentialsError(e)) {
      this.setState('noCredentials', userMessage(e), e);
    } else {
      this.setState('error', userMessage(e), e);
    }
  }

  private listChildren(node: ListNode): Node[] {
    const listing = node.listing;
    if (!listing.loaded && listing.error === undefined) {
      void this.loadPage(node); // redraws the list when it is in
      return [this.rowsOf(node).loading];
    }
    if (listing.lastKnown) {
      this.servedRestored(node);
    }
    const f = this.filterFor(node);
    // A list the service cannot filter by name: the filter applies to the rows loaded.
    const local = f && !f.serverSide ? f.text : undefined;
    const children: Node[] = local === undefined ? [...listing.items] : listing.items.filter((n) => nameMatches(labelOf(n), local));
    const rows = this.rowsOf(node);
    if (listing.error !== undefined) {
      if (rows.error?.error !== listing.error) {
        rows.error = new ErrorNode(node, listing.error);
      }
      children.push(rows.error);
    } else if (listing.nextToken || listing.lastKnown?.more) {
      children.push(rows.loadMore);
    } else if (children.length === 0) {
      const filtered = f ? (f.serverSide ? 'server' : 'loaded') : false;
      if (rows.empty?.filtered !== filtered) {
        rows.empty = new EmptyNode(node, filtered);
      }
      children.push(rows.empty);
      this.checkEmptyAccount();
    }
    return children;
  }

  /** The rows a list shows besides its items, one object each for as long as the list lives: an id names one element. */
  private rowsOf(node: ListNode): ListRows {
    let rows = this.listRows.get(node);
    if (!rows) {
      rows = { loading: new LoadingNode(node), loadMore: new LoadMoreNode(node) };
      this.listRows.set(node, rows);
    }
    return rows;
  }

  private readonly listRows = new WeakMap<ListNode, ListRows>();

  /** Fetches one page into a list; concurrent callers share the same request. */
  private loadPage(node: ListNode): Promise<void> {
    const listing = node.listing;
    if (listing.loading) {
      return listing.loading;
    }
    // Last-known rows are replaced by the fresh first page (their ids kept where they match).
    const replacing = listing.lastKnown !== undefined;
    const token = listing.loaded && !replacing ? listing.nextToken : undefined;
    const generation = listing.generation;
    const tree = this.generation.current;
    const p = (async () => {
      await Promise.resolve(); // so `listing.loading` is set before any outcome below
      /** The list's rows changed: VS Code is told once the page is no longer on its way. */
      let redraw = false;
      try {
        const access = this.session.access();
        const f = this.filterFor(node);
        const page = await node.fetchPage({
          access,
          signal: listing.signal,
          nextToken: token,
          pageSize: readPageSize(),
          filter: f?.serverSide ? f.text : undefined,
          changed: (nodes) => {
            if (listing.generation === generation && nodes.length > 0) {
              this.changed.fire(nodes);
            }
          },
          redraw: (n) => this.changed.fire(n),
          logError: (context, e) => this.log.error(context, e),
        });
        if (listing.generation !== generation) {
          return; // reset while loading: drop the stale page
        }
        if (replacing) {
          listing.items = adoptFresh(listing.items, page.items);
          listing.lastKnown = undefined;
        } else {
          listing.append(page.items);
        }
        listing.nextToken = page.nextToken;
        listing.loaded = true;
        listing.error = undefined;
        redraw = true;
      } catch (e) {
        if (listing.generation !== generation || !this.generation.isCurrent(tree)) {
          return; // this list was reset, or the whole tree started over, while it loaded
        }
        listing.error = e;
        if (replacing) {
          // As without the last-known tree: the list shows its error row, not rows from before.
          listing.items = [];
          listing.lastKnown = undefined;
        }
        if (isCredentialsError(e) || e instanceof SettingsError) {
          // Every list would fail the same way: the view says it once, with its buttons.
          this.generation.next();
          this.roots = [];
          this.rootsBuilding = false;
          this.rootsNow = [];
          this.failView(e);
          this.changed.fire(undefined);
        } else {
          this.log.error(`Listing ${node.listName}`, e);
          redraw = true;
        }
      } finally {
        if (listing.generation === generation) {
          listing.loading = undefined;
        }
      }
      if (redraw) {
        if (listing.error === undefined) {
          this.pageListeners.fire(node);
        }
        this.changed.fire(node);
      }
    })();
    listing.loading = p;
    return p;
  }

  /** One region, nothing filtered, every group shown loaded and empty: the welcome content says so. */
  private checkEmptyAccount(): void {
    if (this.filterState || this.rootsNow.length === 0 || !this.rootsNow.every((n) => n instanceof GroupNode)) {
      return;
    }
    const groups = this.rootsNow.filter((n): n is GroupNode => n instanceof GroupNode);
    if (groups.some((g) => g.listing.lastKnown)) {
      return; // said when the fresh lists are in
    }
    if (groups.every((g) => g.listing.loaded && g.listing.items.length === 0 && !g.listing.nextToken && g.listing.error === undefined)) {
      this.generation.next();
      this.roots = [];
      this.rootsBuilding = false;
      this.rootsNow = [];
      const names = groups.map((g) => g.listName);
      const list = names.length > 1 ? `${names.slice(0, -1).join(', ')}${names.length > 2 ? ',' : ''} or ${names[names.length - 1]}` : names[0];
      this.setState('empty', `No SageMaker ${list} in ${groups[0].region}.`);
      setTimeout(() => this.changed.fire(undefined), 0);
    }
  }

  private setState(state: ViewState, message?: string, error?: unknown): void {
    const changed = this.state !== state || this.stateMessage !== message;
    this.state = state;
    this.stateMessage = message;
    if (changed) {
      this.stateListeners.fire({ state, error });
    }
  }
}

/** The rows of a list that are not its items. */
interface ListRows {
  readonly loading: LoadingNode;
  readonly loadMore: LoadMoreNode;
  error?: ErrorNode;
  empty?: EmptyNode;
}

/**
 * A list's fresh first page in place of its last-known rows. A list row (domain, user profile)
 * that was there keeps its node, with the fresh data: its own last-known list (being refreshed
 * at the same time) and its place in the view stay. Other rows are the fresh nodes.
 */
function adoptFresh(before: readonly Node[], fresh: readonly Node[]): Node[] {
  const old = new Map(before.map((n) => [n.id, n]));
  return fresh.map((f) => {
    const o = old.get(f.id);
    if (o instanceof DomainNode && f instanceof DomainNode) {
      // ListDomains says no AuthMode; a domain keeps the one it was created with.
      o.domain = { ...f.domain, authMode: f.domain.authMode ?? o.domain.authMode };
      return o;
    }
    if (o instanceof UserProfileNode && f instanceof UserProfileNode) {
      o.profile = f.profile;
      return o;
    }
    return f;
  });
}

/** The label a row shows (what a filter of the loaded rows matches). */
function labelOf(n: Node): string {
  const label = n.treeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}
