import * as vscode from 'vscode';
import type { RowData } from '../lastKnown/snapshot';
import type { UrlTarget } from './target';
import { openingProfile, type Domain, type SageMakerAccess, type Space } from '../aws/index';
import { takeUpdate, type BaseNode, type HoverDetails, type KeptRow, type Node, type OpenableRow, type Rereadable, type RowUpdate, type TargetRow, type Transitional, type TreeNodeKinds } from './listing';
import { NO_REMOTE_CONTEXT, REMOTE_APP_TYPES } from '../remote/names';
import { spaceStateKey } from '../kinds/space';
import { icon, isPassing, joinDescription, opensRow, spaceCodicon, toneOf, tooltip } from './presentation';
import { appendIdleShutdown, appendRunningCost } from './runningRows';
import { priceOf, runningFor } from '../running/facts';
import type { IdleShutdown } from '../aws/index';

export { spaceStateKey };

/** A fresh copy of a space, for every row showing it. */
export function spaceUpdate(space: Space): RowUpdate {
  return {
    key: spaceStateKey(space),
    apply: (row) => {
      if (row instanceof SpaceNode) {
        row.space = space;
      }
    },
  };
}

export class SpaceNode implements BaseNode, Transitional, Rereadable, OpenableRow, KeptRow, TargetRow, HoverDetails {
  readonly kind = 'space';
  readonly id: string;
  /** Asked when the pointer rests on a running space (its hover): the idle shutdown and the price. */
  private running: SpaceRunningDetails | undefined;

  constructor(
    public space: Space,
    readonly parent: TreeNodeKinds['userProfile'],
  ) {
    this.id = `${parent.id}/space:${space.spaceName}`;
  }

  stored(): RowData {
    return { kind: 'space', data: this.space };
  }


  /** The space's app, through its owner's profile when private (userProfileName). */
  target(): UrlTarget {
    return { kind: 'space', region: this.region, domain: this.domain, space: this.space, userProfileName: this.userProfileName };
  }

  /** A fresh copy of this space (a start, a stop, a Describe); a shared space's rows under each profile all take it. */
  takeTarget(t: UrlTarget): boolean {
    return t.kind === 'space' && takeUpdate(this, spaceUpdate(t.space));
  }

  get region(): string {
    return this.space.region;
  }

  /** The user profile a URL for this space is made for: the owner of a private space, else the one it is under. */
  get userProfileName(): string {
    return openingProfile(this.space, this.parent.profile.userProfileName);
  }

  get domain(): Domain {
    return this.parent.domain;
  }

  /** The app starting or stopping, or the space itself being created, updated or deleted. */
  get transitional(): boolean {
    return this.space.appState === 'Starting' || this.space.appState === 'Stopping' || isPassing(this.space.status);
  }

  get stateKey(): string {
    return spaceStateKey(this.space);
  }

  /** Refresh on the row: DescribeSpace (with its app's state). */
  async reread(access: SageMakerAccess): Promise<RowUpdate> {
    return spaceUpdate(await access.describeSpace(this.region, this.space.domainId, this.space.spaceName));
  }

  async readState(access: SageMakerAccess, signal: AbortSignal): Promise<(row: Node) => void> {
    // Only the app moves: its state is one ListApps call. A space that itself moves is described.
    const fresh = isPassing(this.space.status)
      ? await access.describeSpace(this.region, this.space.domainId, this.space.spaceName, signal)
      : await access.refreshSpaceApp(this.region, this.space, signal);
    return (row) => {
      if (row instanceof SpaceNode) {
        row.space = fresh;
      }
    };
  }

  treeItem(): vscode.TreeItem {
    const s = this.space;
    const appType = s.app?.appType ?? s.appType;
    const item = new vscode.TreeItem(s.spaceDisplayName || s.spaceName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = joinDescription([appType, s.sharingType, s.appState === 'Unknown' ? 'checking…' : s.appState, ...spaceRunningParts(s, Date.now())]);
    item.iconPath = icon(spaceCodicon(appType), toneOf(s.appState));
    // Other app types (RStudio, Canvas…) are marked so their menu has no "Connect with Remote SSH".
    item.contextValue = `sagemaker.space.${s.appState.toLowerCase()}${appType && REMOTE_APP_TYPES.includes(appType) ? '' : NO_REMOTE_CONTEXT}`;
    return item;
  }

  /** A running space's hover adds the idle shutdown that applies and the price: asked once per app. */
  async hoverDetails(access: SageMakerAccess, logError: (context: string, e: unknown) => void, logInfo: (line: string) => void = () => undefined): Promise<void> {
    const app = this.space.app;
    if (this.space.appState !== 'Running' || !app || app.instanceType === 'system' || this.running?.app === app) {
      return;
    }
    const [idle, usdPerHour] = await Promise.all([
      access.spaceIdleShutdown(this.region, this.space.domainId, this.space.spaceName).catch((e: unknown) => {
        logError(`Reading the idle shutdown of space ${this.space.spaceName}`, e);
        return undefined;
      }),
      priceOf(access, this.region, app.instanceType, 'space', logInfo),
    ]);
    this.running = { app, idle, usdPerHour };
  }

  tooltip(): vscode.MarkdownString {
    const md = this.baseTooltip();
    const app = this.space.app;
    if (this.space.appState === 'Running' && app?.creationTime && app.instanceType !== 'system') {
      appendRunningCost(md, app.creationTime, false, this.running?.app === app ? this.running.usdPerHour : undefined);
      if (this.running?.app === app && this.running.idle) {
        appendIdleShutdown(md, this.running.idle);
      }
    }
    return md;
  }

  private baseTooltip(): vscode.MarkdownString {
    const s = this.space;
    const appType = s.app?.appType ?? s.appType;
    return tooltip(`Space ${s.spaceDisplayName || s.spaceName}`, [
      ['Space name', s.spaceName],
      ['App type', appType],
      ['Sharing', s.sharingType],
      ['Owner', s.ownerUserProfileName],
      ['App', s.app ? `${s.app.appName} (${s.app.status})` : 'none'],
      ['Instance type', s.app?.instanceType],
      ['App state', s.appState === 'Unknown' ? 'not known yet' : s.appState],
      ['Space status', s.status],
      ['Domain', `${this.domain.domainName} (${s.domainId})`],
      opensRow(this.domain),
      ['Region', s.region],
      ['Created', s.creationTime],
      ['Last modified', s.lastModifiedTime],
    ]);
  }
}

declare module './listing' {
  interface TreeNodeKinds {
    space: SpaceNode;
  }
}

// ---- Running: what a running space says of its run (issue 24) -------------------------------------

/** What a running space's hover asked for its app: the idle shutdown that applies, and the price. */
interface SpaceRunningDetails {
  readonly app: NonNullable<Space['app']>;
  readonly idle?: IdleShutdown;
  readonly usdPerHour?: number;
}

/** The description's running part: "ml.g5.xlarge", "3 h 12 min" (from the app's CreationTime). */
export function spaceRunningParts(s: Space, now: number): string[] {
  if (s.appState !== 'Running' || !s.app || s.app.instanceType === 'system') {
    // RStudio's server app runs on the free `system` instance: nothing to say of its bill.
    return [];
  }
  return [s.app.instanceType, runningFor(s.app.creationTime, false, now)].filter((p): p is string => !!p);
}
