import * as vscode from 'vscode';
import type { GroupNode } from './group';
import { rootGroups } from './groups';
import type { BaseNode } from './listing';
import { icon, tooltip } from './presentation';

export class RegionNode implements BaseNode {
  readonly kind = 'region';
  readonly id: string;
  readonly parent = undefined;
  readonly groups: GroupNode[];
  /** Open in the view (followed from its expand/collapse events; kept in the last-known tree). */
  expanded = false;

  constructor(readonly region: string) {
    this.id = `region:${region}`;
    this.groups = rootGroups(region, this);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = icon('globe');
    item.contextValue = 'sagemaker.region';
    return item;
  }

  tooltip(): vscode.MarkdownString {
    return tooltip(`Region ${this.region}`, []);
  }
}

/** The view's roots: one region's groups (open by themselves, so an empty account is noticed), or one node per region. */
export function viewRoots(regions: readonly string[]): (RegionNode | GroupNode)[] {
  if (regions.length === 1) {
    const groups = rootGroups(regions[0], undefined);
    groups.forEach((g) => (g.expanded = true));
    return groups;
  }
  return regions.map((r) => new RegionNode(r));
}

declare module './listing' {
  interface TreeNodeKinds {
    region: RegionNode;
  }
}
