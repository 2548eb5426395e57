import * as vscode from 'vscode';
import type { RowData } from '../lastKnown/snapshot';
import type { UrlTarget } from './target';
import type { NotebookInstance, SageMakerAccess } from '../aws/index';
import type { GroupNode, GroupSpec } from './group';
import { map, takeUpdate, type BaseNode, type HoverDetails, type KeptRow, type Node, type OpenableRow, type Rereadable, type RowUpdate, type TargetRow, type Transitional } from './listing';
import { notebookStateKey } from '../kinds/notebook';
import { icon, isPassing, joinDescription, notebookCodicon, toneOf, tooltip } from './presentation';
import { appendRunningCost } from './runningRows';
import { priceOf, runningFor } from '../running/facts';

/** The "Notebook Instances" root group. */
export const notebooksGroup: GroupSpec = {
  group: 'notebooks',
  label: 'Notebook Instances',
  listName: 'notebook instances',
  opens: ['notebook'],
  icon: 'notebook',
  nameFilter: { key: 'notebooks', label: 'Notebook instances', serverParam: 'NameContains' },
  keptChild: (row, group) => (row.kind === 'notebook' ? new NotebookNode(row.data, group) : undefined),
  async fetchPage(ctx, group) {
    const page = await ctx.access.listNotebookInstances(group.region, { nextToken: ctx.nextToken, maxResults: ctx.pageSize, nameContains: ctx.filter, signal: ctx.signal });
    return map(page, (n) => new NotebookNode(n, group));
  },
};

/** contextValue state of a notebook instance, in the words the menus use. */
export function notebookState(status: string | undefined): string {
  switch (status) {
    case 'InService':
      return 'running';
    case 'Pending':
      return 'starting';
    case undefined:
      return 'unknown';
    default:
      return status.toLowerCase();
  }
}

export { notebookStateKey };

/** A fresh copy of a notebook instance, for its row. */
export function notebookUpdate(notebook: NotebookInstance): RowUpdate {
  return {
    key: notebookStateKey(notebook),
    apply: (row) => {
      if (row instanceof NotebookNode) {
        row.notebook = notebook;
      }
    },
  };
}

export class NotebookNode implements BaseNode, Transitional, Rereadable, OpenableRow, KeptRow, TargetRow, HoverDetails {
  readonly kind = 'notebook';
  readonly id: string;

  constructor(
    public notebook: NotebookInstance,
    readonly parent: GroupNode,
  ) {
    this.id = `${parent.id}/notebook:${notebook.notebookInstanceName}`;
  }

  stored(): RowData {
    return { kind: 'notebook', data: this.notebook };
  }


  target(): UrlTarget {
    return { kind: 'notebook', region: this.region, notebook: this.notebook };
  }

  /** A fresh copy of this notebook instance (a start, a stop, a Describe). */
  takeTarget(t: UrlTarget): boolean {
    return t.kind === 'notebook' && takeUpdate(this, notebookUpdate(t.notebook));
  }

  get region(): string {
    return this.notebook.region;
  }

  get transitional(): boolean {
    return isPassing(this.notebook.status);
  }

  get stateKey(): string {
    return notebookStateKey(this.notebook);
  }

  /** Refresh on the row: DescribeNotebookInstance. */
  async reread(access: SageMakerAccess): Promise<RowUpdate> {
    return notebookUpdate(await access.describeNotebookInstance(this.region, this.notebook.notebookInstanceName));
  }

  async readState(access: SageMakerAccess, signal: AbortSignal): Promise<(row: Node) => void> {
    const fresh = await access.describeNotebookInstance(this.region, this.notebook.notebookInstanceName, signal);
    return (row) => {
      if (row instanceof NotebookNode) {
        row.notebook = fresh;
      }
    };
  }

  treeItem(): vscode.TreeItem {
    const n = this.notebook;
    const item = new vscode.TreeItem(n.notebookInstanceName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = joinDescription([n.status, n.instanceType, notebookRunningFor(n, Date.now())]);
    item.iconPath = icon(notebookCodicon(n.status), toneOf(n.status));
    item.contextValue = `sagemaker.notebook.${notebookState(n.status)}`;
    return item;
  }

  /** The price of a running notebook instance's type (the AWS layer keeps it a day), for the hover. */
  private price: { instanceType: string; usdPerHour?: number } | undefined;

  async hoverDetails(access: SageMakerAccess, _logError: unknown, logInfo: (line: string) => void = () => undefined): Promise<void> {
    const type = this.notebook.instanceType;
    if (this.notebook.status !== 'InService' || !type || this.price?.instanceType === type) {
      return;
    }
    this.price = { instanceType: type, usdPerHour: await priceOf(access, this.region, type, 'notebook', logInfo) };
  }

  tooltip(): vscode.MarkdownString {
    const md = this.baseTooltip();
    const n = this.notebook;
    if (n.status === 'InService' && n.lastModifiedTime) {
      // LastModifiedTime: its last start, or any change after it: only a bound.
      appendRunningCost(md, n.lastModifiedTime, true, this.price && this.price.instanceType === n.instanceType ? this.price.usdPerHour : undefined);
    }
    return md;
  }

  private baseTooltip(): vscode.MarkdownString {
    const n = this.notebook;
    return tooltip(`Notebook instance ${n.notebookInstanceName}`, [
      ['Status', n.status],
      ['Instance type', n.instanceType],
      ['Region', n.region],
      ['ARN', n.notebookInstanceArn],
      ['Created', n.creationTime],
      ['Last modified', n.lastModifiedTime],
    ]);
  }
}

declare module './listing' {
  interface TreeNodeKinds {
    notebook: NotebookNode;
  }
}

// ---- Running: what a running notebook instance says of its run (issue 24) -------------------------

/** "since 23 Nov 07:45" for an InService instance: its LastModifiedTime is only a bound of its start. */
export function notebookRunningFor(n: NotebookInstance, now: number): string | undefined {
  return n.status === 'InService' ? runningFor(n.lastModifiedTime, true, now) : undefined;
}
