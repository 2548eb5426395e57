import * as vscode from 'vscode';
import type { BaseNode, ListNode } from './listing';
import { icon } from './presentation';

/**
 * Stands in a list while its first page loads. The tree answers VS Code at once from what it
 * holds and redraws the list when the page arrives: a getChildren that waited on the network
 * could be overtaken by a redraw of the list or of an ancestor, and VS Code 1.100 then registers
 * the late rows under a row it has dropped ("Element with id … is already registered").
 */
export class LoadingNode implements BaseNode {
  readonly kind = 'loading';
  readonly id: string;

  constructor(readonly parent: ListNode) {
    this.id = `${parent.id}/#loading`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Loading…', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = icon('loading~spin');
    item.contextValue = 'sagemaker.loading';
    item.accessibilityInformation = { label: `Loading ${this.parent.listName}` };
    return item;
  }
}

declare module './listing' {
  interface TreeNodeKinds {
    loading: LoadingNode;
  }
}
