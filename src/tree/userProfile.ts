import * as vscode from 'vscode';
import type { RowData } from '../lastKnown/snapshot';
import type { UrlTarget } from './target';
import type { Domain, SageMakerAccess, Space, UserProfile } from '../aws/index';
import type { NameFilter } from './filter';
import { Listing, map, type FetchContext, type ListNodeBase, type Transitional, type Node, type KeptRow, type OpenableRow, type RestoringList, type TreeNodeKinds } from './listing';
import { icon, isPassing, opensRow, toneOf, tooltip } from './presentation';
import { SpaceNode } from './space';

/** The spaces of a profile: ListSpaces filters by name itself. */
export const SPACES_FILTER: NameFilter = { key: 'spaces', label: 'Spaces', serverParam: 'SpaceNameContains', byDefault: false };

export class UserProfileNode implements ListNodeBase, Transitional, OpenableRow, KeptRow, RestoringList {
  readonly kind = 'userProfile';
  readonly id: string;
  readonly listing = new Listing();
  readonly listName = 'spaces';
  readonly nameFilter = SPACES_FILTER;
  /** Open in the view (followed from its expand/collapse events; kept in the last-known tree). */
  expanded = false;

  constructor(
    public profile: UserProfile,
    readonly parent: TreeNodeKinds['domain'],
  ) {
    this.id = `${parent.id}/user:${profile.userProfileName}`;
  }

  stored(): RowData {
    return { kind: 'userProfile', data: this.profile };
  }


  /** Studio for this user profile. */
  target(): UrlTarget {
    return { kind: 'studio', region: this.region, domain: this.domain, userProfileName: this.profile.userProfileName };
  }

  /** A kept space of this profile. */
  keptChild(row: RowData): Node | undefined {
    return row.kind === 'space' && row.data.domainId === this.profile.domainId ? new SpaceNode(row.data, this) : undefined;
  }

  get region(): string {
    return this.profile.region;
  }

  get domain(): Domain {
    return this.parent.domain;
  }

  get transitional(): boolean {
    return isPassing(this.profile.status);
  }

  /** Takes a fresh row of the same profile (a last-known row replaced by its list's fresh page); false for another row. */
  adopt(fresh: Node): boolean {
    if (!(fresh instanceof UserProfileNode)) {
      return false;
    }
    this.profile = fresh.profile;
    return true;
  }

  get stateKey(): string {
    return JSON.stringify(['userProfile', this.region, this.profile.domainId, this.profile.userProfileName]);
  }

  async readState(access: SageMakerAccess, signal: AbortSignal): Promise<(row: Node) => void> {
    const fresh = await access.describeUserProfile(this.region, this.profile.domainId, this.profile.userProfileName, signal);
    return (row) => {
      if (row instanceof UserProfileNode) {
        row.profile = fresh;
      }
    };
  }

  treeItem(): vscode.TreeItem {
    const u = this.profile;
    const item = new vscode.TreeItem(u.userProfileName, this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = u.status && u.status !== 'InService' ? u.status : undefined;
    item.iconPath = icon('account', u.status && u.status !== 'InService' ? toneOf(u.status) : undefined);
    item.contextValue = 'sagemaker.userProfile';
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const u = this.profile;
    return tooltip(`User profile ${u.userProfileName}`, [
      ['Domain', `${this.domain.domainName} (${u.domainId})`],
      ['Status', u.status],
      opensRow(this.domain),
      ['Region', u.region],
      ['Created', u.creationTime],
      ['Last modified', u.lastModifiedTime],
    ]);
  }

  /**
   * The spaces show as soon as ListSpaces answers, their app states as "checking…"; each batch
   * of states that comes in redraws its rows at once.
   */
  async fetchPage(ctx: FetchContext): Promise<{ items: Node[]; nextToken?: string }> {
    const nodes = new Map<string, SpaceNode>();
    /** States that came in before their row was made (the first batch can beat the page's return). */
    const early = new Map<string, Space>();
    const page = await ctx.access.listSpacesFor(this.region, this.profile.domainId, this.profile.userProfileName, {
      nextToken: ctx.nextToken,
      maxResults: ctx.pageSize,
      nameContains: ctx.filter,
      signal: ctx.signal,
      onAppStates: (batch) => {
        const changed: Node[] = [];
        for (const s of batch) {
          const n = nodes.get(s.spaceName);
          if (n) {
            n.space = s;
            changed.push(n);
          } else {
            early.set(s.spaceName, s);
          }
        }
        ctx.changed(changed);
      },
      onAppStateError: (e, names) => ctx.logError(`Reading the app state of ${names.map((n) => `"${n}"`).join(', ')} (domain ${this.profile.domainId})`, e),
    });
    if (page.states) {
      ctx.alongside(page.states);
    }
    return map(page, (s) => {
      const n = new SpaceNode(early.get(s.spaceName) ?? s, this);
      nodes.set(s.spaceName, n);
      return n;
    });
  }
}

declare module './listing' {
  interface TreeNodeKinds {
    userProfile: UserProfileNode;
  }
  interface ListNodeKinds {
    userProfile: UserProfileNode;
  }
}
