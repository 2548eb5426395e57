import * as vscode from 'vscode';
import type { BaseNode } from './listing';
import type { ListNode } from './nodes';

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
