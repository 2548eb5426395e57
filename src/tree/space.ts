import * as vscode from 'vscode';
import type { RowData } from '../lastKnown/snapshot';
import type { UrlTarget } from './target';
import { openingProfile, type Domain, type SageMakerAccess, type Space } from '../aws/index';
import { takeUpdate, type BaseNode, type KeptRow, type Node, type OpenableRow, type Rereadable, type RowUpdate, type TargetRow, type Transitional, type TreeNodeKinds } from './listing';
import { NO_REMOTE_CONTEXT, REMOTE_APP_TYPES } from '../remote/names';
import { spaceStateKey } from '../kinds/space';
import { icon, isPassing, joinDescription, opensRow, spaceCodicon, toneOf, tooltip } from './presentation';

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

export class SpaceNode implements BaseNode, Transitional, Rereadable, OpenableRow, KeptRow, TargetRow {
  readonly kind = 'space';
  readonly id: string;

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
    item.description = joinDescription([appType, s.sharingType, s.appState === 'Unknown' ? 'checking…' : s.appState]);
    item.iconPath = icon(spaceCodicon(appType), toneOf(s.appState));
    // Other app types (RStudio, Canvas…) are marked so their menu has no "Connect with Remote SSH".
    item.contextValue = `sagemaker.space.${s.appState.toLowerCase()}${appType && REMOTE_APP_TYPES.includes(appType) ? '' : NO_REMOTE_CONTEXT}`;
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const s = this.space;
    const appType = s.app?.appType ?? s.appType;
    return tooltip(`Space ${s.spaceDisplayName || s.spaceName}`, [
      ['Space name', s.spaceName],
      ['App type', appType],
      ['Sharing', s.sharingType],
      ['Owner', s.ownerUserProfileName],
      ['App', s.app ? `${s.app.appName} (${s.app.status})` : 'none'],
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
