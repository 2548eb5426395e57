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

  constructor(readonly region: string) {
    this.id = `region:${region}`;
    this.groups = rootGroups(region, this);
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
