/**
 * MLflow on SageMaker: tracking servers (list, describe, presign, start, stop, wait) and MLflow
 * apps (list, describe, presign). Their presigned URLs can be used once.
 */
import type {
  DescribeMlflowAppCommandOutput,
  DescribeMlflowTrackingServerCommandOutput,
  MlflowAppSummary,
  TrackingServerSummary,
} from '@aws-sdk/client-sagemaker';
import type { AwsCore } from './core';
import type { Page, PresignedUrl } from './model';
import { listPage } from './paging';
import { presignKeyed } from './presign';
import type { ListOptions, WaitOptions } from './options';
import { checkKindField, nameFilter } from './urlLimits';
import { waitUntil } from './waiting';

export interface MlflowTrackingServer {
  readonly region: string;
  readonly trackingServerName: string;
  readonly trackingServerArn?: string;
  /** TrackingServerStatus: Creating, Created, Updating, Stopping, Stopped, Starting, Started, ...Failed, Maintenance... */
  readonly status?: string;
  /** IsActive: Active or Inactive. */
  readonly isActive?: string;
  readonly mlflowVersion?: string;
  /** Small, Medium or Large: only DescribeMlflowTrackingServer says (not the list). */
  readonly trackingServerSize?: string;
  readonly artifactStoreUri?: string;
  readonly creationTime?: Date;
  readonly lastModifiedTime?: Date;
}

export interface MlflowApp {
  readonly region: string;
  readonly name: string;
  readonly arn: string;
  /** MlflowAppStatus: Creating, Created, CreateFailed, Updating, Updated, UpdateFailed, Deleting, DeleteFailed, Deleted. */
  readonly status?: string;
  readonly mlflowVersion?: string;
  readonly artifactStoreUri?: string;
  readonly creationTime?: Date;
  readonly lastModifiedTime?: Date;
}

/** The two lifetimes a presigned MLflow or partner app URL takes (defaults: the longest allowed). */
export interface UrlLifetimes {
  /** 5-300 (the operation's ExpiresInSeconds). */
  expiresInSeconds?: number;
  /** 1800-43200. */
  sessionExpirationDurationInSeconds?: number;
}

export type MlflowTrackingServerUrlRequest = { trackingServerName: string } & UrlLifetimes;
export type MlflowAppUrlRequest = { arn: string } & UrlLifetimes;

/** The MLflow part of SageMakerAccess. */
export interface MlflowAccess {
  listMlflowTrackingServers(region: string, o?: ListOptions): Promise<Page<MlflowTrackingServer>>;
  describeMlflowTrackingServer(region: string, name: string, signal?: AbortSignal): Promise<MlflowTrackingServer>;
  startMlflowTrackingServer(region: string, name: string): Promise<void>;
  stopMlflowTrackingServer(region: string, name: string): Promise<void>;
  /** Waits for Started (running) or Stopped. */
  waitForMlflowTrackingServer(region: string, name: string, target: 'Started' | 'Stopped', o?: WaitOptions): Promise<MlflowTrackingServer>;
  listMlflowApps(region: string, o?: ListOptions): Promise<Page<MlflowApp>>;
  describeMlflowApp(region: string, arn: string, signal?: AbortSignal): Promise<MlflowApp>;
}

export function toMlflowTrackingServer(region: string, s: TrackingServerSummary | DescribeMlflowTrackingServerCommandOutput): MlflowTrackingServer {
  const size = 'TrackingServerSize' in s ? s.TrackingServerSize : undefined;
  const store = 'ArtifactStoreUri' in s ? s.ArtifactStoreUri : undefined;
  return {
    region,
    trackingServerName: s.TrackingServerName ?? '',
    trackingServerArn: s.TrackingServerArn,
    status: s.TrackingServerStatus,
    isActive: s.IsActive,
    mlflowVersion: s.MlflowVersion,
    trackingServerSize: size,
    artifactStoreUri: store,
    creationTime: s.CreationTime,
    lastModifiedTime: s.LastModifiedTime,
  };
}

export function toMlflowApp(region: string, a: MlflowAppSummary | DescribeMlflowAppCommandOutput): MlflowApp {
  return {
    region,
    name: a.Name ?? a.Arn ?? '',
    arn: a.Arn ?? '',
    status: a.Status,
    mlflowVersion: a.MlflowVersion,
    artifactStoreUri: 'ArtifactStoreUri' in a ? a.ArtifactStoreUri : undefined,
    creationTime: a.CreationTime,
    lastModifiedTime: a.LastModifiedTime,
  };
}

/** Tracking server states from which it runs again (Started) or that end a wait for one. */
const SERVER_FAILED = ['CreateFailed', 'DeleteFailed', 'Deleting', 'StartFailed', 'StopFailed'];

/** Their presigned URLs, made through SageMakerAccess.presignUrl (./urlCalls.ts), keyed by their operations. */
export interface MlflowPresigning {
  presignMlflowTrackingServerUrl(region: string, r: MlflowTrackingServerUrlRequest, signal?: AbortSignal): Promise<PresignedUrl>;
  presignMlflowAppUrl(region: string, r: MlflowAppUrlRequest, signal?: AbortSignal): Promise<PresignedUrl>;
}

export function mlflowAccess(core: AwsCore): MlflowAccess & MlflowPresigning {
  const mlflow: MlflowAccess & MlflowPresigning = {
    listMlflowTrackingServers(region, o) {
      return listPage(
        core,
        region,
        'ListMlflowTrackingServers',
        o,
        (c, sdk) =>
          c.send(new sdk.ListMlflowTrackingServersCommand({ NextToken: o?.nextToken, MaxResults: o?.maxResults, SortBy: 'Name', SortOrder: 'Ascending' }), {
            abortSignal: o?.signal,
          }),
        // No server-side name filter: the view's filter applies to the page read.
        (out) => nameFilter((out.TrackingServerSummaries ?? []).map((s) => toMlflowTrackingServer(region, s)), (s) => s.trackingServerName, o?.nameContains),
      );
    },

    async describeMlflowTrackingServer(region, name, signal) {
      checkKindField('TrackingServerName', name, 'DescribeMlflowTrackingServer');
      const out = await core.call(region, 'DescribeMlflowTrackingServer', (c, sdk) =>
        c.send(new sdk.DescribeMlflowTrackingServerCommand({ TrackingServerName: name }), { abortSignal: signal }),
      );
      return toMlflowTrackingServer(region, out);
    },

    presignMlflowTrackingServerUrl(region, r, signal) {
      return presignKeyed(
        core,
        region,
        'CreatePresignedMlflowTrackingServerUrl',
        ['TrackingServerName', r.trackingServerName],
        r,
        (l, c, sdk) =>
          c.send(
            new sdk.CreatePresignedMlflowTrackingServerUrlCommand({
              TrackingServerName: r.trackingServerName,
              ExpiresInSeconds: l.expiresInSeconds,
              SessionExpirationDurationInSeconds: l.sessionExpirationDurationInSeconds,
            }),
            { abortSignal: signal },
          ),
        (out) => out.AuthorizedUrl,
      );
    },

    async startMlflowTrackingServer(region, name) {
      checkKindField('TrackingServerName', name, 'StartMlflowTrackingServer');
      await core.call(region, 'StartMlflowTrackingServer', (c, sdk) => c.send(new sdk.StartMlflowTrackingServerCommand({ TrackingServerName: name })));
    },

    async stopMlflowTrackingServer(region, name) {
      checkKindField('TrackingServerName', name, 'StopMlflowTrackingServer');
      await core.call(region, 'StopMlflowTrackingServer', (c, sdk) => c.send(new sdk.StopMlflowTrackingServerCommand({ TrackingServerName: name })));
    },

    waitForMlflowTrackingServer(region, name, target, o) {
      return waitUntil(
        `MLflow tracking server "${name}"`,
        (signal) => mlflow.describeMlflowTrackingServer(region, name, signal),
        (s) => s.status ?? 'Unknown',
        (s) => s.status === target,
        (s) => s.status !== undefined && SERVER_FAILED.includes(s.status),
        o,
      );
    },

    listMlflowApps(region, o) {
      return listPage(
        core,
        region,
        'ListMlflowApps',
        o,
        (c, sdk) =>
          c.send(new sdk.ListMlflowAppsCommand({ NextToken: o?.nextToken, MaxResults: o?.maxResults, SortBy: 'Name', SortOrder: 'Ascending' }), {
            abortSignal: o?.signal,
          }),
        (out) => nameFilter((out.Summaries ?? []).map((a) => toMlflowApp(region, a)), (a) => a.name, o?.nameContains),
      );
    },

    async describeMlflowApp(region, arn, signal) {
      checkKindField('MlflowAppArn', arn, 'DescribeMlflowApp');
      const out = await core.call(region, 'DescribeMlflowApp', (c, sdk) => c.send(new sdk.DescribeMlflowAppCommand({ Arn: arn }), { abortSignal: signal }));
      return toMlflowApp(region, out);
    },

    presignMlflowAppUrl(region, r, signal) {
      return presignKeyed(
        core,
        region,
        'CreatePresignedMlflowAppUrl',
        ['MlflowAppArn', r.arn],
        r,
        (l, c, sdk) =>
          c.send(
            new sdk.CreatePresignedMlflowAppUrlCommand({
              Arn: r.arn,
              ExpiresInSeconds: l.expiresInSeconds,
              SessionExpirationDurationInSeconds: l.sessionExpirationDurationInSeconds,
            }),
            { abortSignal: signal },
          ),
        (out) => out.AuthorizedUrl,
      );
    },
  };
  return mlflow;
}
