import * as vscode from 'vscode';
import type { NotebookInstance, Space } from '../aws/index';
import { AwsError } from '../aws/index';
import { isCredentialsError, userMessage } from '../errors';
import type { Log } from '../log';
import type { Session } from '../session';
import { SettingsError, readPageSize } from '../settings';
import {
  EmptyNode,
  ErrorNode,
  GroupNode,
  isListNode,
  LoadMoreNode,
  NotebookNode,
  RegionNode,
  SpaceNode,
  UserProfileNode,
  type ListNode,
  type Node,
} from './nodes';
import { TreeGeneration } from './generation';
import { rootGroups } from './groups';

/** What the view shows when it has no tree: drives `viewsWelcome` through the `sagemaker.viewState` context key. */
export type ViewState = 'loading' | 'ready' | 'noCredentials' | 'ssoExpired' | 'invalidSettings' | 'error' | 'empty';

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
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  private roots?: Promise<Node[]>;
  private state: ViewState = 'loading';
  private stateMessage?: string;
  private filterText?: string;
  private readonly stateListeners = new vscode.EventEmitter<ViewStateChange>();
  readonly onDidChangeState = this.stateListeners.event;
  /** Checked before anything changes the roots or the view state: an older tree's answers change nothing. */
  private readonly generation = new TreeGeneration();

  constructor(
    private readonly session: Session,
    private readonly log: Log,
  ) {}

  get viewState(): ViewState {
    return this.state;
  }

  /** What the view's state is about, in words (the welcome content is generic). */
  get viewMessage(): string | undefined {
    return this.stateMessage;
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  setFilter(text: string | undefined): void {
    this.filterText = text?.trim() || undefined;
    this.refresh();
  }

  /** Starts over: forget every list (and the regions), redraw the whole view. */
  refresh(): void {
    this.generation.next();
    this.roots = undefined;
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
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.treeItem();
  }

  getParent(node: Node): Node | undefined {
    return node.parent;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      return this.rootChildren();
    }
    if (node instanceof RegionNode) {
      return node.groups;
    }
    if (isListNode(node)) {
      return this.listChildren(node);
    }
    return [];
  }

  /** Loads the next page of a list whose last child is "Load more…". */
  async loadMore(node: LoadMoreNode | ListNode): Promise<void> {
    const list = node instanceof LoadMoreNode ? node.parent : node;
    await this.loadPage(list);
    this.changed.fire(list);
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

  updateNotebook(notebook: NotebookInstance): void {
    for (const n of this.loadedNodes()) {
      if (n instanceof NotebookNode && n.notebook.region === notebook.region && n.notebook.notebookInstanceName === notebook.notebookInstanceName) {
        n.notebook = notebook;
        this.changed.fire(n);
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.stateListeners.dispose();
  }

  private rootsNow: Node[] = [];

  private rootChildren(): Promise<Node[]> {
    if (!this.roots) {
      this.roots = this.buildRoots();
    }
    return this.roots;
  }

  private async buildRoots(): Promise<Node[]> {
    const generation = this.generation.current;
    let regions: string[];
    try {
      regions = await this.session.regions();
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
    const roots: Node[] =
      regions.length === 1
        ? rootGroups(regions[0], undefined)
        : regions.map((r) => new RegionNode(r));
    // One region: the two groups open by themselves, so an empty account is noticed and said.
    roots.forEach((r) => {
      if (r instanceof GroupNode) {
        r.expanded = true;
      }
    });
    this.rootsNow = roots;
    this.setState('ready');
    return roots;
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

  private async listChildren(node: ListNode): Promise<Node[]> {
    const listing = node.listing;
    if (!listing.loaded && listing.error === undefined) {
      await this.loadPage(node);
    }
    const children: Node[] = [...listing.items];
    if (listing.error !== undefined) {
      children.push(new ErrorNode(node, listing.error));
    } else if (listing.nextToken) {
      children.push(new LoadMoreNode(node));
    } else if (children.length === 0) {
      children.push(new EmptyNode(node, !!this.filterText && (node instanceof UserProfileNode || (node instanceof GroupNode && node.spec.filtered))));
      this.checkEmptyAccount();
    }
    return children;
  }

  /** Fetches one page into a list; concurrent callers share the same request. */
  private loadPage(node: ListNode): Promise<void> {
    const listing = node.listing;
    if (listing.loading) {
      return listing.loading;
    }
    const token = listing.loaded ? listing.nextToken : undefined;
    const generation = listing.generation;
    const tree = this.generation.current;
    const p = (async () => {
      await Promise.resolve(); // so `listing.loading` is set before any outcome below
      try {
        const access = this.session.access();
        const page = await node.fetchPage({ access, nextToken: token, pageSize: readPageSize(), filter: this.filterText });
        if (listing.generation !== generation) {
          return; // reset while loading: drop the stale page
        }
        listing.append(page.items);
        listing.nextToken = page.nextToken;
        listing.loaded = true;
        listing.error = undefined;
      } catch (e) {
        if (listing.generation !== generation || !this.generation.isCurrent(tree)) {
          return; // this list was reset, or the whole tree started over, while it loaded
        }
        listing.error = e;
        if (isCredentialsError(e) || e instanceof SettingsError) {
          // Every list would fail the same way: the view says it once, with its buttons.
          this.generation.next();
          this.roots = Promise.resolve([]);
          this.rootsNow = [];
          this.failView(e);
          this.changed.fire(undefined);
        } else {
          this.log.error(`Listing ${node.listName}`, e);
        }
      } finally {
        if (listing.generation === generation) {
          listing.loading = undefined;
        }
      }
    })();
    listing.loading = p;
    return p;
  }

  /** One region, nothing filtered, both groups loaded and empty: the welcome content says so. */
  private checkEmptyAccount(): void {
    if (this.filterText || this.rootsNow.length !== 2 || !this.rootsNow.every((n) => n instanceof GroupNode)) {
      return;
    }
    const groups = this.rootsNow.filter((n): n is GroupNode => n instanceof GroupNode);
    if (groups.every((g) => g.listing.loaded && g.listing.items.length === 0 && !g.listing.nextToken && g.listing.error === undefined)) {
      this.generation.next();
      this.roots = Promise.resolve([]);
      this.rootsNow = [];
      this.setState('empty', `No SageMaker domains or notebook instances in ${groups[0].region}.`);
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
