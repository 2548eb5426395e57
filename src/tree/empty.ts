import * as vscode from 'vscode';
import type { BaseNode, ListNode } from './listing';

/** Says a list is empty (instead of a node that does not expand). */
export class EmptyNode implements BaseNode {
  readonly kind = 'empty';
  readonly id: string;

  constructor(
    readonly parent: ListNode,
    /** Empty because of the view's filter: applied by the service, or to the loaded rows only. */
    readonly filtered: false | 'server' | 'loaded',
  ) {
    this.id = `${parent.id}/#empty`;
  }

  treeItem(): vscode.TreeItem {
    const text =
      this.filtered === 'loaded'
        ? `No loaded ${this.parent.listName} match the filter`
        : `No ${this.parent.listName}${this.filtered ? ' match the filter' : ''}`;
    const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'sagemaker.empty';
    return item;
  }
}

declare module './listing' {
  interface TreeNodeKinds {
    empty: EmptyNode;
  }
}
