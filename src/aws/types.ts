/** The public shapes of the AWS access layer (see index.ts); resource types live in model.ts. */
import type { Domain, NotebookInstance, Page, PresignedUrl, Space, UserProfile } from './model';

export interface AwsSettings {
  /** Named profile; undefined = the SDK's default chain (which honours AWS_PROFILE). */
  profile?: string;
  /** Explicit list; empty/undefined = the profile's region, else the environment's. */
  regions?: string[];
  /** Custom endpoint (local emulator, VPC endpoint); undefined = the SDK's own resolution. */
  endpointUrl?: string;
}

export interface ApiCallRecord {
  operation: string;
  region: string;
  durationMs: number;
  outcome: 'ok' | 'error';
  errorName?: string;
}

export interface AwsHooks {
  /** Asked when a profile needs an MFA code (assume-role with mfa_serial). */
  mfaCode?: (mfaSerial: string) => Promise<string>;
  /** One record per API call (retries included in it), for the "SageMaker" log channel; never gets URLs. */
  onApiCall?: (record: ApiCallRecord) => void;
}

/** Tuning that tests and the benchmark change; the extension uses the defaults. */
export interface AwsTuning {
  /** SDK attempts per call, first try included (default 3). */
  maxAttempts?: number;
  /** TCP connect timeout (default 5000 ms). */
  connectionTimeoutMs?: number;
  /** Whole request timeout (default 30000 ms). */
  requestTimeoutMs?: number;
}

export interface ListOptions {
  nextToken?: string;
  /** Server-side name filter (NameContains / UserProfileNameContains / SpaceNameContains). */
  nameContains?: string;
  /** Page size asked of the service (1-100). */
  maxResults?: number;
  signal?: AbortSignal;
}

export interface WaitOptions {
  signal?: AbortSignal;
  /** Give up after this long (default 15 minutes) with an AwsError of kind 'timeout'. */
  timeoutMs?: number;
  /** Time between polls (default 5000 ms). */
  pollMs?: number;
  /** Called with each status seen that differs from the previous one. */
  onProgress?: (status: string) => void;
}

/** What the caller already knows about a space's ownership, so no DescribeSpace is needed. */
export interface SpaceOwnership {
  sharingType?: 'Private' | 'Shared';
  ownerUserProfileName?: string;
}

export interface DomainUrlRequest {
  domainId: string;
  userProfileName: string;
  spaceName?: string;
  /** 'studio::/path', 'app:JupyterLab:/path', ... */
  landingUri?: string;
  /** 5-300, default 300. */
  expiresInSeconds?: number;
  /** 1800-43200, default 43200. */
  sessionExpirationDurationInSeconds?: number;
  /**
   * Optional: the space's sharing type and owner (a `Space` from a listing fits). With it, a
   * private space's URL is made for its owner without a DescribeSpace call.
   */
  spaceInfo?: SpaceOwnership;
}

export type NotebookUi = 'JupyterLab' | 'Jupyter';

export interface NotebookUrlRequest {
  notebookInstanceName: string;
  ui: NotebookUi;
  /** 1800-43200, default 43200. */
  sessionExpirationDurationInSeconds?: number;
}

export interface SageMakerAccess {
  readonly settings: AwsSettings;
  /** The regions to show: validated; throws AwsError (kind 'validation') for a bad name or none found. */
  resolveRegions(): Promise<string[]>;
  listDomains(region: string, o?: ListOptions): Promise<Page<Domain>>;
  listUserProfiles(region: string, domainId: string, o?: ListOptions): Promise<Page<UserProfile>>;
  /**
   * The spaces this user profile can open: its own private spaces, then the domain's shared ones.
   * Paging follows ListSpaces (pages of `maxResults`, default 100): a call reads one ListSpaces
   * page, or more while the pages read hold nothing for this profile (at most 5), and returns the
   * matching spaces of those pages, private ones first; `nextToken` continues the ListSpaces
   * listing. So a page can be shorter than maxResults, and is empty only at the end.
   * App states come from ListApps: one call when the page holds one space, else the domain's apps
   * newest first until every space is seen (one call in a small domain); a "Load more" page
   * within a minute reuses a complete read.
   */
  listSpacesFor(region: string, domainId: string, userProfileName: string, o?: ListOptions): Promise<Page<Space>>;
  listNotebookInstances(region: string, o?: ListOptions): Promise<Page<NotebookInstance>>;
  describeNotebookInstance(region: string, name: string, signal?: AbortSignal): Promise<NotebookInstance>;
  describeSpace(region: string, domainId: string, spaceName: string, signal?: AbortSignal): Promise<Space>;
  presignDomainUrl(region: string, r: DomainUrlRequest, signal?: AbortSignal): Promise<PresignedUrl>;
  presignNotebookUrl(region: string, r: NotebookUrlRequest, signal?: AbortSignal): Promise<PresignedUrl>;
  startNotebookInstance(region: string, name: string): Promise<void>;
  stopNotebookInstance(region: string, name: string): Promise<void>;
  /** CreateApp with the space's app type. */
  startSpace(region: string, space: Space): Promise<void>;
  /** DeleteApp of the space's running app (nothing to do when it has none). */
  stopSpace(region: string, space: Space): Promise<void>;
  waitForNotebookInstance(region: string, name: string, target: 'InService' | 'Stopped', o?: WaitOptions): Promise<NotebookInstance>;
  waitForSpace(region: string, domainId: string, spaceName: string, target: 'Running' | 'Stopped', o?: WaitOptions): Promise<Space>;
  dispose(): void;
}
