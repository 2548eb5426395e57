/** SDK output shapes → the plain model types (model.ts). Type-only SDK imports: erased at runtime. */
import type {
  AppDetails,
  DescribeDomainCommandOutput,
  DescribeNotebookInstanceCommandOutput,
  DescribeSpaceCommandOutput,
  DescribeUserProfileCommandOutput,
  DomainDetails,
  NotebookInstanceSummary,
  SpaceDetails,
  UserProfileDetails,
} from '@aws-sdk/client-sagemaker';
import type { Domain, NotebookInstance, Space, SpaceApp, SpaceAppState, UserProfile } from './model';

export function toDomain(region: string, d: DomainDetails | DescribeDomainCommandOutput): Domain {
  const authMode = 'AuthMode' in d && (d.AuthMode === 'IAM' || d.AuthMode === 'SSO') ? d.AuthMode : undefined;
  return {
    region,
    domainId: d.DomainId ?? '',
    domainName: d.DomainName ?? d.DomainId ?? '',
    domainArn: d.DomainArn,
    status: d.Status,
    url: d.Url,
    authMode,
    creationTime: d.CreationTime,
    lastModifiedTime: d.LastModifiedTime,
  };
}

export function toUserProfile(region: string, p: UserProfileDetails | DescribeUserProfileCommandOutput): UserProfile {
  return {
    region,
    domainId: p.DomainId ?? '',
    userProfileName: p.UserProfileName ?? '',
    status: p.Status,
    creationTime: p.CreationTime,
    lastModifiedTime: p.LastModifiedTime,
  };
}

export function toNotebookInstance(region: string, n: NotebookInstanceSummary | DescribeNotebookInstanceCommandOutput): NotebookInstance {
  return {
    region,
    notebookInstanceName: n.NotebookInstanceName ?? '',
    notebookInstanceArn: n.NotebookInstanceArn,
    status: n.NotebookInstanceStatus,
    instanceType: n.InstanceType,
    url: n.Url,
    creationTime: n.CreationTime,
    lastModifiedTime: n.LastModifiedTime,
  };
}

/** AppStatus → the word the tree shows. No app, or a deleted one, means the space is stopped. */
export function appState(status: string | undefined): SpaceAppState {
  switch (status) {
    case 'InService':
      return 'Running';
    case 'Pending':
      return 'Starting';
    case 'Deleting':
      return 'Stopping';
    case 'Failed':
      return 'Failed';
    default:
      return 'Stopped';
  }
}

function toSpaceApp(a: AppDetails | undefined): SpaceApp | undefined {
  if (!a || !a.Status || a.Status === 'Deleted') {
    return undefined;
  }
  return { appName: a.AppName ?? 'default', appType: a.AppType ?? '', status: a.Status, instanceType: a.ResourceSpec?.InstanceType, creationTime: a.CreationTime };
}

function sharing(v: string | undefined): 'Private' | 'Shared' | undefined {
  return v === 'Private' || v === 'Shared' ? v : undefined;
}

export function toSpace(region: string, s: SpaceDetails, app: AppDetails | undefined): Space {
  const spaceApp = toSpaceApp(app);
  return {
    region,
    domainId: s.DomainId ?? '',
    spaceName: s.SpaceName ?? '',
    spaceDisplayName: s.SpaceDisplayName,
    status: s.Status,
    appType: s.SpaceSettingsSummary?.AppType,
    sharingType: sharing(s.SpaceSharingSettingsSummary?.SharingType),
    ownerUserProfileName: s.OwnershipSettingsSummary?.OwnerUserProfileName,
    app: spaceApp,
    appState: spaceApp ? appState(spaceApp.status) : 'Stopped',
    creationTime: s.CreationTime,
    lastModifiedTime: s.LastModifiedTime,
  };
}

export function describedSpaceToDetails(d: DescribeSpaceCommandOutput): SpaceDetails {
  return {
    DomainId: d.DomainId,
    SpaceName: d.SpaceName,
    SpaceDisplayName: d.SpaceDisplayName,
    Status: d.Status,
    CreationTime: d.CreationTime,
    LastModifiedTime: d.LastModifiedTime,
    SpaceSettingsSummary: { AppType: d.SpaceSettings?.AppType },
    SpaceSharingSettingsSummary: { SharingType: d.SpaceSharingSettings?.SharingType },
    OwnershipSettingsSummary: { OwnerUserProfileName: d.OwnershipSettings?.OwnerUserProfileName },
  };
}
