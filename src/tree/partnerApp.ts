import * as vscode from 'vscode';
import type { RowData } from '../lastKnown/snapshot';
import type { UrlTarget } from './target';
import type { PartnerApp, SageMakerAccess } from '../aws/index';
import type { GroupNode, GroupSpec } from './group';
import { isPassing, kindCodicon, kindTone } from './status';
import { map, type BaseNode, type KeptRow, type Node, type OpenableRow } from './listing';
import { icon, joinDescription, tooltip } from './presentation';

/** Partner app types as people know them. */
const TYPE_NAMES: Record<string, string> = {
  'lakera-guard': 'Lakera Guard',
  comet: 'Comet',
  'deepchecks-llm-evaluation': 'Deepchecks LLM Evaluation',
  fiddler: 'Fiddler',
};

export function partnerTypeName(type: string | undefined): string | undefined {
  return type === undefined ? undefined : (TYPE_NAMES[type] ?? type);
}

/** The "Partner AI Apps" root group. */
export const partnerAppsGroup: GroupSpec = {
  group: 'partnerApps',
  label: 'Partner AI Apps',
  listName: 'partner AI apps',
  opens: ['partnerApp'],
  icon: 'plug',
  // ListPartnerApps has no name filter: the loaded rows are filtered.
  nameFilter: { key: 'partnerApps', label: 'Partner AI apps' },
  keptChild: (row, group) => (row.kind === 'partnerApp' ? new PartnerAppNode(row.data, group) : undefined),
  async fetchPage(ctx, group) {
    const page = await ctx.access.listPartnerApps(group.region, { nextToken: ctx.nextToken, maxResults: ctx.pageSize, nameContains: ctx.filter, signal: ctx.signal });
    return map(page, (a) => new PartnerAppNode(a, group));
  },
};

export class PartnerAppNode implements BaseNode, OpenableRow, KeptRow {
  readonly kind = 'partnerApp';
  readonly id: string;

  constructor(
    public app: PartnerApp,
    readonly parent: GroupNode,
  ) {
    this.id = `${parent.id}/partnerApp:${app.arn}`;
  }

  stored(): RowData {
    return { kind: 'partnerApp', data: this.app };
  }


  target(): UrlTarget {
    return { kind: 'partnerApp', region: this.region, app: this.app };
  }

  get region(): string {
    return this.app.region;
  }

  /** In a passing state (Creating, Updating, Deleting): a poller should refresh the row. */
  get transitional(): boolean {
    return isPassing(this.app.status);
  }

  get stateKey(): string {
    return `partnerApp/${this.app.arn}`;
  }

  async readState(access: SageMakerAccess, signal: AbortSignal): Promise<(row: Node) => void> {
    const fresh = await access.describePartnerApp(this.region, this.app.arn, signal);
    return (row) => {
      if (row instanceof PartnerAppNode) {
        row.app = fresh;
      }
    };
  }

  treeItem(): vscode.TreeItem {
    const a = this.app;
    const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = joinDescription([a.status, partnerTypeName(a.type)]);
    item.iconPath = icon(kindCodicon('plug', a.status), kindTone(a.status));
    item.contextValue = `sagemaker.partnerApp.${(a.status ?? 'unknown').toLowerCase()}`;
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const a = this.app;
    return tooltip(`Partner AI app ${a.name}`, [
      ['Type', partnerTypeName(a.type)],
      ['Status', a.status],
      ['Problem', a.errorMessage],
      ['Version', a.version],
      ['Tier', a.tier],
      ['Region', a.region],
      ['ARN', a.arn],
      ['Created', a.creationTime],
      ['Last modified', a.lastModifiedTime],
    ]);
  }
}

declare module './listing' {
  interface TreeNodeKinds {
    partnerApp: PartnerAppNode;
  }
}
