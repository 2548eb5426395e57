import * as vscode from 'vscode';
import type { Domain, MlflowTrackingServer, NotebookInstance, Space } from '../aws/index';
import type { LastKnownSource } from '../lastKnown/keeper';
import type { StoredTree } from '../lastKnown/snapshot';
import type { Log } from '../log';
import type { Session } from '../session';
import type { ActiveFilter } from './filter';
import type { UrlTarget } from './target';
import { TreeFilter } from './filterState';
import { TreeGeneration } from './generation';
import { LastKnownRestore } from './lastKnownRestore';
import { hoverTooltip } from './hover';
import { OpenNodes } from './openNodes';
import { TreeRoots } from './roots';
import type { snapshotTree } from './lastKnownSnapshot';
import type { GroupNode } from './group';
import { isTransitional, type RowUpdate } from './listing';
import { loadPage } from './listPages';
import { emptyAccountMessage, ListRowsCache, loadedChildren, nodesUnder } from './listRows';
import {
  domainUpdate,
  isListNode,
  type ErrorNode,
  type LoadMoreNode,
  notebookUpdate,
  spaceUpdate,
  trackingServerUpdate,
  type ListNode,
  type Node,
  type RegionNode,
} from './nodes';
import { ViewStateHolder, type ViewState } from './viewState';

export type { LastKnownSource } from '../lastKnown/keeper';
export type { ViewState, ViewStateChange } from './viewState';

/**
 * The tree of SageMaker resources. Lists are fetched when their node is expanded, one page at a
 * time (./listPages.ts); a failed list becomes an error node under its own parent. One change
 * event serves both a whole-view refresh (undefined) and a single node. The view's state, its
 * filter and the last-known restore are modules of their own (./viewState.ts, ./filterState.ts,
 * ./lastKnownRestore.ts); what a row is and how it is read again is its kind's (the node modules).
 */
export class ResourceTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | Node[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  private readonly roots: TreeRoots;
  private readonly view = new ViewStateHolder();
  readonly onDidChangeState = this.view.onDidChange;
  private readonly treeFilter = new TreeFilter();
  private readonly pageListeners = new vscode.EventEmitter<ListNode>();
  /** A page of a list arrived (its rows are in the tree now): for the poller. */
  readonly onDidLoadPage = this.pageListeners.event;
  /** Checked before anything changes the roots or the view state: an older tree's answers change nothing. */
  readonly generation = new TreeGeneration();
  private readonly lastKnown: LastKnownRestore;

  private readonly open = new OpenNodes();
  /** The rows a list shows besides its items, one object each for as long as the list lives: an id names one element. */
  private readonly listRows = new ListRowsCache();

  constructor(
    readonly session: Session,
    readonly log: Log,
    lastKnown?: LastKnownSource,
    /** ./lastKnownSnapshot.ts's: the commands' code (dist/commands.js), loaded by the first write; none, nothing to keep. */
    private readonly snapshot?: typeof snapshotTree,
  ) {
    this.lastKnown = new LastKnownRestore(
      {
        log,
        rootsNow: () => this.roots.now,
        loadedNodes: () => this.loadedNodes(),
        loadPage: (list) => this.loadPage(list),
        regions: () => this.session.regions(),
        refresh: () => this.refresh(),
        failRoots: (e) => this.failRoots(e),
      },
      lastKnown,
    );
    this.roots = new TreeRoots({
      session,
      view: this.view,
      generation: this.generation,
      lastKnown: this.lastKnown,
      open: this.open,
      redrawAll: () => this.changed.fire(undefined),
      loadPage: (list) => this.loadPage(list),
    });
  }

  /**
   * While the view shows rows of the last-known tree (not refreshed yet): when they were written.
   * Undefined once every restored list has its fresh answer (or its error), or was closed.
   */
  get showingLastKnown(): number | undefined {
    return this.lastKnown.showingSince;
  }

  /** Whether a row is one of the last-known tree's, not refreshed yet. */
  isLastKnown(node: Node): boolean {
    const p = node.parent;
    return isListNode(p) && p.listing.lastKnown !== undefined;
  }

  /** Whether a node is open in the view (./openNodes.ts). */
  isOpen(node: RegionNode | ListNode): boolean {
    return this.open.isOpen(node);
  }

  /** The view expanded or collapsed a node. A closed list drops last-known rows it still shows (it loads afresh when opened). */
  setExpanded(node: Node, expanded: boolean): void {
    this.open.set(node, expanded);
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
    if (!this.snapshot || this.view.state !== 'ready' || this.treeFilter.text !== undefined || this.roots.key === undefined || this.showingLastKnown !== undefined) {
      return undefined;
    }
    // A group of a one-region view opens by itself (no event); other nodes are open once the view said so.
    return this.snapshot(this.roots.now, this.roots.key, now, (n) => this.isOpen(n));
  }

  get viewState(): ViewState {
    return this.view.state;
  }

  /** What the view's state is about, in words (the welcome content is generic). */
  get viewMessage(): string | undefined {
    return this.view.message;
  }

  get filter(): string | undefined {
    return this.treeFilter.text;
  }

  /** The keys of the lists the filter applies to (NameFilter.key), kept between filters. */
  get filterLists(): ReadonlySet<string> {
    return this.treeFilter.lists;
  }

  /** Filters by name the lists in `scope` (default: the last scope chosen); empty text shows all. */
  setFilter(text: string | undefined, scope?: readonly string[]): void {
    this.treeFilter.set(text, scope);
    this.refresh();
  }

  /** How the filter applies to one list, if it does. */
  filterFor(node: ListNode): ActiveFilter {
    return this.treeFilter.for(node);
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
    this.lastKnown.reset();
    this.roots.reset(options.lastKnown === true);
    this.view.set('loading');
    this.changed.fire(undefined);
  }

  /** Reloads one node: a list node forgets its pages; a row is read again as its kind says. */
  async refreshNode(node: Node): Promise<void> {
    if (isListNode(node)) {
      node.listing.reset();
      this.changed.fire(node);
    } else if (node.kind === 'region') {
      node.groups.forEach((g) => g.listing.reset());
      this.changed.fire(node);
    } else if ('reread' in node) {
      this.update(await node.reread(this.session.access()));
    } else if (isTransitional(node)) {
      // As the poller reads it (one Describe call).
      this.update({ key: node.stateKey, apply: await node.readState(this.session.access(), new AbortController().signal) });
    }
  }

  /** The hover's details, asked by VS Code when the pointer rests on a row (a kind may need a call for them first). */
  async resolveTreeItem(item: vscode.TreeItem, node: Node): Promise<vscode.TreeItem> {
    if ('hoverDetails' in node) {
      await node.hoverDetails(
        this.session.access(),
        (context, e) => this.log.error(context, e),
        (line) => this.log.info(line),
      );
    }
    const since = this.isLastKnown(node) ? (node.parent as ListNode).listing.lastKnown?.savedAt : undefined;
    const tip = hoverTooltip(node, since, isListNode(node) ? this.filterFor(node) : undefined);
    if (tip) {
      item.tooltip = tip;
    }
    return item;
  }

  /** The row without its hover details: resolveTreeItem gives those. */
  getTreeItem(node: Node): vscode.TreeItem {
    const item = node.treeItem();
    const f = isListNode(node) ? this.filterFor(node) : undefined;
    if (f && node.kind === 'group') {
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
      return this.roots.forView();
    }
    if (node.kind === 'region') {
      return node.groups;
    }
    if (isListNode(node)) {
      // A list a refresh dropped: VS Code can still ask for it, late, from before the refresh.
      // Its rows would never show (VS Code asks the new tree next): no call for them.
      return this.roots.contains(node) ? this.listChildren(node) : [];
    }
    return [];
  }

  /** Loads the next page of a list whose last child is "Load more…". */
  async loadMore(node: LoadMoreNode | ListNode): Promise<void> {
    const list = node.kind === 'loadMore' ? node.parent : node;
    // Last-known rows keep no page token: the fresh first page comes first, then the next one.
    const restored = list.listing.lastKnown !== undefined;
    await this.loadPage(list);
    if (restored && list.listing.nextToken && list.listing.error === undefined && this.roots.contains(list)) {
      await this.loadPage(list);
    }
  }

  /** Clears a list's error and asks again. */
  retry(node: ErrorNode): void {
    node.parent.listing.error = undefined;
    this.changed.fire(node.parent);
  }

  /** The tree's group of this kind in a region, if the tree shows it now (the view built, the region and group chosen). */
  groupFor(region: string, group: string): GroupNode | undefined {
    for (const r of this.roots.now) {
      const groups = r.kind === 'region' ? r.groups : r.kind === 'group' ? [r] : [];
      const found = groups.find((g) => g.region === region && g.group === group);
      if (found) {
        return found;
      }
    }
    return undefined;
  }

  /**
   * Whether the palette can offer a list's rows as the tree has them: in the tree now, fresh
   * (loaded in this window within 5 minutes, no error, not last-known rows) and not filtered.
   */
  isKnown(list: ListNode): boolean {
    return list.listing.isFresh() && this.filterFor(list) === undefined && this.roots.contains(list);
  }

  /** Every node currently in the tree (the loaded part), for finding the nodes of one resource. */
  loadedNodes(): Generator<Node> {
    return nodesUnder(this.roots.now);
  }

  /** Puts what is newly known of one resource into every row showing it, and redraws them. */
  update(u: RowUpdate): void {
    for (const n of this.loadedNodes()) {
      if (isTransitional(n) && n.stateKey === u.key) {
        u.apply(n);
        this.changed.fire(n);
      }
    }
  }

  /** What a command learned of a target's resource (a start, a stop, a Describe), into every row showing it. */
  updateTarget(t: UrlTarget): void {
    for (const n of this.loadedNodes()) {
      if ('takeTarget' in n && n.takeTarget(t)) {
        this.changed.fire(n);
      }
    }
  }

  // What commands and tests learn of one resource (a start, a stop, a Describe), as its kind puts it in the rows.
  readonly updateSpace = (space: Space): void => this.update(spaceUpdate(space));
  readonly updateDomain = (domain: Domain): void => this.update(domainUpdate(domain));
  readonly updateNotebook = (notebook: NotebookInstance): void => this.update(notebookUpdate(notebook));
  readonly updateTrackingServer = (server: MlflowTrackingServer): void => this.update(trackingServerUpdate(server));

  dispose(): void {
    this.changed.dispose();
    this.view.dispose();
    this.pageListeners.dispose();
  }

  /** No tree can show: no roots, the view's welcome content says why. */
  private failRoots(e: unknown): void {
    this.roots.clear();
    this.view.fail(e);
    this.changed.fire(undefined);
  }

  private listChildren(node: ListNode): Node[] {
    const listing = node.listing;
    if (!listing.loaded && listing.error === undefined) {
      void this.loadPage(node); // redraws the list when it is in
      return [this.listRows.of(node).loading];
    }
    if (listing.lastKnown) {
      this.lastKnown.served(node);
    }
    const { children, empty } = loadedChildren(node, this.listRows.of(node), this.filterFor(node));
    if (empty) {
      this.checkEmptyAccount();
    }
    return children;
  }

  /** Fetches one page into a list; concurrent callers share the same request (./listPages.ts). */
  private loadPage(node: ListNode): Promise<void> {
    return loadPage(
      {
        session: this.session,
        log: this.log,
        generation: this.generation,
        filterFor: (n) => this.filterFor(n),
        fire: (nodes) => this.changed.fire(nodes),
        pageLoaded: (n) => this.pageListeners.fire(n),
        failAll: (e) => {
          this.generation.next();
          this.failRoots(e);
        },
      },
      node,
    );
  }

  /** One region, nothing filtered, every group shown loaded and empty: the welcome content says so. */
  private checkEmptyAccount(): void {
    const message = this.treeFilter.text === undefined ? emptyAccountMessage(this.roots.now) : undefined;
    if (message !== undefined) {
      this.generation.next();
      this.roots.clear();
      this.view.set('empty', message);
      setTimeout(() => this.changed.fire(undefined), 0);
    }
  }
}
