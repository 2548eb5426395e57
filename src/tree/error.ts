import * as vscode from 'vscode';
import { shortReason, userMessage } from '../errors';
import type { BaseNode } from './listing';
import type { ListNode } from './nodes';
import { icon, tooltip } from './presentation';

/**
 * Stands where a list failed to load, under that list's parent only; clicking it retries.
 * The label stays short enough for a default-width sidebar ("Could not list spaces: throttled");
 * the whole message, with its advice, is in the tooltip.
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
    return `Could not list ${this.parent.listName}: ${this.reason}`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = icon('error', 'bad');
    item.contextValue = 'sagemaker.error';
    item.accessibilityInformation = { label: `${this.label}. ${this.message} Press Enter to retry.` };
    item.tooltip = tooltip(`Could not list ${this.parent.listName}`, [['Region', this.parent.region], ['Reason', this.message], ['Retry', 'click to try again']]);
    item.command = { command: 'sagemaker.retry', title: 'Retry', arguments: [this] };
    return item;
  }
}
