import * as vscode from 'vscode';
import type { Domain, NotebookInstance, Page, SageMakerAccess, Space, UserProfile } from '../aws/index';
import { icon, joinDescription, notebookCodicon, spaceCodicon, toneOf, tooltip } from './presentation';

/** What a list node has fetched so far: items of the pages loaded, the next token, or the error. */
export class Listing {
  items: Node[] = [];
  nextToken?: string;
  loaded = false;
  error?: unknown;
  loading?: Promise<void>;
  /** Bumped by reset, so a page that arrives after a reset is dropped. */
  generation = 0;

  reset(): void {
    this.generation++;
    this.items = [];
    this.nextToken = undefined;
    this.loaded = false;
    this.error = undefined;
    this.loading = undefined;
  }
}

export interface FetchContext {
  readonly access: SageMakerAccess;
  readonly nextToken?: string;
  /** MaxResults of one page (setting sagemaker.pageSize). */
  readonly pageSize: number;
  /** The view's name filter; applied to spaces and notebook instances. */
  readonly filter?: string;
}

interface BaseNode {
  readonly id: string;
  readonly parent?: ListNode | RegionNode;
  treeItem(): vscode.TreeItem;
}

/** A node whose children come from the service, one page at a time. */
interface ListNodeBase extends BaseNode {
  readonly listing: Listing;
  /** What the list is, for messages: "domains", "notebook instances"... */
  readonly listName: string;
  fetchPage(ctx: FetchContext): Promise<{ items: Node[]; nextToken?: string }>;
}

export type ListNode = GroupNode | DomainNode | UserProfileNode;

export type Node = RegionNode | GroupNode | DomainNode | UserProfileNode | SpaceNode | NotebookNode | LoadMoreNode | ErrorNode | EmptyNode;

export function isListNode(n: Node | undefined): n is ListNode {
  return n instanceof GroupNode || n instanceof DomainNode || n instanceof UserProfileNode;
}

function map<T>(page: Page<T>, make: (t: T) => Node): { items: Node[]; nextToken?: string } {
  return { items: page.items.map(make), nextToken: page.nextToken };
}

export class RegionNode implements BaseNode {
  readonly kind = 'region';
  readonly id: string;
  readonly parent = undefined;
  readonly groups: GroupNode[];

  constructor(readonly region: string) {
    this.id = `region:${region}`;
    this.groups = [new GroupNode(region, 'domains', this), new GroupNode(region, 'notebooks', this)];
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = icon('globe');
    item.contextValue = 'sagemaker.region';
    item.tooltip = tooltip(`Region ${this.region}`, []);
    return item;
  }
}

export class GroupNode implements ListNodeBase {
  readonly kind = 'group';
  readonly id: string;
  readonly listing = new Listing();
  readonly listName: string;
  /** In a one-region view the groups are the root and open by themselves. */
  expanded = false;

  constructor(
    readonly region: string,
    readonly group: 'domains' | 'notebooks',
    readonly parent: RegionNode | undefined,
  ) {
    this.id = `${parent ? parent.id : `root:${region}`}/${group}`;
    this.listName = group === 'domains' ? 'Studio domains' : 'notebook instances';
  }

  get label(): string {
    return this.group === 'domains' ? 'Studio Domains' : 'Notebook Instances';
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.label,
      this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    item.iconPath = icon(this.group === 'domains' ? 'organization' : 'notebook');
    item.contextValue = `sagemaker.group.${this.group}`;
    item.tooltip = tooltip(this.label, [['Region', this.region]]);
    return item;
  }

  async fetchPage(ctx: FetchContext): Promise<{ items: Node[]; nextToken?: string }> {
    if (this.group === 'domains') {
      const page = await ctx.access.listDomains(this.region, { nextToken: ctx.nextToken, maxResults: ctx.pageSize });
      return map(page, (d) => new DomainNode(d, this));
    }
    const page = await ctx.access.listNotebookInstances(this.region, { nextToken: ctx.nextToken, maxResults: ctx.pageSize, nameContains: ctx.filter });
    return map(page, (n) => new NotebookNode(n, this));
  }
}

export class DomainNode implements ListNodeBase {
  readonly kind = 'domain';
  readonly id: string;
  readonly listing = new Listing();
  readonly listName = 'user profiles';

  constructor(
    public domain: Domain,
    readonly parent: GroupNode,
  ) {
    this.id = `${parent.id}/domain:${domain.domainId}`;
  }

  get region(): string {
    return this.domain.region;
  }

  treeItem(): vscode.TreeItem {
    const d = this.domain;
    const item = new vscode.TreeItem(d.domainName || d.domainId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = joinDescription([d.status, d.domainId]);
    item.iconPath = icon('organization', toneOf(d.status));
    item.contextValue = 'sagemaker.domain';
    item.tooltip = tooltip(`Domain ${d.domainName}`, [
      ['Domain ID', d.domainId],
      ['Status', d.status],
      ['Region', d.region],
      ['ARN', d.domainArn],
      ['Created', d.creationTime],
      ['Last modified', d.lastModifiedTime],
    ]);
    return item;
  }

  async fetchPage(ctx: FetchContext): Promise<{ items: Node[]; nextToken?: string }> {
    const page = await ctx.access.listUserProfiles(this.region, this.domain.domainId, { nextToken: ctx.nextToken, maxResults: ctx.pageSize });
    return map(page, (u) => new UserProfileNode(u, this));
  }
}

export class UserProfileNode implements ListNodeBase {
  readonly kind = 'userProfile';
  readonly id: string;
  readonly listing = new Listing();
  readonly listName = 'spaces';

  constructor(
    public profile: UserProfile,
    readonly parent: DomainNode,
  ) {
    this.id = `${parent.id}/user:${profile.userProfileName}`;
  }

  get region(): string {
    return this.profile.region;
  }

  get domain(): Domain {
    return this.parent.domain;
  }

  treeItem(): vscode.TreeItem {
    const u = this.profile;
    const item = new vscode.TreeItem(u.userProfileName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = u.status && u.status !== 'InService' ? u.status : undefined;
    item.iconPath = icon('account', u.status && u.status !== 'InService' ? toneOf(u.status) : undefined);
    item.contextValue = 'sagemaker.userProfile';
    item.tooltip = tooltip(`User profile ${u.userProfileName}`, [
      ['Domain', `${this.domain.domainName} (${u.domainId})`],
      ['Status', u.status],
      ['Region', u.region],
      ['Created', u.creationTime],
      ['Last modified', u.lastModifiedTime],
    ]);
    return item;
  }

  async fetchPage(ctx: FetchContext): Promise<{ items: Node[]; nextToken?: string }> {
    const page = await ctx.access.listSpacesFor(this.region, this.profile.domainId, this.profile.userProfileName, {
      nextToken: ctx.nextToken,
      maxResults: ctx.pageSize,
      nameContains: ctx.filter,
    });
    return map(page, (s) => new SpaceNode(s, this));
  }
}

export class SpaceNode implements BaseNode {
  readonly kind = 'space';
  readonly id: string;

  constructor(
    public space: Space,
    readonly parent: UserProfileNode,
  ) {
    this.id = `${parent.id}/space:${space.spaceName}`;
  }

  get region(): string {
    return this.space.region;
  }

  /** The user profile a URL for this space is made for: the owner of a private space, else the one it is under. */
  get userProfileName(): string {
    return this.space.sharingType === 'Private' && this.space.ownerUserProfileName
      ? this.space.ownerUserProfileName
      : this.parent.profile.userProfileName;
  }

  get domain(): Domain {
    return this.parent.domain;
  }

  treeItem(): vscode.TreeItem {
    const s = this.space;
    const appType = s.app?.appType ?? s.appType;
    const item = new vscode.TreeItem(s.spaceDisplayName || s.spaceName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = joinDescription([appType, s.sharingType, s.appState]);
    item.iconPath = icon(spaceCodicon(appType), toneOf(s.appState));
    item.contextValue = `sagemaker.space.${s.appState.toLowerCase()}`;
    item.tooltip = tooltip(`Space ${s.spaceDisplayName || s.spaceName}`, [
      ['Space name', s.spaceName],
      ['App type', appType],
      ['Sharing', s.sharingType],
      ['Owner', s.ownerUserProfileName],
      ['App', s.app ? `${s.app.appName} (${s.app.status})` : 'none'],
      ['App state', s.appState],
      ['Space status', s.status],
      ['Domain', `${this.domain.domainName} (${s.domainId})`],
      ['Region', s.region],
      ['Created', s.creationTime],
      ['Last modified', s.lastModifiedTime],
    ]);
    return item;
  }
}

/** contextValue state of a notebook instance, in the words the menus use. */
export function notebookState(status: string | undefined): string {
  switch (status) {
    case 'InService':
      return 'running';
    case 'Pending':
      return 'starting';
    case undefined:
      return 'unknown';
    default:
      return status.toLowerCase();
  }
}

export class NotebookNode implements BaseNode {
  readonly kind = 'notebook';
  readonly id: string;

  constructor(
    public notebook: NotebookInstance,
    readonly parent: GroupNode,
  ) {
    this.id = `${parent.id}/notebook:${notebook.notebookInstanceName}`;
  }

  get region(): string {
    return this.notebook.region;
  }

  treeItem(): vscode.TreeItem {
    const n = this.notebook;
    const item = new vscode.TreeItem(n.notebookInstanceName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = joinDescription([n.status, n.instanceType]);
    item.iconPath = icon(notebookCodicon(n.status), toneOf(n.status));
    item.contextValue = `sagemaker.notebook.${notebookState(n.status)}`;
    item.tooltip = tooltip(`Notebook instance ${n.notebookInstanceName}`, [
      ['Status', n.status],
      ['Instance type', n.instanceType],
      ['Region', n.region],
      ['ARN', n.notebookInstanceArn],
      ['Created', n.creationTime],
      ['Last modified', n.lastModifiedTime],
    ]);
    return item;
  }
}

/** The last child of a list that has more pages. */
export class LoadMoreNode implements BaseNode {
  readonly kind = 'loadMore';
  readonly id: string;

  constructor(readonly parent: ListNode) {
    this.id = `${parent.id}/#loadMore`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = icon('ellipsis');
    item.contextValue = 'sagemaker.loadMore';
    item.tooltip = `Load the next page of ${this.parent.listName}`;
    item.command = { command: 'sagemaker.loadMore', title: 'Load More', arguments: [this] };
    return item;
  }
}

/** Stands where a list failed to load, under that list's parent only; clicking it retries. */
export class ErrorNode implements BaseNode {
  readonly kind = 'error';
  readonly id: string;

  constructor(
    readonly parent: ListNode,
    readonly message: string,
  ) {
    this.id = `${parent.id}/#error`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`Could not list ${this.parent.listName}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.message;
    item.iconPath = icon('error', 'bad');
    item.contextValue = 'sagemaker.error';
    item.tooltip = tooltip(`Could not list ${this.parent.listName}`, [['Reason', this.message], ['Retry', 'click to try again']]);
    item.command = { command: 'sagemaker.retry', title: 'Retry', arguments: [this] };
    return item;
  }
}

/** Says a list is empty (instead of a node that does not expand). */
export class EmptyNode implements BaseNode {
  readonly kind = 'empty';
  readonly id: string;

  constructor(
    readonly parent: ListNode,
    readonly filtered: boolean,
  ) {
    this.id = `${parent.id}/#empty`;
  }

  treeItem(): vscode.TreeItem {
    const text = `No ${this.parent.listName}${this.filtered ? ' match the filter' : ''}`;
    const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'sagemaker.empty';
    return item;
  }
}
