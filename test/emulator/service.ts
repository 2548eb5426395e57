/**
 * The SageMaker operations the extension uses, over the emulator's account data: lists with the
 * API's filters, sorting and pagination, describes, app and notebook instance lifecycles that move
 * through their real states after `transitionDelayMs`, and presigned URLs that point back at the
 * emulator. Inputs arrive already validated against the API model.
 */
import * as arns from './arns';
import { DEFAULT_EXPIRES_IN_SECONDS, DEFAULT_SESSION_SECONDS, type Input, type Operations, type ServiceContext } from './context';
import type { AppRecord, AppStatus, DomainRecord, EmulatorData, MlflowTrackingServerRecord, NotebookInstanceRecord, RegionData, SpaceRecord } from './data';
import { DEFAULT_LIMITS, emptyRegion } from './data';
import { inUse, limitExceeded, notFound, validation } from './errors';
import { mlflowOperations } from './mlflow';
import { ssoPath } from './pages';
import { partnerAppOperations } from './partner-apps';
import { Paginator, type SortKey } from './pagination';
import { PresignedGrants } from './presigned';
import { remoteOperations, RemoteSessions } from './remote';
import { domainIdleDefaults, spaceIdleSettings } from './running';
import { contains, epoch, num, str } from './values';

export { DEFAULT_EXPIRES_IN_SECONDS, DEFAULT_SESSION_SECONDS } from './context';

/** Landing pages CreatePresignedDomainUrl accepts (see the API reference for LandingUri). */
const LANDING_URI = /^(studio::|app:(JupyterServer|JupyterLab|RStudioServerPro|CodeEditor|Canvas):)/;

/** Notebook instance URLs last 5 minutes; the API has no parameter for it. */
export const NOTEBOOK_URL_LIFETIME_SECONDS = 300;

interface Transition {
  to: string;
  at: number;
}

export class SageMakerService implements ServiceContext {
  private data: EmulatorData;
  private readonly transitions = new Map<object, Transition>();
  readonly paginator = new Paginator();
  readonly grants = new PresignedGrants();
  /** The remote sessions StartSession handed out (./remote.ts). */
  readonly sessions = new RemoteSessions();
  /** Added to the wall clock for expiries and transitions, so tests can move time forward. */
  clockOffsetMs = 0;
  /** Where presigned URLs point: the emulator's own address, set once it listens. */
  baseUrl = 'http://127.0.0.1';

  constructor(
    private readonly initialData: EmulatorData,
    public transitionDelayMs: number,
  ) {
    this.data = structuredClone(initialData);
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  get regions(): string[] {
    return Object.keys(this.data.regions);
  }

  /** Back to the data the emulator started with; pagination tokens issued before become stale. */
  reset(): void {
    this.data = structuredClone(this.initialData);
    this.transitions.clear();
    this.grants.clear();
    this.sessions.clear();
    this.clockOffsetMs = 0;
    this.paginator.generation++;
  }

  region(name: string): RegionData {
    // Any region works as AWS does: one without data is an empty account there.
    let r = this.data.regions[name];
    if (!r) {
      r = emptyRegion();
      this.data.regions[name] = r;
    }
    this.settle(r);
    return r;
  }

  get account(): string {
    return this.data.accountId;
  }

  /** Applies the state transitions that are due (Pending -> InService, Stopping -> Stopped, ...). */
  private settle(r: RegionData): void {
    const now = this.now();
    for (const record of [...r.apps, ...r.notebookInstances, ...(r.mlflowTrackingServers ?? [])] as (AppRecord | NotebookInstanceRecord | MlflowTrackingServerRecord)[]) {
      const t = this.transitions.get(record);
      if (t && t.at <= now) {
        this.transitions.delete(record);
        record.status = t.to as never;
        if ('lastModifiedTime' in record) {
          record.lastModifiedTime = new Date(t.at).toISOString();
        }
      }
    }
  }

  /** Adds a user profile to a domain, or removes one (`remove: true`): the admin path's `POST /userProfiles`. */
  changeUserProfile(change: { region?: unknown; domainId?: unknown; userProfileName?: unknown; remove?: unknown }): { userProfiles: number } {
    const { region, domainId, userProfileName, remove } = change;
    if (typeof region !== 'string' || typeof domainId !== 'string' || typeof userProfileName !== 'string' || !userProfileName) {
      throw new Error('region, domainId and userProfileName must be strings, e.g. {"region": "us-east-1", "domainId": "d-…", "userProfileName": "zoe"}');
    }
    const r = this.region(region);
    if (!r.domains.some((d) => d.domainId === domainId)) {
      throw new Error(`no domain ${domainId} in ${region}`);
    }
    const others = r.userProfiles.filter((u) => !(u.domainId === domainId && u.userProfileName === userProfileName));
    if (remove === true) {
      r.userProfiles = others;
    } else if (others.length === r.userProfiles.length) {
      const at = new Date(this.now()).toISOString();
      r.userProfiles.push({ domainId, userProfileName, status: 'InService', creationTime: at, lastModifiedTime: at });
    }
    return { userProfiles: r.userProfiles.filter((u) => u.domainId === domainId).length };
  }

  schedule(record: object, to: string): void {
    this.transitions.set(record, { to, at: this.now() + this.transitionDelayMs });
  }

  /** Regions the account has not enabled (opt-in regions): calls signed for them are refused. */
  isRegionDisabled(region: string): boolean {
    return (this.data.disabledRegions ?? []).includes(region);
  }

  /** A domain's Url: Studio's address, or for an SSO domain the emulator's stand-in for the IAM Identity Center sign-in. */
  private domainUrl(region: string, d: DomainRecord): string {
    return d.authMode === 'SSO' ? `${this.baseUrl}${ssoPath(region, d.domainId)}` : arns.domainUrl(region, d.domainId);
  }

  /** The name of an SSO domain (for its sign-in page), if there is one with that id. */
  ssoDomainName(region: string, domainId: string): string | undefined {
    const d = this.data.regions[region]?.domains.find((x) => x.domainId === domainId);
    return d?.authMode === 'SSO' ? d.domainName : undefined;
  }

  /** The MLflow version of a tracking server (for the page its URL opens). */
  trackingServerVersion(region: string, name: string): string | undefined {
    return this.data.regions[region]?.mlflowTrackingServers?.find((s) => s.trackingServerName === name)?.mlflowVersion;
  }

  /** The type of a partner app (for the page its URL opens). */
  partnerAppType(region: string, appId: string): string | undefined {
    return this.data.regions[region]?.partnerApps?.find((p) => p.appId === appId)?.type;
  }

  /** The app type a space runs (for the page its URL opens), if the space exists. */
  spaceAppType(region: string, domainId: string, spaceName: string | undefined): string | undefined {
    if (spaceName === undefined) {
      return undefined;
    }
    return this.data.regions[region]?.spaces.find((s) => s.domainId === domainId && s.spaceName === spaceName)?.appType;
  }

  // ---- lookups -------------------------------------------------------------------------------

  private domain(r: RegionData, region: string, domainId: string) {
    const d = r.domains.find((x) => x.domainId === domainId);
    if (!d) {
      throw notFound(`Domain with ARN ${arns.domainArn(region, this.account, domainId)} not found`);
    }
    return d;
  }

  private userProfile(r: RegionData, region: string, domainId: string, name: string) {
    this.domain(r, region, domainId);
    const u = r.userProfiles.find((x) => x.domainId === domainId && x.userProfileName === name);
    if (!u) {
      throw notFound(`User profile with ARN ${arns.userProfileArn(region, this.account, domainId, name)} not found`);
    }
    return u;
  }

  private space(r: RegionData, region: string, domainId: string, name: string): SpaceRecord {
    this.domain(r, region, domainId);
    const s = r.spaces.find((x) => x.domainId === domainId && x.spaceName === name);
    if (!s) {
      throw notFound(`Space with ARN ${arns.spaceArn(region, this.account, domainId, name)} not found`);
    }
    return s;
  }

  private notebook(r: RegionData, name: string): NotebookInstanceRecord {
    const n = r.notebookInstances.find((x) => x.notebookInstanceName === name);
    if (!n) {
      // What SageMaker says for an unknown notebook instance.
      throw validation('RecordNotFound');
    }
    return n;
  }

  private appOwner(a: { spaceName?: string; userProfileName?: string }): string {
    return a.spaceName ?? a.userProfileName ?? '';
  }

  private appArn(region: string, a: AppRecord): string {
    return arns.appArn(region, this.account, a.domainId, this.appOwner(a), a.appType, a.appName);
  }

  private findApp(r: RegionData, input: Input): AppRecord | undefined {
    return r.apps.find(
      (a) =>
        a.domainId === input.DomainId &&
        a.appType === input.AppType &&
        a.appName === input.AppName &&
        (a.spaceName ?? undefined) === str(input.SpaceName) &&
        (a.userProfileName ?? undefined) === str(input.UserProfileName),
    );
  }

  private appArnFromInput(region: string, input: Input): string {
    return arns.appArn(region, this.account, String(input.DomainId), str(input.SpaceName) ?? str(input.UserProfileName) ?? '', String(input.AppType), String(input.AppName));
  }

  // ---- operations ----------------------------------------------------------------------------

  readonly operations: Operations = {
    ...mlflowOperations(this),
    ...partnerAppOperations(this),
    ...remoteOperations(this),

    ListDomains: (region, input) => {
      const r = this.region(region);
      const page = this.paginator.page({
        operation: 'ListDomains',
        region,
        filters: {},
        items: r.domains,
        key: (d) => [epoch(d.creationTime), d.domainId],
        maxResults: num(input.MaxResults),
        nextToken: str(input.NextToken),
      });
      return {
        Domains: page.items.map((d) => ({
          DomainArn: arns.domainArn(region, this.account, d.domainId),
          DomainId: d.domainId,
          DomainName: d.domainName,
          Status: d.status,
          CreationTime: epoch(d.creationTime),
          LastModifiedTime: epoch(d.lastModifiedTime),
          Url: this.domainUrl(region, d),
        })),
        NextToken: page.nextToken,
      };
    },

    DescribeDomain: (region, input) => {
      const r = this.region(region);
      const d = this.domain(r, region, String(input.DomainId));
      return {
        DomainArn: arns.domainArn(region, this.account, d.domainId),
        DomainId: d.domainId,
        DomainName: d.domainName,
        Status: d.status,
        AuthMode: d.authMode,
        AppNetworkAccessType: d.vpcId ? 'VpcOnly' : 'PublicInternetOnly',
        CreationTime: epoch(d.creationTime),
        LastModifiedTime: epoch(d.lastModifiedTime),
        Url: this.domainUrl(region, d),
        VpcId: d.vpcId,
        SubnetIds: d.subnetIds,
        FailureReason: d.failureReason,
        HomeEfsFileSystemId: `fs-${d.domainId.slice(2, 10).replace(/[^0-9a-f]/g, 'a')}`,
        // An SSO domain names its IAM Identity Center application.
        ...(d.authMode === 'SSO'
          ? {
              SingleSignOnManagedApplicationInstanceId: `ins-${d.domainId.slice(2)}`,
              SingleSignOnApplicationArn: `arn:aws:sso::${this.account}:application/ssoins-7223${d.domainId.slice(2)}/apl-${d.domainId.slice(2)}`,
            }
          : {}),
        ...domainIdleDefaults(d, arns.executionRoleArn(this.account)),
      };
    },

    ListUserProfiles: (region, input) => {
      const r = this.region(region);
      const domainId = str(input.DomainIdEquals);
      const nameContains = str(input.UserProfileNameContains);
      const sortBy = str(input.SortBy) ?? 'CreationTime';
      const items = r.userProfiles.filter((u) => (domainId === undefined || u.domainId === domainId) && contains(u.userProfileName, nameContains));
      const page = this.paginator.page({
        operation: 'ListUserProfiles',
        region,
        filters: { domainId, nameContains, sortBy, sortOrder: input.SortOrder ?? 'Ascending' },
        items,
        key: (u) => [epoch(sortBy === 'LastModifiedTime' ? u.lastModifiedTime : u.creationTime), u.domainId, u.userProfileName],
        descending: input.SortOrder === 'Descending',
        maxResults: num(input.MaxResults),
        nextToken: str(input.NextToken),
      });
      return {
        UserProfiles: page.items.map((u) => ({
          DomainId: u.domainId,
          UserProfileName: u.userProfileName,
          Status: u.status,
          CreationTime: epoch(u.creationTime),
          LastModifiedTime: epoch(u.lastModifiedTime),
        })),
        NextToken: page.nextToken,
      };
    },

    DescribeUserProfile: (region, input) => {
      const r = this.region(region);
      const u = this.userProfile(r, region, String(input.DomainId), String(input.UserProfileName));
      return {
        DomainId: u.domainId,
        UserProfileArn: arns.userProfileArn(region, this.account, u.domainId, u.userProfileName),
        UserProfileName: u.userProfileName,
        Status: u.status,
        CreationTime: epoch(u.creationTime),
        LastModifiedTime: epoch(u.lastModifiedTime),
        HomeEfsFileSystemUid: String(200000 + r.userProfiles.indexOf(u)),
        UserSettings: { ExecutionRole: arns.executionRoleArn(this.account) },
      };
    },

    ListSpaces: (region, input) => {
      const r = this.region(region);
      const domainId = str(input.DomainIdEquals);
      const nameContains = str(input.SpaceNameContains);
      const sortBy = str(input.SortBy) ?? 'CreationTime';
      const items = r.spaces.filter((s) => (domainId === undefined || s.domainId === domainId) && contains(s.spaceName, nameContains));
      const page = this.paginator.page({
        operation: 'ListSpaces',
        region,
        filters: { domainId, nameContains, sortBy, sortOrder: input.SortOrder ?? 'Ascending' },
        items,
        key: (s) => [epoch(sortBy === 'LastModifiedTime' ? s.lastModifiedTime : s.creationTime), s.domainId, s.spaceName],
        descending: input.SortOrder === 'Descending',
        maxResults: num(input.MaxResults),
        nextToken: str(input.NextToken),
      });
      return {
        Spaces: page.items.map((s) => ({
          DomainId: s.domainId,
          SpaceName: s.spaceName,
          SpaceDisplayName: s.spaceDisplayName,
          Status: s.status,
          CreationTime: epoch(s.creationTime),
          LastModifiedTime: epoch(s.lastModifiedTime),
          SpaceSettingsSummary: { AppType: s.appType },
          SpaceSharingSettingsSummary: { SharingType: s.sharingType },
          OwnershipSettingsSummary: s.ownerUserProfileName ? { OwnerUserProfileName: s.ownerUserProfileName } : undefined,
        })),
        NextToken: page.nextToken,
      };
    },

    DescribeSpace: (region, input) => {
      const r = this.region(region);
      const s = this.space(r, region, String(input.DomainId), String(input.SpaceName));
      return {
        DomainId: s.domainId,
        SpaceArn: arns.spaceArn(region, this.account, s.domainId, s.spaceName),
        SpaceName: s.spaceName,
        SpaceDisplayName: s.spaceDisplayName,
        Status: s.status,
        CreationTime: epoch(s.creationTime),
        LastModifiedTime: epoch(s.lastModifiedTime),
        SpaceSettings: { AppType: s.appType, RemoteAccess: s.remoteAccess, ...spaceIdleSettings(s) },
        SpaceSharingSettings: { SharingType: s.sharingType },
        OwnershipSettings: s.ownerUserProfileName ? { OwnerUserProfileName: s.ownerUserProfileName } : undefined,
        Url: `${arns.domainUrl(region, s.domainId)}/jupyterlab/default`,
      };
    },

    ListApps: (region, input) => {
      const r = this.region(region);
      const domainId = str(input.DomainIdEquals);
      const user = str(input.UserProfileNameEquals);
      const space = str(input.SpaceNameEquals);
      if (user !== undefined && space !== undefined) {
        throw validation('Only one of UserProfileNameEquals and SpaceNameEquals can be specified.');
      }
      const items = r.apps.filter(
        (a) => (domainId === undefined || a.domainId === domainId) && (user === undefined || a.userProfileName === user) && (space === undefined || a.spaceName === space),
      );
      const page = this.paginator.page({
        operation: 'ListApps',
        region,
        filters: { domainId, user, space, sortOrder: input.SortOrder ?? 'Ascending' },
        items,
        key: (a) => [epoch(a.creationTime), a.domainId, this.appOwner(a), a.appType, a.appName],
        descending: input.SortOrder === 'Descending',
        maxResults: num(input.MaxResults),
        nextToken: str(input.NextToken),
      });
      return {
        Apps: page.items.map((a) => ({
          DomainId: a.domainId,
          UserProfileName: a.userProfileName,
          SpaceName: a.spaceName,
          AppType: a.appType,
          AppName: a.appName,
          Status: a.status,
          CreationTime: epoch(a.creationTime),
          ResourceSpec: a.instanceType ? { InstanceType: a.instanceType } : undefined,
        })),
        NextToken: page.nextToken,
      };
    },

    DescribeApp: (region, input) => {
      const r = this.region(region);
      this.domain(r, region, String(input.DomainId));
      const a = this.findApp(r, input);
      if (!a) {
        throw notFound(`App with ARN ${this.appArnFromInput(region, input)} not found`);
      }
      return {
        AppArn: this.appArn(region, a),
        DomainId: a.domainId,
        UserProfileName: a.userProfileName,
        SpaceName: a.spaceName,
        AppType: a.appType,
        AppName: a.appName,
        Status: a.status,
        CreationTime: epoch(a.creationTime),
        FailureReason: a.failureReason,
        ResourceSpec: a.instanceType ? { InstanceType: a.instanceType } : undefined,
      };
    },

    CreateApp: (region, input) => {
      const r = this.region(region);
      const domainId = String(input.DomainId);
      this.domain(r, region, domainId);
      const spaceName = str(input.SpaceName);
      const userProfileName = str(input.UserProfileName);
      if ((spaceName === undefined) === (userProfileName === undefined)) {
        throw validation('Exactly one of UserProfileName or SpaceName must be specified.');
      }
      const appType = String(input.AppType) as AppRecord['appType'];
      if (spaceName !== undefined) {
        const s = this.space(r, region, domainId, spaceName);
        if (s.appType !== appType) {
          throw validation(`Space ${spaceName} is set up for ${s.appType} apps; it cannot run a ${appType} app.`);
        }
        const running = r.apps.find((a) => a.domainId === domainId && a.spaceName === spaceName && (a.status === 'InService' || a.status === 'Pending'));
        if (running && running.appName !== input.AppName) {
          throw inUse(`Space ${spaceName} already runs app ${running.appName}; a space runs one app at a time.`);
        }
      } else {
        this.userProfile(r, region, domainId, userProfileName ?? '');
      }
      const existing = this.findApp(r, input);
      if (existing && existing.status !== 'Deleted' && existing.status !== 'Failed') {
        throw inUse(`App with ARN ${this.appArn(region, existing)} already exists`);
      }
      const limit = r.limits?.runningApps ?? DEFAULT_LIMITS.runningApps;
      const active = r.apps.filter((a) => a.status === 'InService' || a.status === 'Pending').length;
      if (active >= limit) {
        throw limitExceeded(
          `The account-level service limit 'Maximum number of running Studio apps' is ${limit} Apps, with current utilization of ${active} Apps and a request delta of 1 Apps. Please use AWS Service Quotas to request an increase for this quota.`,
        );
      }
      const spec = input.ResourceSpec as { InstanceType?: string } | undefined;
      const app: AppRecord = {
        domainId,
        appType,
        appName: String(input.AppName),
        ...(spaceName !== undefined ? { spaceName } : { userProfileName }),
        status: 'Pending',
        instanceType: spec?.InstanceType ?? (appType === 'JupyterServer' || appType === 'RStudioServerPro' ? 'system' : 'ml.t3.medium'),
        creationTime: new Date(this.now()).toISOString(),
      };
      if (existing) {
        r.apps.splice(r.apps.indexOf(existing), 1);
        this.transitions.delete(existing);
      }
      r.apps.push(app);
      this.schedule(app, 'InService');
      return { AppArn: this.appArn(region, app) };
    },

    DeleteApp: (region, input) => {
      const r = this.region(region);
      this.domain(r, region, String(input.DomainId));
      const a = this.findApp(r, input);
      if (!a || a.status === 'Deleted') {
        throw notFound(`App with ARN ${this.appArnFromInput(region, input)} not found`);
      }
      if (a.status === 'Deleting' || a.status === 'Pending') {
        throw inUse(`App with ARN ${this.appArn(region, a)} is in ${a.status} status and cannot be deleted now.`);
      }
      a.status = 'Deleting' satisfies AppStatus;
      this.schedule(a, 'Deleted');
      return {};
    },

    ListNotebookInstances: (region, input) => {
      const r = this.region(region);
      const nameContains = str(input.NameContains);
      const status = str(input.StatusEquals);
      const after = num(input.CreationTimeAfter);
      const before = num(input.CreationTimeBefore);
      const modAfter = num(input.LastModifiedTimeAfter);
      const modBefore = num(input.LastModifiedTimeBefore);
      const repoContains = str(input.DefaultCodeRepositoryContains);
      const additionalRepo = str(input.AdditionalCodeRepositoryEquals);
      const lccContains = str(input.NotebookInstanceLifecycleConfigNameContains);
      const sortBy = str(input.SortBy) ?? 'Name';
      const items = r.notebookInstances.filter(
        (n) =>
          contains(n.notebookInstanceName, nameContains) &&
          (status === undefined || n.status === status) &&
          (after === undefined || epoch(n.creationTime) > after) &&
          (before === undefined || epoch(n.creationTime) < before) &&
          (modAfter === undefined || epoch(n.lastModifiedTime) > modAfter) &&
          (modBefore === undefined || epoch(n.lastModifiedTime) < modBefore) &&
          (repoContains === undefined || (n.defaultCodeRepository !== undefined && contains(n.defaultCodeRepository, repoContains))) &&
          (additionalRepo === undefined || (n.additionalCodeRepositories ?? []).includes(additionalRepo)) &&
          (lccContains === undefined || (n.notebookInstanceLifecycleConfigName !== undefined && contains(n.notebookInstanceLifecycleConfigName, lccContains))),
      );
      const key = (n: NotebookInstanceRecord): SortKey =>
        sortBy === 'CreationTime' ? [epoch(n.creationTime), n.notebookInstanceName] : sortBy === 'Status' ? [n.status, n.notebookInstanceName] : [n.notebookInstanceName];
      const filters = Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'MaxResults' && k !== 'NextToken'));
      const page = this.paginator.page({
        operation: 'ListNotebookInstances',
        region,
        filters,
        items,
        key,
        descending: input.SortOrder === 'Descending',
        maxResults: num(input.MaxResults),
        nextToken: str(input.NextToken),
      });
      return {
        NotebookInstances: page.items.map((n) => ({
          NotebookInstanceName: n.notebookInstanceName,
          NotebookInstanceArn: arns.notebookInstanceArn(region, this.account, n.notebookInstanceName),
          NotebookInstanceStatus: n.status,
          InstanceType: n.instanceType,
          Url: arns.notebookUrl(region, n.notebookInstanceName),
          CreationTime: epoch(n.creationTime),
          LastModifiedTime: epoch(n.lastModifiedTime),
          NotebookInstanceLifecycleConfigName: n.notebookInstanceLifecycleConfigName,
          DefaultCodeRepository: n.defaultCodeRepository,
          AdditionalCodeRepositories: n.additionalCodeRepositories,
        })),
        NextToken: page.nextToken,
      };
    },

    DescribeNotebookInstance: (region, input) => {
      const r = this.region(region);
      const n = this.notebook(r, String(input.NotebookInstanceName));
      return {
        NotebookInstanceName: n.notebookInstanceName,
        NotebookInstanceArn: arns.notebookInstanceArn(region, this.account, n.notebookInstanceName),
        NotebookInstanceStatus: n.status,
        FailureReason: n.failureReason,
        InstanceType: n.instanceType,
        Url: arns.notebookUrl(region, n.notebookInstanceName),
        CreationTime: epoch(n.creationTime),
        LastModifiedTime: epoch(n.lastModifiedTime),
        RoleArn: arns.executionRoleArn(this.account),
        VolumeSizeInGB: n.volumeSizeInGB ?? 5,
        PlatformIdentifier: n.platformIdentifier ?? 'notebook-al2-v3',
        DirectInternetAccess: 'Enabled',
        RootAccess: 'Enabled',
        NotebookInstanceLifecycleConfigName: n.notebookInstanceLifecycleConfigName,
        DefaultCodeRepository: n.defaultCodeRepository,
        AdditionalCodeRepositories: n.additionalCodeRepositories,
      };
    },

    StartNotebookInstance: (region, input) => {
      const r = this.region(region);
      const n = this.notebook(r, String(input.NotebookInstanceName));
      if (n.status !== 'Stopped' && n.status !== 'Failed') {
        throw validation(`Status (${n.status}) not in ([Stopped, Failed])`);
      }
      const limit = r.limits?.runningNotebookInstances ?? DEFAULT_LIMITS.runningNotebookInstances;
      const running = r.notebookInstances.filter((x) => x.status === 'InService' || x.status === 'Pending').length;
      if (running >= limit) {
        throw limitExceeded(
          `The account-level service limit 'Total number of notebook instances' is ${limit} Instances, with current utilization of ${running} Instances and a request delta of 1 Instances. Please use AWS Service Quotas to request an increase for this quota.`,
        );
      }
      n.status = 'Pending';
      delete n.failureReason;
      n.lastModifiedTime = new Date(this.now()).toISOString();
      this.schedule(n, 'InService');
      return {};
    },

    StopNotebookInstance: (region, input) => {
      const r = this.region(region);
      const n = this.notebook(r, String(input.NotebookInstanceName));
      if (n.status !== 'InService') {
        throw validation(`Status (${n.status}) not in ([InService])`);
      }
      n.status = 'Stopping';
      n.lastModifiedTime = new Date(this.now()).toISOString();
      this.schedule(n, 'Stopped');
      return {};
    },

    CreatePresignedDomainUrl: (region, input) => {
      const r = this.region(region);
      const domainId = String(input.DomainId);
      const d = this.domain(r, region, domainId);
      if (d.authMode !== 'IAM') {
        // The API reference: "This operation can only be called when the authentication mode equals IAM."
        throw validation(`Domain ${domainId} has AuthMode ${d.authMode}. CreatePresignedDomainUrl can only be called when the authentication mode equals IAM.`);
      }
      if (d.status !== 'InService') {
        throw validation(`Domain ${domainId} is in ${d.status} status; it must be InService.`);
      }
      const userProfileName = String(input.UserProfileName);
      const u = this.userProfile(r, region, domainId, userProfileName);
      if (u.status !== 'InService') {
        throw validation(`User profile ${userProfileName} is in ${u.status} status; it must be InService.`);
      }
      const spaceName = str(input.SpaceName);
      if (spaceName !== undefined) {
        const s = this.space(r, region, domainId, spaceName);
        // A private space opens only through its owner (see docs/local-endpoint.md: we answer ValidationException).
        if (s.sharingType === 'Private' && s.ownerUserProfileName !== userProfileName) {
          throw validation(`Space ${spaceName} is a private space; only its owner can open it. User profile ${userProfileName} is not its owner.`);
        }
      }
      const landingUri = str(input.LandingUri);
      if (landingUri !== undefined && landingUri !== '' && !LANDING_URI.test(landingUri)) {
        throw validation(
          `Invalid LandingUri '${landingUri}': it must start with studio:: or app:<JupyterServer|JupyterLab|RStudioServerPro|CodeEditor|Canvas>: followed by a relative path.`,
        );
      }
      const expiresInSeconds = num(input.ExpiresInSeconds) ?? DEFAULT_EXPIRES_IN_SECONDS;
      const session = num(input.SessionExpirationDurationInSeconds) ?? DEFAULT_SESSION_SECONDS;
      const now = this.now();
      const token = this.grants.issue({
        kind: 'domain',
        region,
        domainId,
        userProfileName,
        spaceName,
        landingUri,
        createdAt: new Date(now),
        expiresAt: new Date(now + expiresInSeconds * 1000),
        expiresInSeconds,
        sessionExpirationDurationInSeconds: session,
        sessionExpiresAt: new Date(now + session * 1000),
      });
      return { AuthorizedUrl: `${this.baseUrl}/auth?token=${token}` };
    },

    CreatePresignedNotebookInstanceUrl: (region, input) => {
      const r = this.region(region);
      const n = this.notebook(r, String(input.NotebookInstanceName));
      if (n.status !== 'InService') {
        throw validation(`Status (${n.status}) not in ([InService])`);
      }
      const session = num(input.SessionExpirationDurationInSeconds) ?? DEFAULT_SESSION_SECONDS;
      const now = this.now();
      const token = this.grants.issue({
        kind: 'notebook',
        region,
        notebookInstanceName: n.notebookInstanceName,
        createdAt: new Date(now),
        expiresAt: new Date(now + NOTEBOOK_URL_LIFETIME_SECONDS * 1000),
        expiresInSeconds: NOTEBOOK_URL_LIFETIME_SECONDS,
        sessionExpirationDurationInSeconds: session,
        sessionExpiresAt: new Date(now + session * 1000),
      });
      return { AuthorizedUrl: `${this.baseUrl}/notebook/${encodeURIComponent(n.notebookInstanceName)}?authToken=${token}` };
    },
  };
}
