import * as vscode from 'vscode';
import type { Domain } from '../aws/index';
import type { GroupNode, GroupSpec } from './group';
import { Listing, map, type FetchContext, type ListNodeBase } from './listing';
import type { Node } from './nodes';
import { icon, joinDescription, toneOf, tooltip } from './presentation';
import { UserProfileNode } from './userProfile';

/** The "Studio Domains" root group. */
export const domainsGroup: GroupSpec = {
  group: 'domains',
  label: 'Studio Domains',
  listName: 'Studio domains',
  icon: 'organization',
  filtered: false,
  async fetchPage(ctx, group) {
    const page = await ctx.access.listDomains(group.region, { nextToken: ctx.nextToken, maxResults: ctx.pageSize });
    return map(page, (d) => new DomainNode(d, group));
  },
};

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
