/**
 * What the AWS access layer hands to the VS Code layer: plain data, no SDK types, no vscode.
 * Field names follow the SageMaker API so a reader can map them back to the documentation.
 */

/** One page of a listing; `nextToken` is set when the service has more. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

export interface Domain {
  readonly region: string;
  readonly domainId: string;
  readonly domainName: string;
  readonly domainArn?: string;
  /** DomainStatus: InService, Pending, Updating, Failed, Deleting, ... */
  readonly status?: string;
  /**
   * The domain's own address (DomainDetails.Url). For an IAM Identity Center domain it is where
   * users sign in, and the only way in: such a domain gets no presigned URLs.
   */
  readonly url?: string;
  /**
   * IAM or SSO (IAM Identity Center). Only DescribeDomain says it (ListDomains does not), so it
   * is undefined until the domain has been described.
   */
  readonly authMode?: DomainAuthMode;
  readonly creationTime?: Date;
  readonly lastModifiedTime?: Date;
}

/** AuthMode of a domain: CreatePresignedDomainUrl works only for IAM. */
export type DomainAuthMode = 'IAM' | 'SSO';

export interface UserProfile {
  readonly region: string;
  readonly domainId: string;
  readonly userProfileName: string;
  readonly status?: string;
  readonly creationTime?: Date;
  readonly lastModifiedTime?: Date;
}

/** The app that a space runs, joined in from ListApps (absent when the space has none). */
export interface SpaceApp {
  readonly appName: string;
  /** AppType: JupyterLab, CodeEditor, JupyterServer, RStudioServerPro, Canvas, ... */
  readonly appType: string;
  /** AppStatus: Pending, InService, Deleting, Deleted, Failed. */
  readonly status: string;
  /** ResourceSpec.InstanceType: what it runs on (and is billed for), e.g. ml.g5.xlarge. */
  readonly instanceType?: string;
  /** When the app was created: when it started running. */
  readonly creationTime?: Date;
}

/** Running, Starting, Stopping or Stopped: the word the tree shows for a space's app. */
/** 'Unknown': listed, its app not asked yet (or the asking failed); a listing fills it in. */
export type SpaceAppState = 'Running' | 'Starting' | 'Stopping' | 'Stopped' | 'Failed' | 'Unknown';

export interface Space {
  readonly region: string;
  readonly domainId: string;
  readonly spaceName: string;
  readonly spaceDisplayName?: string;
  /** SpaceStatus of the space itself (InService, Pending, ...). */
  readonly status?: string;
  /** The app type the space is set up for (SpaceSettingsSummary.AppType). */
  readonly appType?: string;
  /** Private or Shared (SpaceSharingSettingsSummary.SharingType). */
  readonly sharingType?: 'Private' | 'Shared';
  /** The owning user profile of a private space (OwnershipSettingsSummary.OwnerUserProfileName). */
  readonly ownerUserProfileName?: string;
  /** The space's current app, if any. */
  readonly app?: SpaceApp;
  readonly appState: SpaceAppState;
  readonly creationTime?: Date;
  readonly lastModifiedTime?: Date;
}

export interface NotebookInstance {
  readonly region: string;
  readonly notebookInstanceName: string;
  readonly notebookInstanceArn?: string;
  /** NotebookInstanceStatus: Pending, InService, Stopping, Stopped, Failed, Deleting, Updating. */
  readonly status?: string;
  readonly instanceType?: string;
  readonly url?: string;
  readonly creationTime?: Date;
  readonly lastModifiedTime?: Date;
}

/** A presigned URL and when it stops working. The URL is a credential: log only `redactUrl(url)`. */
export interface PresignedUrl {
  readonly url: string;
  readonly expiresAt: Date;
  /** When the session the URL opens ends. */
  readonly sessionExpiresAt: Date;
}
