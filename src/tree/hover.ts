/** A row's hover: its kind's tooltip, then what the view adds (last-known rows, the filter). */
import type * as vscode from 'vscode';
import type { ActiveFilter } from './filter';
import { isListNode, type Node } from './nodes';

/** `since`: when the row's last-known list was written, while it is not refreshed; `filter`: how the filter applies to the row's own list. */
export function hoverTooltip(node: Node, since: number | undefined, filter: ActiveFilter): vscode.MarkdownString | undefined {
  const tip = 'tooltip' in node ? node.tooltip() : undefined;
  if (!tip) {
    return undefined;
  }
  if (since !== undefined) {
    tip.appendText(`Not refreshed yet: as last shown (${new Date(since).toLocaleString()}); the fresh list is loading`);
  }
  if (filter && isListNode(node)) {
    tip.appendText(`Filtered: ${node.listName} whose name contains "${filter.text}"${filter.serverSide ? '' : ', among the rows loaded'}`);
  }
  return tip;
}
