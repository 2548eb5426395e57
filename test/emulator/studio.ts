/**
 * SageMaker Studio: domains, user profiles, spaces and their apps (list, describe, create and
 * delete through Pending/Deleting), and presigned domain URLs that point back at the emulator.
 */
import * as arns from './arns';
import { DEFAULT_EXPIRES_IN_SECONDS, DEFAULT_SESSION_SECONDS, type Input, type Operations, type ServiceContext } from './context';
import type { AppRecord, AppStatus, DomainRecord, RegionData, SpaceRecord, UserProfileRecord } from './data';
import { DEFAULT_LIMITS } from './data';
import { inUse, limitExceeded, notFound, validation } from './errors';
import { ssoPath } from './pages';
import { appSettings } from './remote';
import { domainIdleDefaults, spaceIdleSettings } from './running';
import { contains, epoch, num, str } from './values';

/** A space's app settings blocks from two sources (its DefaultResourceSpec, its idle shutdown), each block merged. */
function bySettingsBlock(...parts: Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, block] of Object.entries(part)) {
      merged[key] = { ...(merged[key] as object | undefined), ...(block as object) };
    }
  }
  return merged;
}

/** Landing pages CreatePresignedDomainUrl accepts (see the API reference for LandingUri). */
const LANDING_URI = /^(studio::|app:(JupyterServer|JupyterLab|RStudioServerPro|CodeEditor|Canvas):)/;

/** What ListUserProfiles' summary and DescribeUserProfile both say of a user profile. */
function userProfileFields(u: UserProfileRecord): Record<string, unknown> {
  return { DomainId: u.domainId, UserProfileName: u.userProfileName, Status: u.status, CreationTime: epoch(u.creationTime), LastModifiedTime: epoch(u.lastModifiedTime) };
}

/** What ListSpaces' summary and DescribeSpace both say of a space (each adds its own settings blocks). */
function spaceFields(s: SpaceRecord): Record<string, unknown> {
  return {
    DomainId: s.domainId,
    SpaceName: s.spaceName,
    SpaceDisplayName: s.spaceDisplayName,
    Status: s.status,
    CreationTime: epoch(s.creationTime),
    LastModifiedTime: epoch(s.lastModifiedTime),
  };
}

export function studioOperations(ctx: ServiceContext): Operations {
  /**
   * A page of a domain's user profiles or spaces: ListUserProfiles and ListSpaces take the same
   * DomainIdEquals, name filter, SortBy (CreationTime or LastModifiedTime) and SortOrder.
   */
  function domainListPage<T extends { domainId: string; creationTime: string; lastModifiedTime: string }>(
    operation: string,
    region: string,
    input: Input,
    all: T[],
    nameFilter: unknown,
    name: (item: T) => string,
  ): { items: T[]; nextToken?: string } {
    const domainId = str(input.DomainIdEquals);
    const nameContains = str(nameFilter);
    const sortBy = str(input.SortBy) ?? 'CreationTime';
    return ctx.paginator.page({
      operation,
      region,
      filters: { domainId, nameContains, sortBy, sortOrder: input.SortOrder ?? 'Ascending' },
      items: all.filter((i) => (domainId === undefined || i.domainId === domainId) && contains(name(i), nameContains)),
      key: (i) => [epoch(sortBy === 'LastModifiedTime' ? i.lastModifiedTime : i.creationTime), i.domainId, name(i)],
      descending: input.SortOrder === 'Descending',
      maxResults: num(input.MaxResults),
      nextToken: str(input.NextToken),
    });
  }

  /** A domain's Url: Studio's address, or for an SSO domain the emulator's stand-in for the IAM Identity Center sign-in. */
  function domainUrl(region: string, d: DomainRecord): string {
    return d.authMode === 'SSO' ? `${ctx.baseUrl}${ssoPath(region, d.domainId)}` : arns.domainUrl(region, d.domainId);
  }

  function domain(r: RegionData, region: string, domainId: string) {
    const d = r.domains.find((x) => x.domainId === domainId);
    if (!d) {
      throw notFound(`Domain with ARN ${arns.domainArn(region, ctx.account, domainId)} not found`);
    }
    return d;
  }

  function userProfile(r: RegionData, region: string, domainId: string, name: string) {
    domain(r, region, domainId);
    const u = r.userProfiles.find((x) => x.domainId === domainId && x.userProfileName === name);
    if (!u) {
      throw notFound(`User profile with ARN ${arns.userProfileArn(region, ctx.account, domainId, name)} not found`);
    }
    return u;
  }

  function space(r: RegionData, region: string, domainId: string, name: string): SpaceRecord {
    domain(r, region, domainId);
    const s = r.spaces.find((x) => x.domainId === domainId && x.spaceName === name);
    if (!s) {
      throw notFound(`Space with ARN ${arns.spaceArn(region, ctx.account, domainId, name)} not found`);
    }
    return s;
  }

  function appOwner(a: { spaceName?: string; userProfileName?: string }): string {
    return a.spaceName ?? a.userProfileName ?? '';
  }

  function appArn(region: string, a: AppRecord): string {
    return arns.appArn(region, ctx.account, a.domainId, appOwner(a), a.appType, a.appName);
  }

  function findApp(r: RegionData, input: Input): AppRecord | undefined {
    return r.apps.find(
      (a) =>
        a.domainId === input.DomainId &&
        a.appType === input.AppType &&
        a.appName === input.AppName &&
        (a.spaceName ?? undefined) === str(input.SpaceName) &&
        (a.userProfileName ?? undefined) === str(input.UserProfileName),
    );
  }

  function appArnFromInput(region: string, input: Input): string {
    return arns.appArn(region, ctx.account, String(input.DomainId), str(input.SpaceName) ?? str(input.UserProfileName) ?? '', String(input.AppType), String(input.AppName));
  }

  return {
    ListDomains: (region, input) => {
      const r = ctx.region(region);
      const page = ctx.paginator.page({
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
          DomainArn: arns.domainArn(region, ctx.account, d.domainId),
          DomainId: d.domainId,
          DomainName: d.domainName,
          Status: d.status,
          CreationTime: epoch(d.creationTime),
          LastModifiedTime: epoch(d.lastModifiedTime),
          Url: domainUrl(region, d),
        })),
        NextToken: page.nextToken,
      };
    },

    DescribeDomain: (region, input) => {
      const r = ctx.region(region);
      const d = domain(r, region, String(input.DomainId));
      return {
        DomainArn: arns.domainArn(region, ctx.account, d.domainId),
        DomainId: d.domainId,
        DomainName: d.domainName,
        Status: d.status,
        AuthMode: d.authMode,
        AppNetworkAccessType: d.vpcId ? 'VpcOnly' : 'PublicInternetOnly',
        CreationTime: epoch(d.creationTime),
        LastModifiedTime: epoch(d.lastModifiedTime),
        Url: domainUrl(region, d),
        VpcId: d.vpcId,
        SubnetIds: d.subnetIds,
        FailureReason: d.failureReason,
        HomeEfsFileSystemId: `fs-${d.domainId.slice(2, 10).replace(/[^0-9a-f]/g, 'a')}`,
        // An SSO domain names its IAM Identity Center application.
        ...(d.authMode === 'SSO'
          ? {
              SingleSignOnManagedApplicationInstanceId: `ins-${d.domainId.slice(2)}`,
              SingleSignOnApplicationArn: `arn:aws:sso::${ctx.account}:application/ssoins-7223${d.domainId.slice(2)}/apl-${d.domainId.slice(2)}`,
            }
          : {}),
        ...domainIdleDefaults(d, arns.executionRoleArn(ctx.account)),
      };
    },

    ListUserProfiles: (region, input) => {
      const page = domainListPage('ListUserProfiles', region, input, ctx.region(region).userProfiles, input.UserProfileNameContains, (u) => u.userProfileName);
      return {
        UserProfiles: page.items.map(userProfileFields),
        NextToken: page.nextToken,
      };
    },

    DescribeUserProfile: (region, input) => {
      const r = ctx.region(region);
      const u = userProfile(r, region, String(input.DomainId), String(input.UserProfileName));
      return {
        ...userProfileFields(u),
        UserProfileArn: arns.userProfileArn(region, ctx.account, u.domainId, u.userProfileName),
        HomeEfsFileSystemUid: String(200000 + r.userProfiles.indexOf(u)),
        UserSettings: { ExecutionRole: arns.executionRoleArn(ctx.account) },
      };
    },

    ListSpaces: (region, input) => {
      const page = domainListPage('ListSpaces', region, input, ctx.region(region).spaces, input.SpaceNameContains, (s) => s.spaceName);
      return {
        Spaces: page.items.map((s) => ({
          ...spaceFields(s),
          SpaceSettingsSummary: { AppType: s.appType },
          SpaceSharingSettingsSummary: { SharingType: s.sharingType },
          OwnershipSettingsSummary: s.ownerUserProfileName ? { OwnerUserProfileName: s.ownerUserProfileName } : undefined,
        })),
        NextToken: page.nextToken,
      };
    },

    DescribeSpace: (region, input) => {
      const r = ctx.region(region);
      const s = space(r, region, String(input.DomainId), String(input.SpaceName));
      return {
        ...spaceFields(s),
        SpaceArn: arns.spaceArn(region, ctx.account, s.domainId, s.spaceName),
        SpaceSettings: { AppType: s.appType, RemoteAccess: s.remoteAccess, ...bySettingsBlock(appSettings(s), spaceIdleSettings(s)) },
        SpaceSharingSettings: { SharingType: s.sharingType },
        OwnershipSettings: s.ownerUserProfileName ? { OwnerUserProfileName: s.ownerUserProfileName } : undefined,
        Url: `${arns.domainUrl(region, s.domainId)}/jupyterlab/default`,
      };
    },

    ListApps: (region, input) => {
      const r = ctx.region(region);
      const domainId = str(input.DomainIdEquals);
      const user = str(input.UserProfileNameEquals);
      const space = str(input.SpaceNameEquals);
      if (user !== undefined && space !== undefined) {
        throw validation('Only one of UserProfileNameEquals and SpaceNameEquals can be specified.');
      }
      const items = r.apps.filter(
        (a) => (domainId === undefined || a.domainId === domainId) && (user === undefined || a.userProfileName === user) && (space === undefined || a.spaceName === space),
      );
      const page = ctx.paginator.page({
        operation: 'ListApps',
        region,
        filters: { domainId, user, space, sortOrder: input.SortOrder ?? 'Ascending' },
        items,
        key: (a) => [epoch(a.creationTime), a.domainId, appOwner(a), a.appType, a.appName],
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
      const r = ctx.region(region);
      domain(r, region, String(input.DomainId));
      const a = findApp(r, input);
      if (!a) {
        throw notFound(`App with ARN ${appArnFromInput(region, input)} not found`);
      }
      return {
        AppArn: appArn(region, a),
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
      const r = ctx.region(region);
      const domainId = String(input.DomainId);
      domain(r, region, domainId);
      const spaceName = str(input.SpaceName);
      const userProfileName = str(input.UserProfileName);
      if ((spaceName === undefined) === (userProfileName === undefined)) {
        throw validation('Exactly one of UserProfileName or SpaceName must be specified.');
      }
      const appType = String(input.AppType) as AppRecord['appType'];
      if (spaceName !== undefined) {
        const s = space(r, region, domainId, spaceName);
        if (s.appType !== appType) {
          throw validation(`Space ${spaceName} is set up for ${s.appType} apps; it cannot run a ${appType} app.`);
        }
        const running = r.apps.find((a) => a.domainId === domainId && a.spaceName === spaceName && (a.status === 'InService' || a.status === 'Pending'));
        if (running && running.appName !== input.AppName) {
          throw inUse(`Space ${spaceName} already runs app ${running.appName}; a space runs one app at a time.`);
        }
      } else {
        userProfile(r, region, domainId, userProfileName ?? '');
      }
      const existing = findApp(r, input);
      if (existing && existing.status !== 'Deleted' && existing.status !== 'Failed') {
        throw inUse(`App with ARN ${appArn(region, existing)} already exists`);
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
        instanceType: spec?.InstanceType ?? (spaceName !== undefined ? space(r, region, domainId, spaceName).defaultResourceSpec?.InstanceType : undefined) ?? (appType === 'JupyterServer' || appType === 'RStudioServerPro' ? 'system' : 'ml.t3.medium'),
        creationTime: new Date(ctx.now()).toISOString(),
      };
      if (existing) {
        r.apps.splice(r.apps.indexOf(existing), 1);
        ctx.unschedule(existing);
      }
      r.apps.push(app);
      ctx.schedule(app, 'InService');
      return { AppArn: appArn(region, app) };
    },

    DeleteApp: (region, input) => {
      const r = ctx.region(region);
      domain(r, region, String(input.DomainId));
      const a = findApp(r, input);
      if (!a || a.status === 'Deleted') {
        throw notFound(`App with ARN ${appArnFromInput(region, input)} not found`);
      }
      if (a.status === 'Deleting' || a.status === 'Pending') {
        throw inUse(`App with ARN ${appArn(region, a)} is in ${a.status} status and cannot be deleted now.`);
      }
      a.status = 'Deleting' satisfies AppStatus;
      ctx.schedule(a, 'Deleted');
      return {};
    },

    CreatePresignedDomainUrl: (region, input) => {
      const r = ctx.region(region);
      const domainId = String(input.DomainId);
      const d = domain(r, region, domainId);
      if (d.authMode !== 'IAM') {
        // The API reference: "This operation can only be called when the authentication mode equals IAM."
        throw validation(`Domain ${domainId} has AuthMode ${d.authMode}. CreatePresignedDomainUrl can only be called when the authentication mode equals IAM.`);
      }
      if (d.status !== 'InService') {
        throw validation(`Domain ${domainId} is in ${d.status} status; it must be InService.`);
      }
      const userProfileName = String(input.UserProfileName);
      const u = userProfile(r, region, domainId, userProfileName);
      if (u.status !== 'InService') {
        throw validation(`User profile ${userProfileName} is in ${u.status} status; it must be InService.`);
      }
      const spaceName = str(input.SpaceName);
      if (spaceName !== undefined) {
        const s = space(r, region, domainId, spaceName);
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
      const now = ctx.now();
      const token = ctx.grants.issue({
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
      return { AuthorizedUrl: `${ctx.baseUrl}/auth?token=${token}` };
    },
  };
}
