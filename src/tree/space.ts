import * as vscode from 'vscode';
import type { Domain, Space } from '../aws/index';
import type { BaseNode } from './listing';
import { icon, joinDescription, spaceCodicon, toneOf, tooltip } from './presentation';
import type { UserProfileNode } from './userProfile';

export class SpaceNode implements BaseNode {
  readonly kind = 'space';
  readonly id: string;

  constructor(
    public space: Space,
    readonly parent: UserProfileNode,
  ) {
    this.id = `${parent.id}/space:${space.spaceName}`;
  }

  get region(): string {
    return this.space.region;
  }

  /** The user profile a URL for this space is made for: the owner of a private space, else the one it is under. */
  get userProfileName(): string {
    return this.space.sharingType === 'Private' && this.space.ownerUserProfileName
      ? this.space.ownerUserProfileName
      : this.parent.profile.userProfileName;
  }

  get domain(): Domain {
    return this.parent.domain;
  }

  treeItem(): vscode.TreeItem {
    const s = this.space;
    const appType = s.app?.appType ?? s.appType;
    const item = new vscode.TreeItem(s.spaceDisplayName || s.spaceName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = joinDescription([appType, s.sharingType, s.appState === 'Unknown' ? 'checking…' : s.appState]);
    item.iconPath = icon(spaceCodicon(appType), toneOf(s.appState));
    item.contextValue = `sagemaker.space.${s.appState.toLowerCase()}`;
    item.tooltip = tooltip(`Space ${s.spaceDisplayName || s.spaceName}`, [
      ['Space name', s.spaceName],
      ['App type', appType],
      ['Sharing', s.sharingType],
      ['Owner', s.ownerUserProfileName],
      ['App', s.app ? `${s.app.appName} (${s.app.status})` : 'none'],
      ['App state', s.appState === 'Unknown' ? 'not known yet' : s.appState],
      ['Space status', s.status],
      ['Domain', `${this.domain.domainName} (${s.domainId})`],
      ['Region', s.region],
      ['Created', s.creationTime],
      ['Last modified', s.lastModifiedTime],
    ]);
    return item;
  }
}
