/** The public shapes of the AWS access layer (see index.ts); resource types live in model.ts. */
import type { DomainAccess } from './domains';
import type { MlflowAccess } from './mlflow';
import type { NotebookAccess } from './notebooks';
import type { PartnerAppAccess } from './partnerApps';
import type { RemoteAccessApi } from './remoteAccess';
import type { SpaceAccess } from './spaces';

// The request types live with their family; named here too, where callers have always found them.
export type { DomainUrlRequest, SpaceListOptions, SpaceOwnership, SpacePage } from './spaces';
export type { NotebookUi, NotebookUrlRequest } from './notebooks';
export type { MlflowAppUrlRequest, MlflowTrackingServerUrlRequest, UrlLifetimes } from './mlflow';
export type { PartnerAppUrlRequest } from './partnerApps';

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
  /**
   * Server-side name filter (NameContains / UserProfileNameContains / SpaceNameContains).
   * ListDomains has none: there it filters the page read (name or id, any case).
   */
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

/**
 * Everything the VS Code layer can ask of AWS: one part per resource family (its module holds the
 * part and its request types), plus the regions to show.
 */
export interface SageMakerAccess extends DomainAccess, SpaceAccess, NotebookAccess, MlflowAccess, PartnerAppAccess, RemoteAccessApi {
  readonly settings: AwsSettings;
  /** The regions to show: validated; throws AwsError (kind 'validation') for a bad name or none found. */
  resolveRegions(): Promise<string[]>;
  dispose(): void;
}
