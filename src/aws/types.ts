/** The public shapes of the AWS access layer (see index.ts); resource types live in model.ts. */
import type { DomainAccess } from './domains';
import type { MlflowAccess } from './mlflow';
import type { NotebookAccess } from './notebooks';
import type { PartnerAppAccess } from './partnerApps';
import type { RemoteAccessApi } from './remoteAccess';
import type { PricingAccess } from './pricing';
import type { RunningAccess } from './running';
import type { SpaceIdleAccess } from './spaceIdle';
import type { SpaceAccess } from './spaces';
import type { UrlAccess } from './urlCalls';

// The request types live with their family; named here too, where callers have always found them.
export type { DomainUrlRequest, SpaceListOptions, SpaceOwnership, SpacePage } from './spaces';
export type { NotebookUi, NotebookUrlRequest } from './notebooks';
export type { MlflowAppUrlRequest, MlflowTrackingServerUrlRequest, UrlLifetimes } from './mlflow';
export type { PartnerAppUrlRequest } from './partnerApps';

export type { ApiCallRecord, AwsHooks, AwsSettings, AwsTuning, ListOptions, WaitOptions } from './options';
import type { AwsSettings } from './options';

/**
 * Everything the VS Code layer can ask of AWS: one part per resource family (its module holds the
 * part and its request types), the presigned URLs by operation (./urlCalls.ts), plus the regions to show.
 */
export interface SageMakerAccess extends DomainAccess, SpaceAccess, NotebookAccess, MlflowAccess, PartnerAppAccess, RemoteAccessApi, RunningAccess, PricingAccess, SpaceIdleAccess, UrlAccess {
  readonly settings: AwsSettings;
  /** The regions to show: validated; throws AwsError (kind 'validation') for a bad name or none found. */
  resolveRegions(): Promise<string[]>;
  dispose(): void;
}
