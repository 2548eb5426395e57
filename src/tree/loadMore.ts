import * as vscode from 'vscode';
import type { BaseNode, ListNode } from './listing';
import { icon } from './presentation';

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

declare module './listing' {
  interface TreeNodeKinds {
    loadMore: LoadMoreNode;
  }
}
