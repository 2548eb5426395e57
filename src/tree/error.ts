import * as vscode from 'vscode';
import { shortReason, userMessage } from '../errors';
import type { BaseNode, ListNode } from './listing';
import { icon, tooltip } from './presentation';

/**
 * Stands where a list failed to load, under that list's parent only; clicking it retries.
 * The label is the reason alone ("Throttled", "Key rejected in af-south-1"): the row sits under
 * the list that failed, and in a default-width side bar, four levels deep, "Could not list user
 * profiles: throttled" is already cut off. What failed follows as the description (which may be
 * cut); the tooltip and the screen reader get the whole sentence and its advice.
 */
export class ErrorNode implements BaseNode {
  readonly kind = 'error';
  readonly id: string;
  /** The whole message, as a notification would show it. */
  readonly message: string;
  /** A few words: what went wrong. */
  readonly reason: string;

  constructor(
    readonly parent: ListNode,
    readonly error: unknown,
  ) {
    this.id = `${parent.id}/#error`;
    this.message = userMessage(error);
    this.reason = shortReason(error);
  }

  get label(): string {
    return this.reason.charAt(0).toUpperCase() + this.reason.slice(1);
  }

  /** The sentence the label stands for: "Could not list spaces: throttled". */
  get sentence(): string {
    return `Could not list ${this.parent.listName}: ${this.reason}`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = `could not list ${this.parent.listName}`;
    item.iconPath = icon('error', 'bad');
    item.contextValue = 'sagemaker.error';
    item.accessibilityInformation = { label: `${this.sentence}. ${this.message} Press Enter to retry.` };
    item.command = { command: 'sagemaker.retry', title: 'Retry', arguments: [this] };
    return item;
  }

  tooltip(): vscode.MarkdownString {
    return tooltip(`Could not list ${this.parent.listName}`, [['Region', this.parent.region], ['Reason', this.message], ['Retry', 'click to try again']]);
  }
}

declare module './listing' {
  interface TreeNodeKinds {
    error: ErrorNode;
  }
}
