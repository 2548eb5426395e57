import * as vscode from 'vscode';
import type { TargetKind } from '../kinds/index';
import type { RowData } from '../lastKnown/snapshot';
import type { NameFilter } from './filter';
import { Listing, type FetchContext, type ListNodeBase, type RestoringList, type TreeNodeKinds, type Node } from './listing';
import { icon, tooltip } from './presentation';

/** What makes one root group (a kind of top-level resource): its words, icon and listing. */
export interface GroupSpec {
  /** In the node id and the contextValue `sagemaker.group.<group>`. */
  readonly group: string;
  /** The group's row: "Studio Domains". */
  readonly label: string;
  /** For messages: "Studio domains". */
  readonly listName: string;
  /** Codicon of the row. */
  readonly icon: string;
  /**
   * How the view's name filter applies to this group's list (with `serverParam` when the List
   * operation filters by name; else the loaded rows are filtered). None: never filtered.
   */
  readonly nameFilter?: NameFilter;
  /** Filters of the lists nested under this group's rows (a domain's user profiles, their spaces), for the filter's UI. */
  readonly nestedFilters?: readonly NameFilter[];
  /** The target kinds its rows open, each picked in the palette from this group's list (src/commands/targets.ts). */
  readonly opens?: readonly TargetKind[];
  /** The palette's list of one of them, when the group lists more than one: its rows of that kind, and a page of them read for the pick alone. */
  kindList?(kind: TargetKind, group: GroupNode): { accepts(n: Node): boolean; fetch(ctx: FetchContext): Promise<{ items: Node[]; nextToken?: string }> };
  /** The node a kept row of the last-known tree becomes in this group; undefined: not one of its rows. */
  keptChild(row: RowData, group: GroupNode): Node | undefined;
  fetchPage(ctx: FetchContext, group: GroupNode): Promise<{ items: Node[]; nextToken?: string }>;
}

export class GroupNode implements ListNodeBase, RestoringList {
  readonly kind = 'group';
  readonly id: string;
  readonly listing = new Listing();
  readonly listName: string;
  readonly nameFilter?: NameFilter;
  /** In a one-region view the groups are the root and open by themselves. */
  expanded = false;

  constructor(
    readonly region: string,
    readonly spec: GroupSpec,
    readonly parent: TreeNodeKinds['region'] | undefined,
  ) {
    this.id = `${parent ? parent.id : `root:${region}`}/${spec.group}`;
    this.listName = spec.listName;
    this.nameFilter = spec.nameFilter;
  }

  get group(): string {
    return this.spec.group;
  }

  get label(): string {
    return this.spec.label;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.label,
      this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    item.iconPath = icon(this.spec.icon);
    item.contextValue = `sagemaker.group.${this.group}`;
    return item;
  }

  tooltip(): vscode.MarkdownString {
    return tooltip(this.label, [['Region', this.region]]);
  }

  fetchPage(ctx: FetchContext): Promise<{ items: Node[]; nextToken?: string }> {
    return this.spec.fetchPage(ctx, this);
  }

  keptChild(row: RowData): Node | undefined {
    return this.spec.keptChild(row, this);
  }
}

declare module './listing' {
  interface TreeNodeKinds {
    group: GroupNode;
  }
  interface ListNodeKinds {
    group: GroupNode;
  }
}
