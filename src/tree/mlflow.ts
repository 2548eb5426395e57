import * as vscode from 'vscode';
import type { RowData } from '../lastKnown/snapshot';
import type { UrlTarget } from './target';
import type { MlflowApp, MlflowTrackingServer, SageMakerAccess } from '../aws/index';
import type { GroupNode, GroupSpec } from './group';
import { isPassing, kindCodicon, kindTone, trackingServerState } from './status';
import { takeUpdate, type BaseNode, type FetchContext, type HoverDetails, type KeptRow, type Node, type OpenableRow, type RowUpdate, type TargetRow } from './listing';
import { icon, joinDescription, tooltip } from './presentation';
import { trackingServerStateKey } from '../kinds/mlflow';
import { appendRunningCost } from './runningRows';
import { runningFor } from '../running/facts';

/**
 * The group lists two APIs: tracking servers, then MLflow apps. Its page token says which list it
 * continues ("servers:<token>" or "apps:<token>").
 */
function phaseOf(token: string | undefined): { phase: 'servers' | 'apps'; token?: string } {
  if (token?.startsWith('apps:')) {
    return { phase: 'apps', token: token.slice(5) || undefined };
  }
  return { phase: 'servers', token: token?.startsWith('servers:') ? token.slice(8) : token };
}

/** The "MLflow" root group: tracking servers, then MLflow apps. */
export const mlflowGroup: GroupSpec = {
  group: 'mlflow',
  label: 'MLflow',
  listName: 'MLflow tracking servers or apps',
  icon: 'beaker',
  opens: ['mlflowTrackingServer', 'mlflowApp'],
  kindList: (kind, group) => ({ accepts: (n) => n.kind === kind, fetch: (ctx) => fetchMlflowKind(kind as MlflowKind, ctx, group) }),
  // ListMlflowTrackingServers and ListMlflowApps have no name filter: the loaded rows are filtered.
  nameFilter: { key: 'mlflow', label: 'MLflow tracking servers and apps' },
  keptChild: (row, group) =>
    row.kind === 'mlflowTrackingServer' ? new TrackingServerNode(row.data, group) : row.kind === 'mlflowApp' ? new MlflowAppNode(row.data, group) : undefined,
  async fetchPage(ctx, group) {
    const { phase, token } = phaseOf(ctx.nextToken);
    const o = { maxResults: ctx.pageSize, nameContains: ctx.filter, signal: ctx.signal };
    const items: Node[] = [];
    // The group's first page asks for both lists at once: one round trip, not two, before the
    // group (and, as VS Code answers the open groups together, every other group) shows. The
    // apps page is dropped, and asked again later, only when the servers take more than a page.
    const firstApps = phase === 'servers' && token === undefined ? ctx.access.listMlflowApps(group.region, o) : undefined;
    firstApps?.catch(() => undefined); // a failure is thrown where the page is used, not reported unhandled
    if (phase === 'servers') {
      const servers = await ctx.access.listMlflowTrackingServers(group.region, { ...o, nextToken: token });
      items.push(...servers.items.map((s) => new TrackingServerNode(s, group)));
      if (servers.nextToken) {
        return { items, nextToken: `servers:${servers.nextToken}` };
      }
    }
    // The servers are all listed: the MLflow apps follow in the same page.
    const apps = await (firstApps ?? ctx.access.listMlflowApps(group.region, { ...o, nextToken: phase === 'apps' ? token : undefined }));
    items.push(...apps.items.map((a) => new MlflowAppNode(a, group)));
    return { items, nextToken: apps.nextToken ? `apps:${apps.nextToken}` : undefined };
  },
};

export { trackingServerStateKey };

type MlflowKind = 'mlflowTrackingServer' | 'mlflowApp';

/**
 * One of the group's two lists alone, as the group's rows: the palette asks for tracking servers or
 * for MLflow apps, and lists only that one (the group's `kindList`).
 */
async function fetchMlflowKind(kind: MlflowKind, ctx: FetchContext, group: GroupNode): Promise<{ items: Node[]; nextToken?: string }> {
  // Tokens as the group's own (so a page token of the tree's list can be continued here).
  const { phase, token } = phaseOf(ctx.nextToken);
  const o = { maxResults: ctx.pageSize, signal: ctx.signal };
  if (kind === 'mlflowTrackingServer') {
    if (phase === 'apps') {
      return { items: [] }; // the group's list is past its tracking servers
    }
    const page = await ctx.access.listMlflowTrackingServers(group.region, { ...o, nextToken: token });
    return { items: page.items.map((s) => new TrackingServerNode(s, group)), nextToken: page.nextToken && `servers:${page.nextToken}` };
  }
  const page = await ctx.access.listMlflowApps(group.region, { ...o, nextToken: phase === 'apps' ? token : undefined });
  return { items: page.items.map((a) => new MlflowAppNode(a, group)), nextToken: page.nextToken && `apps:${page.nextToken}` };
}

/** A fresh copy of a tracking server (start, stop), for its row. */
export function trackingServerUpdate(server: MlflowTrackingServer): RowUpdate {
  return {
    key: trackingServerStateKey(server),
    apply: (row) => {
      if (row instanceof TrackingServerNode) {
        // A list summary has no size: keep the one already described.
        row.server = { ...server, trackingServerSize: server.trackingServerSize ?? row.server.trackingServerSize };
      }
    },
  };
}

export class TrackingServerNode implements BaseNode, HoverDetails, OpenableRow, KeptRow, TargetRow {
  readonly kind = 'mlflowTrackingServer';
  readonly id: string;

  constructor(
    public server: MlflowTrackingServer,
    readonly parent: GroupNode,
  ) {
    this.id = `${parent.id}/mlflowTrackingServer:${server.trackingServerName}`;
  }

  stored(): RowData {
    return { kind: 'mlflowTrackingServer', data: this.server };
  }


  target(): UrlTarget {
    return { kind: 'mlflowTrackingServer', region: this.region, server: this.server };
  }

  /** A fresh copy of this tracking server (a start, a stop, a Describe). */
  takeTarget(t: UrlTarget): boolean {
    return t.kind === 'mlflowTrackingServer' && takeUpdate(this, trackingServerUpdate(t.server));
  }

  get region(): string {
    return this.server.region;
  }

  /** In a passing state (Starting, Stopping, Updating…): a poller should refresh the row. */
  get transitional(): boolean {
    return isPassing(this.server.status);
  }

  get stateKey(): string {
    return trackingServerStateKey(this.server);
  }

  /** The hover names the size, which only DescribeMlflowTrackingServer gives: asked once. */
  async hoverDetails(access: SageMakerAccess, logError: (context: string, e: unknown) => void): Promise<void> {
    if (this.server.trackingServerSize !== undefined) {
      return;
    }
    try {
      const described = await access.describeMlflowTrackingServer(this.region, this.server.trackingServerName);
      this.server = { ...this.server, trackingServerSize: described.trackingServerSize, artifactStoreUri: described.artifactStoreUri };
    } catch (e) {
      logError(`Describing MLflow tracking server ${this.server.trackingServerName}`, e);
    }
  }

  /** Describes the server again (status, and its size, which the list does not give): one call. */
  async readState(access: SageMakerAccess, signal: AbortSignal): Promise<(row: Node) => void> {
    const fresh = await access.describeMlflowTrackingServer(this.region, this.server.trackingServerName, signal);
    return (row) => {
      if (row instanceof TrackingServerNode) {
        row.server = fresh;
      }
    };
  }

  treeItem(): vscode.TreeItem {
    const s = this.server;
    const item = new vscode.TreeItem(s.trackingServerName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = joinDescription([s.status, s.mlflowVersion && `MLflow ${s.mlflowVersion}`, ...trackingServerRunningParts(s, Date.now())]);
    item.iconPath = icon(kindCodicon('beaker', s.status), kindTone(s.status));
    item.contextValue = `sagemaker.mlflowTrackingServer.${trackingServerState(s.status)}`;
    return item;
  }

  /** Details for the hover. The size is only in DescribeMlflowTrackingServer: the provider's resolveTreeItem asks for it first. */
  tooltip(): vscode.MarkdownString {
    const md = this.baseTooltip();
    if (isBilledTrackingServer(this.server.status) && this.server.lastModifiedTime) {
      appendRunningCost(md, this.server.lastModifiedTime, true, undefined);
    }
    return md;
  }

  private baseTooltip(): vscode.MarkdownString {
    const s = this.server;
    return tooltip(`MLflow tracking server ${s.trackingServerName}`, [
      ['Status', s.status],
      ['MLflow version', s.mlflowVersion],
      ['Size', s.trackingServerSize],
      ['Region', s.region],
      ['ARN', s.trackingServerArn],
      ['Artifact store', s.artifactStoreUri],
      ['Created', s.creationTime],
      ['Last modified', s.lastModifiedTime],
      ['Opening', 'a presigned URL that works once'],
    ]);
  }
}

export class MlflowAppNode implements BaseNode, OpenableRow, KeptRow {
  readonly kind = 'mlflowApp';
  readonly id: string;

  constructor(
    public app: MlflowApp,
    readonly parent: GroupNode,
  ) {
    this.id = `${parent.id}/mlflowApp:${app.arn}`;
  }

  stored(): RowData {
    return { kind: 'mlflowApp', data: this.app };
  }


  target(): UrlTarget {
    return { kind: 'mlflowApp', region: this.region, app: this.app };
  }

  get region(): string {
    return this.app.region;
  }

  get transitional(): boolean {
    return isPassing(this.app.status);
  }

  get stateKey(): string {
    return `mlflowApp/${this.app.arn}`;
  }

  async readState(access: SageMakerAccess, signal: AbortSignal): Promise<(row: Node) => void> {
    const fresh = await access.describeMlflowApp(this.region, this.app.arn, signal);
    return (row) => {
      if (row instanceof MlflowAppNode) {
        row.app = fresh;
      }
    };
  }

  treeItem(): vscode.TreeItem {
    const a = this.app;
    const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = joinDescription([a.status, 'MLflow app']);
    item.iconPath = icon(kindCodicon('graph-line', a.status), kindTone(a.status));
    item.contextValue = `sagemaker.mlflowApp.${(a.status ?? 'unknown').toLowerCase()}`;
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const a = this.app;
    return tooltip(`MLflow app ${a.name}`, [
      ['Status', a.status],
      ['MLflow version', a.mlflowVersion],
      ['Region', a.region],
      ['ARN', a.arn],
      ['Artifact store', a.artifactStoreUri],
      ['Created', a.creationTime],
      ['Last modified', a.lastModifiedTime],
      ['Opening', 'a presigned URL that works once'],
    ]);
  }
}

declare module './listing' {
  interface TreeNodeKinds {
    mlflowTrackingServer: TrackingServerNode;
    mlflowApp: MlflowAppNode;
  }
}

// ---- Running: what a billed tracking server says of its run (issue 24) ----------------------------

/** Created, Updated, Started: billed until stopped (DESIGN, "Running environments"). */
export function isBilledTrackingServer(status: string | undefined): boolean {
  return status === 'Created' || status === 'Updated' || status === 'Started';
}

/** Its size where known (only Describe says it), and "since …": LastModifiedTime is only a bound. */
export function trackingServerRunningParts(s: MlflowTrackingServer, now: number): string[] {
  if (!isBilledTrackingServer(s.status)) {
    return [];
  }
  return [s.trackingServerSize, runningFor(s.lastModifiedTime, true, now)].filter((p): p is string => !!p);
}
