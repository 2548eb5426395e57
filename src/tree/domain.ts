import * as vscode from 'vscode';
import type { RowData } from '../lastKnown/snapshot';
import type { CopyFields } from './target';
import type { Domain, SageMakerAccess } from '../aws/index';
import type { NameFilter } from './filter';
import type { GroupNode, GroupSpec } from './group';
import { Listing, map, type FetchContext, type ListNodeBase, type CopyableRow, type KeptRow, type Node, type RestoringList, type RowUpdate, type Transitional } from './listing';
import { icon, isPassing, joinDescription, toneOf, tooltip } from './presentation';
import { SPACES_FILTER, UserProfileNode } from './userProfile';

/** How an IAM Identity Center domain is named in rows, tooltips and messages. */
export const IDENTITY_CENTER = 'IAM Identity Center';

/** Whether a domain signs in through IAM Identity Center (so it has no presigned URLs). Undefined: not known yet. */
export function isSsoDomain(d: Domain): boolean {
  return d.authMode === 'SSO';
}

/** The tooltip line saying how a domain (and so its profiles and spaces) is opened, once its AuthMode is known. */
export function signInRow(d: Domain): readonly [string, string | undefined] {
  switch (d.authMode) {
    case 'SSO':
      return ['Sign-in', `${IDENTITY_CENTER} (AuthMode SSO): opens at the domain's URL, never a presigned URL`];
    case 'IAM':
      return ['Sign-in', 'IAM (presigned URLs)'];
    default:
      return ['Sign-in', undefined];
  }
}

/** The user profiles of a domain: ListUserProfiles filters by name itself. */
export const USER_PROFILES_FILTER: NameFilter = { key: 'userProfiles', label: 'User profiles', serverParam: 'UserProfileNameContains' };

/** The "Studio Domains" root group. */
export const domainsGroup: GroupSpec = {
  group: 'domains',
  label: 'Studio Domains',
  listName: 'Studio domains',
  icon: 'organization',
  // ListDomains has no name filter; a domain is what one looks inside, so it is filtered only on request.
  nameFilter: { key: 'domains', label: 'Studio domains', byDefault: false },
  nestedFilters: [USER_PROFILES_FILTER, SPACES_FILTER],
  keptChild: (row, group) => (row.kind === 'domain' ? new DomainNode(row.data, group) : undefined),
  async fetchPage(ctx, group) {
    const page = await ctx.access.listDomains(group.region, { nextToken: ctx.nextToken, maxResults: ctx.pageSize, signal: ctx.signal });
    return map(page, (d) => new DomainNode(d, group));
  },
};

/** What is newly known of a domain (e.g. its AuthMode), for its row. */
export function domainUpdate(domain: Domain): RowUpdate {
  return {
    key: domainStateKey(domain),
    apply: (row) => {
      if (row instanceof DomainNode) {
        row.domain = { ...row.domain, ...domain };
      }
    },
  };
}

export function domainStateKey(d: Pick<Domain, 'region' | 'domainId'>): string {
  return JSON.stringify(['domain', d.region, d.domainId]);
}

export class DomainNode implements ListNodeBase, Transitional, KeptRow, CopyableRow, RestoringList {
  readonly kind = 'domain';
  readonly id: string;
  readonly listing = new Listing();
  readonly listName = 'user profiles';
  readonly nameFilter = USER_PROFILES_FILTER;
  /** Open in the view (followed from its expand/collapse events; kept in the last-known tree). */
  expanded = false;

  constructor(
    public domain: Domain,
    readonly parent: GroupNode,
  ) {
    this.id = `${parent.id}/domain:${domain.domainId}`;
  }

  stored(): RowData {
    return { kind: 'domain', data: this.domain };
  }

  copyFields(): CopyFields {
    return { id: this.domain.domainId, arn: this.domain.domainArn, what: `domain ${this.domain.domainName}` };
  }

  /** A kept user profile of this domain. */
  keptChild(row: RowData): Node | undefined {
    return row.kind === 'userProfile' && row.data.domainId === this.domain.domainId ? new UserProfileNode(row.data, this) : undefined;
  }

  get region(): string {
    return this.domain.region;
  }

  get transitional(): boolean {
    return isPassing(this.domain.status);
  }

  /** Takes a fresh row of the same domain (a last-known row replaced by its list's fresh page); false for another row. */
  adopt(fresh: Node): boolean {
    if (!(fresh instanceof DomainNode)) {
      return false;
    }
    // ListDomains says no AuthMode; a domain keeps the one it was created with.
    this.domain = { ...fresh.domain, authMode: fresh.domain.authMode ?? this.domain.authMode };
    return true;
  }

  get stateKey(): string {
    return domainStateKey(this.domain);
  }

  async readState(access: SageMakerAccess, signal: AbortSignal): Promise<(row: Node) => void> {
    const fresh = await access.describeDomain(this.region, this.domain.domainId, signal);
    return (row) => {
      if (row instanceof DomainNode) {
        row.domain = { ...row.domain, ...fresh };
      }
    };
  }

  treeItem(): vscode.TreeItem {
    const d = this.domain;
    const item = new vscode.TreeItem(d.domainName || d.domainId, this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.description();
    item.iconPath = icon('organization', toneOf(d.status));
    item.contextValue = 'sagemaker.domain';
    return item;
  }

  /** What the row says after its name: status, sign-in when it is IAM Identity Center, id. */
  private description(): string {
    const d = this.domain;
    return joinDescription([d.status, isSsoDomain(d) ? IDENTITY_CENTER : undefined, d.domainId]);
  }

  tooltip(): vscode.MarkdownString {
    const d = this.domain;
    return tooltip(`Domain ${d.domainName}`, [
      ['Domain ID', d.domainId],
      ['Status', d.status],
      signInRow(d),
      ['URL', d.url],
      ['Region', d.region],
      ['ARN', d.domainArn],
      ['Created', d.creationTime],
      ['Last modified', d.lastModifiedTime],
    ]);
  }

  async fetchPage(ctx: FetchContext): Promise<{ items: Node[]; nextToken?: string }> {
    if (!ctx.nextToken) {
      // ListDomains does not say how a domain signs in; DescribeDomain does. Asked alongside the
      // first page of profiles, not before it, so the profiles show as soon as they arrive.
      const described = ctx.access.describeDomain(this.region, this.domain.domainId).then(
        (described) => {
          const shown = this.description();
          this.domain = { ...this.domain, ...described };
          // Redrawn only when the row says something else (e.g. IAM Identity Center): a redraw
          // of a list draws its rows again too, and a click on one of them then can be lost.
          if (this.description() !== shown) {
            ctx.redraw(this);
          }
        },
        (e: unknown) => ctx.logError(`Describing domain ${this.domain.domainName} (its sign-in mode stays unknown)`, e),
      );
      ctx.alongside(described);
    }
    const page = await ctx.access.listUserProfiles(this.region, this.domain.domainId, {
      nextToken: ctx.nextToken,
      maxResults: ctx.pageSize,
      nameContains: ctx.filter,
      signal: ctx.signal,
    });
    return map(page, (u) => new UserProfileNode(u, this));
  }
}

declare module './listing' {
  interface TreeNodeKinds {
    domain: DomainNode;
  }
  interface ListNodeKinds {
    domain: DomainNode;
  }
}
