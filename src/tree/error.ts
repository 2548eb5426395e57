import * as vscode from 'vscode';
import type { BaseNode } from './listing';
import type { ListNode } from './nodes';
import { icon, tooltip } from './presentation';

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
