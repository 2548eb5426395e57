/**
 * MLflow on SageMaker: tracking servers (list, describe, start/stop through Starting/Stopping,
 * presigned UI URLs) and MLflow apps (list, describe, presigned UI URLs). Presigned MLflow URLs
 * work once, as the API reference says ("The presigned URL can be used only once").
 */
import * as crypto from 'node:crypto';
import * as arns from './arns';
import { type ServiceContext, type Input, type Operations, DEFAULT_EXPIRES_IN_SECONDS, DEFAULT_SESSION_SECONDS } from './context';
import type { MlflowAppRecord, MlflowTrackingServerRecord, RegionData, TrackingServerStatus } from './data';
import { ServiceError, notFound, validation } from './errors';
import type { SortKey } from './pagination';
import { epoch, listFilters, num, str } from './values';

/** States in which a tracking server runs (IsActive "Active") and its UI can be opened. */
const RUNNING: readonly TrackingServerStatus[] = [
  'Created',
  'Updating',
  'Updated',
  'UpdateFailed',
  'Started',
  'StopFailed',
  'MaintenanceInProgress',
  'MaintenanceComplete',
  'MaintenanceFailed',
];
/** States StopMlflowTrackingServer accepts (not while an update or maintenance is under way). */
const STOPPABLE: readonly TrackingServerStatus[] = ['Created', 'Updated', 'UpdateFailed', 'Started', 'StopFailed', 'MaintenanceComplete', 'MaintenanceFailed'];
/** States StartMlflowTrackingServer accepts. */
const STARTABLE: readonly TrackingServerStatus[] = ['Stopped', 'StartFailed'];
/** MLflow app states whose UI can be opened. */
const MLFLOW_APP_OPEN: readonly MlflowAppRecord['status'][] = ['Created', 'Updating', 'Updated', 'UpdateFailed'];

const conflict = (message: string): ServiceError => new ServiceError('ConflictException', message);

export const isActive = (s: TrackingServerStatus): 'Active' | 'Inactive' => (RUNNING.includes(s) ? 'Active' : 'Inactive');

/** A stable id for the tracking server's own host name (t-<id>), as AWS gives each server one. */
const trackingServerId = (region: string, name: string): string => crypto.createHash('sha256').update(`${region}/${name}`).digest('hex').slice(0, 12);

const servers = (r: RegionData): MlflowTrackingServerRecord[] => (r.mlflowTrackingServers ??= []);
const apps = (r: RegionData): MlflowAppRecord[] => (r.mlflowApps ??= []);

/** The sort key for SortBy Name | CreationTime (default) | Status; each ends in the unique name. */
function sortKey(sortBy: string | undefined, name: string, creationTime: string, status: string): SortKey {
  if (sortBy === 'Name') {
    return [name];
  }
  if (sortBy === 'Status') {
    return [status, name];
  }
  return [epoch(creationTime), name];
}

export function mlflowOperations(ctx: ServiceContext): Operations {
  const serverArn = (region: string, name: string): string => arns.trackingServerArn(region, ctx.account, name);

  const server = (region: string, name: string): MlflowTrackingServerRecord => {
    const s = servers(ctx.region(region)).find((x) => x.trackingServerName === name);
    if (!s) {
      throw notFound(`Tracking server with ARN ${serverArn(region, name)} not found`);
    }
    return s;
  };

  /** The MLflow app an ARN names, in the caller's region and account only. */
  const app = (region: string, arn: string): MlflowAppRecord => {
    const parsed = arns.parseArn(arn);
    const a =
      parsed && parsed.region === region && parsed.account === ctx.account && parsed.type === 'mlflow-app' ? apps(ctx.region(region)).find((x) => x.appId === parsed.id) : undefined;
    if (!a) {
      throw notFound(`MLflow App with ARN ${arn} not found`);
    }
    return a;
  };

  const lifetimes = (input: Input) => {
    const expiresInSeconds = num(input.ExpiresInSeconds) ?? DEFAULT_EXPIRES_IN_SECONDS;
    const session = num(input.SessionExpirationDurationInSeconds) ?? DEFAULT_SESSION_SECONDS;
    const now = ctx.now();
    return {
      createdAt: new Date(now),
      expiresAt: new Date(now + expiresInSeconds * 1000),
      expiresInSeconds,
      sessionExpirationDurationInSeconds: session,
      sessionExpiresAt: new Date(now + session * 1000),
    };
  };

  const touch = (s: MlflowTrackingServerRecord, status: TrackingServerStatus, then: TrackingServerStatus): void => {
    s.status = status;
    s.lastModifiedTime = new Date(ctx.now()).toISOString();
    ctx.schedule(s, then);
  };

  return {
    ListMlflowTrackingServers: (region, input) => {
      const r = ctx.region(region);
      const after = num(input.CreatedAfter);
      const before = num(input.CreatedBefore);
      const version = str(input.MlflowVersion);
      const status = str(input.TrackingServerStatus);
      const sortBy = str(input.SortBy);
      const items = servers(r).filter(
        (s) =>
          (after === undefined || epoch(s.creationTime) > after) &&
          (before === undefined || epoch(s.creationTime) < before) &&
          (version === undefined || s.mlflowVersion === version) &&
          (status === undefined || s.status === status),
      );
      const page = ctx.paginator.page({
        operation: 'ListMlflowTrackingServers',
        region,
        filters: listFilters(input),
        items,
        key: (s) => sortKey(sortBy, s.trackingServerName, s.creationTime, s.status),
        // "By default, tracking servers are listed in Descending order by creation time."
        descending: (str(input.SortOrder) ?? 'Descending') === 'Descending',
        maxResults: num(input.MaxResults),
        nextToken: str(input.NextToken),
      });
      return {
        TrackingServerSummaries: page.items.map((s) => ({
          TrackingServerArn: serverArn(region, s.trackingServerName),
          TrackingServerName: s.trackingServerName,
          CreationTime: epoch(s.creationTime),
          LastModifiedTime: epoch(s.lastModifiedTime),
          TrackingServerStatus: s.status,
          IsActive: isActive(s.status),
          MlflowVersion: s.mlflowVersion,
        })),
        NextToken: page.nextToken,
      };
    },

    DescribeMlflowTrackingServer: (region, input) => {
      const s = server(region, String(input.TrackingServerName));
      return {
        TrackingServerArn: serverArn(region, s.trackingServerName),
        TrackingServerName: s.trackingServerName,
        ArtifactStoreUri: s.artifactStoreUri,
        TrackingServerSize: s.trackingServerSize,
        MlflowVersion: s.mlflowVersion,
        RoleArn: arns.executionRoleArn(ctx.account),
        TrackingServerStatus: s.status,
        TrackingServerMaintenanceStatus: s.maintenanceStatus,
        IsActive: isActive(s.status),
        TrackingServerUrl: arns.trackingServerUrl(region, trackingServerId(region, s.trackingServerName)),
        WeeklyMaintenanceWindowStart: s.weeklyMaintenanceWindowStart,
        AutomaticModelRegistration: s.automaticModelRegistration ?? false,
        CreationTime: epoch(s.creationTime),
        LastModifiedTime: epoch(s.lastModifiedTime),
      };
    },

    StartMlflowTrackingServer: (region, input) => {
      const s = server(region, String(input.TrackingServerName));
      if (!STARTABLE.includes(s.status)) {
        throw conflict(`Tracking server ${s.trackingServerName} is in ${s.status} status; only a Stopped (or StartFailed) tracking server can be started.`);
      }
      touch(s, 'Starting', 'Started');
      return { TrackingServerArn: serverArn(region, s.trackingServerName) };
    },

    StopMlflowTrackingServer: (region, input) => {
      const s = server(region, String(input.TrackingServerName));
      if (!STOPPABLE.includes(s.status)) {
        throw conflict(`Tracking server ${s.trackingServerName} is in ${s.status} status; it cannot be stopped now.`);
      }
      touch(s, 'Stopping', 'Stopped');
      return { TrackingServerArn: serverArn(region, s.trackingServerName) };
    },

    CreatePresignedMlflowTrackingServerUrl: (region, input) => {
      const s = server(region, String(input.TrackingServerName));
      if (!RUNNING.includes(s.status)) {
        throw validation(`Tracking server ${s.trackingServerName} is in ${s.status} status; it must be running (Created, Started or Updated) to open its MLflow UI.`);
      }
      const token = ctx.grants.issue({ kind: 'mlflowTrackingServer', region, trackingServerName: s.trackingServerName, singleUse: true, ...lifetimes(input) });
      return { AuthorizedUrl: `${ctx.baseUrl}/mlflow/tracking-server/${encodeURIComponent(s.trackingServerName)}?authToken=${token}` };
    },

    ListMlflowApps: (region, input) => {
      const r = ctx.region(region);
      const after = num(input.CreatedAfter);
      const before = num(input.CreatedBefore);
      const version = str(input.MlflowVersion);
      const status = str(input.Status);
      const accountDefault = str(input.AccountDefaultStatus);
      const domainId = str(input.DefaultForDomainId);
      const sortBy = str(input.SortBy);
      const items = apps(r).filter(
        (a) =>
          (after === undefined || epoch(a.creationTime) > after) &&
          (before === undefined || epoch(a.creationTime) < before) &&
          (version === undefined || a.mlflowVersion === version) &&
          (status === undefined || a.status === status) &&
          (accountDefault === undefined || (a.accountDefaultStatus ?? 'DISABLED') === accountDefault) &&
          (domainId === undefined || (a.defaultDomainIds ?? []).includes(domainId)),
      );
      const page = ctx.paginator.page({
        operation: 'ListMlflowApps',
        region,
        filters: listFilters(input),
        items,
        // Names need not be unique across apps; the id is.
        key: (a) => [...sortKey(sortBy, a.name, a.creationTime, a.status), a.appId],
        descending: (str(input.SortOrder) ?? 'Descending') === 'Descending',
        maxResults: num(input.MaxResults),
        nextToken: str(input.NextToken),
      });
      return {
        Summaries: page.items.map((a) => ({
          Arn: arns.mlflowAppArn(region, ctx.account, a.appId),
          Name: a.name,
          Status: a.status,
          CreationTime: epoch(a.creationTime),
          LastModifiedTime: epoch(a.lastModifiedTime),
          MlflowVersion: a.mlflowVersion,
        })),
        NextToken: page.nextToken,
      };
    },

    DescribeMlflowApp: (region, input) => {
      const a = app(region, String(input.Arn));
      return {
        Arn: arns.mlflowAppArn(region, ctx.account, a.appId),
        Name: a.name,
        Status: a.status,
        ArtifactStoreUri: a.artifactStoreUri,
        MlflowVersion: a.mlflowVersion,
        RoleArn: arns.executionRoleArn(ctx.account),
        ModelRegistrationMode: a.modelRegistrationMode ?? 'AutoModelRegistrationDisabled',
        AccountDefaultStatus: a.accountDefaultStatus ?? 'DISABLED',
        DefaultDomainIdList: a.defaultDomainIds ?? [],
        WeeklyMaintenanceWindowStart: a.weeklyMaintenanceWindowStart,
        CreationTime: epoch(a.creationTime),
        LastModifiedTime: epoch(a.lastModifiedTime),
      };
    },

    CreatePresignedMlflowAppUrl: (region, input) => {
      const a = app(region, String(input.Arn));
      if (!MLFLOW_APP_OPEN.includes(a.status)) {
        throw validation(`MLflow App ${a.name} is in ${a.status} status; its MLflow UI can be opened when it is Created or Updated.`);
      }
      const arn = arns.mlflowAppArn(region, ctx.account, a.appId);
      const token = ctx.grants.issue({ kind: 'mlflowApp', region, arn, name: a.name, singleUse: true, ...lifetimes(input) });
      return { AuthorizedUrl: `${ctx.baseUrl}/mlflow/app/${encodeURIComponent(a.appId)}?authToken=${token}` };
    },
  };
}
