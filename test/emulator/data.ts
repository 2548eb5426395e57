/**
 * The emulator's account data: plain JSON-friendly records (times as ISO 8601 strings), one set
 * per region. `demo` is a small realistic account in two regions; `large` is a deterministic
 * generator for benchmarks; anything else is read from a JSON file of the same shape.
 */
import * as fs from 'node:fs';

export type AppType = 'JupyterServer' | 'KernelGateway' | 'DetailedProfiler' | 'TensorBoard' | 'CodeEditor' | 'JupyterLab' | 'RStudioServerPro' | 'RSessionGateway' | 'Canvas';
export type ResourceStatus = 'Deleting' | 'Failed' | 'InService' | 'Pending' | 'Updating' | 'Update_Failed' | 'Delete_Failed';
export type AppStatus = 'Deleted' | 'Deleting' | 'Failed' | 'InService' | 'Pending';
export type NotebookInstanceStatus = 'Pending' | 'InService' | 'Stopping' | 'Stopped' | 'Failed' | 'Deleting' | 'Updating';
/** The model's TrackingServerStatus enum. */
export type TrackingServerStatus =
  | 'Creating'
  | 'Created'
  | 'CreateFailed'
  | 'Updating'
  | 'Updated'
  | 'UpdateFailed'
  | 'Deleting'
  | 'DeleteFailed'
  | 'Stopping'
  | 'Stopped'
  | 'StopFailed'
  | 'Starting'
  | 'Started'
  | 'StartFailed'
  | 'MaintenanceInProgress'
  | 'MaintenanceComplete'
  | 'MaintenanceFailed';
export type MlflowAppStatus = 'Creating' | 'Created' | 'CreateFailed' | 'Updating' | 'Updated' | 'UpdateFailed' | 'Deleting' | 'DeleteFailed' | 'Deleted';
export type PartnerAppStatus = 'Creating' | 'Updating' | 'Deleting' | 'Available' | 'Failed' | 'UpdateFailed' | 'Deleted';
export type PartnerAppType = 'lakera-guard' | 'comet' | 'deepchecks-llm-evaluation' | 'fiddler';

export interface DomainRecord {
  domainId: string;
  domainName: string;
  status: ResourceStatus;
  authMode: 'IAM' | 'SSO';
  creationTime: string;
  lastModifiedTime: string;
  vpcId?: string;
  subnetIds?: string[];
  failureReason?: string;
  /** The default idle shutdown of its JupyterLab and Code Editor spaces, in minutes (./running.ts); none when unset. */
  idleTimeoutInMinutes?: number;
}

export interface UserProfileRecord {
  domainId: string;
  userProfileName: string;
  status: ResourceStatus;
  creationTime: string;
  lastModifiedTime: string;
}

export interface SpaceRecord {
  domainId: string;
  spaceName: string;
  spaceDisplayName?: string;
  status: ResourceStatus;
  appType: AppType;
  sharingType: 'Private' | 'Shared';
  /** Required for a private space: the only user profile that may open it. */
  ownerUserProfileName?: string;
  creationTime: string;
  lastModifiedTime: string;
  /** SpaceSettings.RemoteAccess (DescribeSpace says nothing when unset); UpdateSpace changes it. */
  remoteAccess?: 'ENABLED' | 'DISABLED';
  /** The app settings' DefaultResourceSpec (UpdateSpace sets it): what CreateApp without a ResourceSpec starts on. */
  defaultResourceSpec?: Record<string, string>;
  /** Its own idle shutdown, in minutes (./running.ts); else its domain's default applies. */
  idleTimeoutInMinutes?: number;
}

export interface AppRecord {
  domainId: string;
  appType: AppType;
  appName: string;
  /** Apps of a space carry SpaceName; legacy per-user apps carry UserProfileName. */
  spaceName?: string;
  userProfileName?: string;
  status: AppStatus;
  instanceType?: string;
  creationTime: string;
  failureReason?: string;
}

export interface NotebookInstanceRecord {
  notebookInstanceName: string;
  status: NotebookInstanceStatus;
  instanceType: string;
  creationTime: string;
  lastModifiedTime: string;
  failureReason?: string;
  volumeSizeInGB?: number;
  platformIdentifier?: string;
  defaultCodeRepository?: string;
  additionalCodeRepositories?: string[];
  notebookInstanceLifecycleConfigName?: string;
}

export interface MlflowTrackingServerRecord {
  trackingServerName: string;
  status: TrackingServerStatus;
  /** e.g. '2.16.2' (the model's MlflowVersion pattern). */
  mlflowVersion: string;
  trackingServerSize: 'Small' | 'Medium' | 'Large';
  artifactStoreUri: string;
  creationTime: string;
  lastModifiedTime: string;
  automaticModelRegistration?: boolean;
  /** e.g. 'Tue:03:30' */
  weeklyMaintenanceWindowStart?: string;
  maintenanceStatus?: 'MaintenanceInProgress' | 'MaintenanceComplete' | 'MaintenanceFailed';
}

export interface MlflowAppRecord {
  /** The last part of its ARN (`...:mlflow-app/<appId>`), e.g. 'app-7dfr2kqm9x4p'. */
  appId: string;
  name: string;
  status: MlflowAppStatus;
  mlflowVersion: string;
  artifactStoreUri: string;
  creationTime: string;
  lastModifiedTime: string;
  accountDefaultStatus?: 'ENABLED' | 'DISABLED';
  /** Domains that use this app as their default MLflow app (ListMlflowApps DefaultForDomainId). */
  defaultDomainIds?: string[];
  modelRegistrationMode?: 'AutoModelRegistrationEnabled' | 'AutoModelRegistrationDisabled';
  weeklyMaintenanceWindowStart?: string;
}

export interface PartnerAppRecord {
  /** The last part of its ARN (`...:partner-app/<appId>`): 'app-' and 12 of [A-Z0-9], as the model's pattern says. */
  appId: string;
  /** Letters and digits only (the model's PartnerAppName pattern). */
  name: string;
  type: PartnerAppType;
  status: PartnerAppStatus;
  tier: string;
  version: string;
  creationTime: string;
  lastModifiedTime: string;
  adminUsers?: string[];
  /** DescribePartnerApp's Error, for a Failed or UpdateFailed app. */
  error?: { code: string; reason: string };
  /** DescribePartnerApp's AvailableUpgrade, when asked with IncludeAvailableUpgrade. */
  availableUpgrade?: { version: string; releaseNotes: string[] };
}

export interface RegionData {
  domains: DomainRecord[];
  userProfiles: UserProfileRecord[];
  spaces: SpaceRecord[];
  apps: AppRecord[];
  notebookInstances: NotebookInstanceRecord[];
  /** Optional in a data file (none when absent). */
  mlflowTrackingServers?: MlflowTrackingServerRecord[];
  mlflowApps?: MlflowAppRecord[];
  partnerApps?: PartnerAppRecord[];
  /** Quotas that CreateApp / StartNotebookInstance enforce (ResourceLimitExceeded). */
  limits?: { runningApps?: number; runningNotebookInstances?: number };
}

export interface EmulatorData {
  /** The 12-digit account the ARNs name. */
  accountId: string;
  regions: Record<string, RegionData>;
  /**
   * Opt-in regions not enabled for the account: every call signed for one answers as AWS does,
   * UnrecognizedClientException "The security token included in the request is invalid." (400).
   */
  disabledRegions?: string[];
}

export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_LIMITS = { runningApps: 50, runningNotebookInstances: 20 };

export function emptyRegion(): RegionData {
  return { domains: [], userProfiles: [], spaces: [], apps: [], notebookInstances: [], mlflowTrackingServers: [], mlflowApps: [], partnerApps: [] };
}

const iso = (s: string): string => new Date(s).toISOString();

/** A small account: two regions, several domains, private and shared spaces of several app types. */
export function demoData(): EmulatorData {
  const east = 'd-7kx2hq9mzp4a';
  const research = 'd-3bq8wn5tfk1c';
  const west = 'd-9fj4rt2lwx6e';
  /** An IAM Identity Center (SSO) domain: its users sign in through its Url, never a presigned URL. */
  const sso = 'd-4hn6xw8qrt2v';
  const trackingServer = (
    region: string,
    trackingServerName: string,
    status: TrackingServerStatus,
    mlflowVersion: string,
    trackingServerSize: MlflowTrackingServerRecord['trackingServerSize'],
    created: string,
    modified: string,
  ): MlflowTrackingServerRecord => ({
    trackingServerName,
    status,
    mlflowVersion,
    trackingServerSize,
    artifactStoreUri: `s3://sagemaker-${region}-${DEFAULT_ACCOUNT_ID}/mlflow/${trackingServerName}`,
    creationTime: iso(created),
    lastModifiedTime: iso(modified),
    automaticModelRegistration: trackingServerSize !== 'Small',
    weeklyMaintenanceWindowStart: 'Tue:03:30',
  });
  const mlflowApp = (region: string, appId: string, name: string, status: MlflowAppStatus, created: string, modified: string, extra: Partial<MlflowAppRecord> = {}): MlflowAppRecord => ({
    appId,
    name,
    status,
    mlflowVersion: '3.0.0',
    artifactStoreUri: `s3://sagemaker-${region}-${DEFAULT_ACCOUNT_ID}/mlflow-apps/${name}`,
    creationTime: iso(created),
    lastModifiedTime: iso(modified),
    accountDefaultStatus: 'DISABLED',
    modelRegistrationMode: 'AutoModelRegistrationDisabled',
    weeklyMaintenanceWindowStart: 'Sun:02:00',
    ...extra,
  });
  const partnerApp = (appId: string, name: string, type: PartnerAppType, status: PartnerAppStatus, created: string, modified: string, extra: Partial<PartnerAppRecord> = {}): PartnerAppRecord => ({
    appId,
    name,
    type,
    status,
    tier: 'small',
    version: '1.4',
    creationTime: iso(created),
    lastModifiedTime: iso(modified),
    adminUsers: ['admin@example.com'],
    ...extra,
  });
  const up = (domainId: string, userProfileName: string, created: string, status: ResourceStatus = 'InService'): UserProfileRecord => ({
    domainId,
    userProfileName,
    status,
    creationTime: iso(created),
    lastModifiedTime: iso(created),
  });
  return {
    accountId: DEFAULT_ACCOUNT_ID,
    // An opt-in region this account has not enabled (Africa, Cape Town).
    disabledRegions: ['af-south-1'],
    regions: {
      'us-east-1': {
        domains: [
          { domainId: east, domainName: 'ml-platform', status: 'InService', authMode: 'IAM', creationTime: iso('2025-03-04T09:12:44Z'), lastModifiedTime: iso('2026-09-18T14:02:10Z'), vpcId: 'vpc-0a1b2c3d4e5f67890', subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'], idleTimeoutInMinutes: 180 },
          { domainId: research, domainName: 'research-lab', status: 'InService', authMode: 'IAM', creationTime: iso('2025-11-20T16:40:03Z'), lastModifiedTime: iso('2026-10-02T08:15:51Z'), vpcId: 'vpc-0b2c3d4e5f6a78901', subnetIds: ['subnet-0a1a2a3a4a5a6a7a8'] },
          { domainId: 'd-5mv7pc0ghy8s', domainName: 'sandbox-pending', status: 'Pending', authMode: 'IAM', creationTime: iso('2026-11-23T07:58:12Z'), lastModifiedTime: iso('2026-11-23T07:58:12Z') },
        ],
        userProfiles: [
          up(east, 'alice', '2025-03-04T10:01:00Z'),
          up(east, 'bob', '2025-03-05T11:22:33Z'),
          up(east, 'carol', '2025-06-17T08:45:10Z'),
          up(east, 'dave-data-eng', '2026-01-09T13:30:00Z'),
          up(research, 'erin', '2025-11-21T09:00:00Z'),
          up(research, 'frank', '2025-11-22T15:10:00Z'),
          up(research, 'grace-new', '2026-11-23T08:02:00Z', 'Pending'),
        ],
        spaces: [
          { domainId: east, spaceName: 'alice-jupyterlab', spaceDisplayName: 'Alice JupyterLab', status: 'InService', appType: 'JupyterLab', sharingType: 'Private', ownerUserProfileName: 'alice', creationTime: iso('2025-03-04T10:05:00Z'), lastModifiedTime: iso('2026-11-20T09:00:00Z'), idleTimeoutInMinutes: 60 },
          { domainId: east, spaceName: 'alice-code-editor', spaceDisplayName: 'Alice Code Editor', status: 'InService', appType: 'CodeEditor', sharingType: 'Private', ownerUserProfileName: 'alice', creationTime: iso('2025-04-10T12:00:00Z'), lastModifiedTime: iso('2026-10-11T17:45:00Z') },
          { domainId: east, spaceName: 'bob-jupyterlab', spaceDisplayName: 'Bob JupyterLab', status: 'InService', appType: 'JupyterLab', sharingType: 'Private', ownerUserProfileName: 'bob', creationTime: iso('2025-03-05T11:30:00Z'), lastModifiedTime: iso('2026-11-22T18:20:00Z') },
          { domainId: east, spaceName: 'carol-rstudio', spaceDisplayName: 'Carol RStudio', status: 'InService', appType: 'RStudioServerPro', sharingType: 'Private', ownerUserProfileName: 'carol', creationTime: iso('2025-06-17T09:00:00Z'), lastModifiedTime: iso('2026-07-01T10:00:00Z') },
          { domainId: east, spaceName: 'team-analytics', spaceDisplayName: 'Team Analytics', status: 'InService', appType: 'JupyterLab', sharingType: 'Shared', creationTime: iso('2025-05-02T14:00:00Z'), lastModifiedTime: iso('2026-11-23T06:30:00Z'), remoteAccess: 'ENABLED' },
          { domainId: east, spaceName: 'shared-code-review', spaceDisplayName: 'Shared Code Review', status: 'InService', appType: 'CodeEditor', sharingType: 'Shared', creationTime: iso('2025-08-19T10:20:00Z'), lastModifiedTime: iso('2026-09-30T12:00:00Z') },
          { domainId: research, spaceName: 'erin-notebooks', spaceDisplayName: 'Erin Notebooks', status: 'InService', appType: 'JupyterLab', sharingType: 'Private', ownerUserProfileName: 'erin', creationTime: iso('2025-11-21T09:10:00Z'), lastModifiedTime: iso('2026-11-21T16:00:00Z') },
          { domainId: research, spaceName: 'paper-reproduction', spaceDisplayName: 'Paper Reproduction', status: 'InService', appType: 'JupyterLab', sharingType: 'Shared', creationTime: iso('2026-02-14T11:11:00Z'), lastModifiedTime: iso('2026-11-23T07:00:00Z') },
        ],
        apps: [
          { domainId: east, appType: 'JupyterLab', appName: 'default', spaceName: 'alice-jupyterlab', status: 'InService', instanceType: 'ml.t3.medium', creationTime: iso('2026-11-23T08:00:00Z') },
          { domainId: east, appType: 'CodeEditor', appName: 'default', spaceName: 'alice-code-editor', status: 'Deleted', instanceType: 'ml.t3.medium', creationTime: iso('2026-10-11T16:00:00Z') },
          { domainId: east, appType: 'JupyterLab', appName: 'default', spaceName: 'bob-jupyterlab', status: 'Pending', instanceType: 'ml.m5.large', creationTime: iso('2026-11-23T08:30:00Z') },
          { domainId: east, appType: 'RStudioServerPro', appName: 'default', spaceName: 'carol-rstudio', status: 'InService', instanceType: 'system', creationTime: iso('2026-07-01T10:00:00Z') },
          { domainId: east, appType: 'JupyterLab', appName: 'default', spaceName: 'team-analytics', status: 'InService', instanceType: 'ml.g5.xlarge', creationTime: iso('2026-11-22T09:15:00Z') },
          { domainId: east, appType: 'JupyterServer', appName: 'default', userProfileName: 'alice', status: 'InService', instanceType: 'system', creationTime: iso('2025-03-04T10:02:00Z') },
          { domainId: research, appType: 'JupyterLab', appName: 'default', spaceName: 'erin-notebooks', status: 'Failed', instanceType: 'ml.t3.medium', creationTime: iso('2026-11-21T15:00:00Z'), failureReason: 'The lifecycle configuration script exited with a non-zero status.' },
          { domainId: research, appType: 'JupyterLab', appName: 'default', spaceName: 'paper-reproduction', status: 'InService', instanceType: 'ml.g4dn.xlarge', creationTime: iso('2026-11-23T07:00:00Z') },
        ],
        notebookInstances: [
          { notebookInstanceName: 'fraud-detection-dev', status: 'InService', instanceType: 'ml.t3.medium', creationTime: iso('2025-02-11T10:00:00Z'), lastModifiedTime: iso('2026-11-23T07:45:00Z'), volumeSizeInGB: 20, platformIdentifier: 'notebook-al2-v3', defaultCodeRepository: 'https://github.com/example-org/fraud-detection' },
          { notebookInstanceName: 'churn-model-training', status: 'Stopped', instanceType: 'ml.m5.xlarge', creationTime: iso('2025-05-20T14:30:00Z'), lastModifiedTime: iso('2026-10-03T19:00:00Z'), volumeSizeInGB: 50, platformIdentifier: 'notebook-al2-v3' },
          { notebookInstanceName: 'forecasting-gpu', status: 'Pending', instanceType: 'ml.g5.xlarge', creationTime: iso('2026-11-23T08:40:00Z'), lastModifiedTime: iso('2026-11-23T08:40:00Z'), volumeSizeInGB: 100, platformIdentifier: 'notebook-al2023-v1', notebookInstanceLifecycleConfigName: 'install-extensions' },
          { notebookInstanceName: 'legacy-etl', status: 'Failed', instanceType: 'ml.t2.medium', creationTime: iso('2024-08-01T09:00:00Z'), lastModifiedTime: iso('2026-06-12T11:11:00Z'), failureReason: 'Notebook Instance Lifecycle Config script failed: on-start.sh exceeded 5 minutes.', volumeSizeInGB: 5, platformIdentifier: 'notebook-al2-v1', notebookInstanceLifecycleConfigName: 'legacy-bootstrap' },
          { notebookInstanceName: 'nlp-experiments', status: 'Stopped', instanceType: 'ml.t3.large', creationTime: iso('2025-09-09T09:09:00Z'), lastModifiedTime: iso('2026-11-01T10:00:00Z'), volumeSizeInGB: 30, platformIdentifier: 'notebook-al2-v3', defaultCodeRepository: 'nlp-experiments-repo', additionalCodeRepositories: ['https://github.com/example-org/tokenizers'] },
        ],
        mlflowTrackingServers: [
          trackingServer('us-east-1', 'mlflow-platform', 'Started', '2.16.2', 'Medium', '2025-06-02T10:00:00Z', '2026-11-20T08:00:00Z'),
          trackingServer('us-east-1', 'research-tracking', 'Created', '2.16.2', 'Small', '2025-12-01T12:00:00Z', '2025-12-01T12:25:00Z'),
          trackingServer('us-east-1', 'fraud-experiments', 'Stopped', '2.13.2', 'Small', '2025-03-10T09:00:00Z', '2026-10-31T18:00:00Z'),
          trackingServer('us-east-1', 'nightly-benchmarks', 'Starting', '2.16.2', 'Large', '2026-04-04T04:04:00Z', '2026-11-23T08:45:00Z'),
          trackingServer('us-east-1', 'genai-evals', 'Updating', '3.0.0', 'Medium', '2026-08-18T15:00:00Z', '2026-11-23T08:50:00Z'),
          trackingServer('us-east-1', 'tracking-vpc-test', 'CreateFailed', '2.16.2', 'Small', '2026-11-22T17:00:00Z', '2026-11-22T17:20:00Z'),
        ],
        mlflowApps: [
          mlflowApp('us-east-1', 'app-7dfr2kqm9x4p', 'team-mlflow', 'Created', '2026-05-05T10:00:00Z', '2026-11-18T12:00:00Z', { accountDefaultStatus: 'ENABLED', defaultDomainIds: [east], modelRegistrationMode: 'AutoModelRegistrationEnabled' }),
          mlflowApp('us-east-1', 'app-2hv8lw3ncz6b', 'research-mlflow', 'Updated', '2026-06-01T09:00:00Z', '2026-11-02T10:00:00Z', { defaultDomainIds: [research] }),
          mlflowApp('us-east-1', 'app-9qs4tj6ebn1m', 'mlflow-sandbox', 'Creating', '2026-11-23T08:55:00Z', '2026-11-23T08:55:00Z'),
          mlflowApp('us-east-1', 'app-5wk1yd7gpa3r', 'mlflow-vpc-trial', 'CreateFailed', '2026-11-20T11:00:00Z', '2026-11-20T11:30:00Z'),
        ],
        partnerApps: [
          partnerApp('app-LKR7Q2M9X4PA', 'lakeraguard', 'lakera-guard', 'Available', '2026-02-02T10:00:00Z', '2026-11-01T09:00:00Z', { availableUpgrade: { version: '1.5', releaseNotes: ['Prompt-injection detection for tool calls.'] } }),
          partnerApp('app-CMT3H8V1K6ZD', 'cometml', 'comet', 'Available', '2026-03-15T14:00:00Z', '2026-10-10T10:00:00Z', { tier: 'medium', version: '3.2' }),
          partnerApp('app-DCK5N2R7T0WB', 'deepchecksllm', 'deepchecks-llm-evaluation', 'Creating', '2026-11-23T08:20:00Z', '2026-11-23T08:20:00Z'),
          partnerApp('app-FDL9S4J2M8QC', 'fiddlerprod', 'fiddler', 'Failed', '2026-11-21T13:00:00Z', '2026-11-21T13:40:00Z', {
            error: { code: 'ResourceProvisioningFailed', reason: 'The execution role cannot be assumed by the partner app.' },
          }),
          partnerApp('app-CMT6G1X5P3LE', 'cometstaging', 'comet', 'Updating', '2026-07-07T07:00:00Z', '2026-11-23T08:30:00Z', { version: '3.1' }),
        ],
      },
      'eu-west-1': {
        domains: [
          { domainId: west, domainName: 'eu-analytics', status: 'InService', authMode: 'IAM', creationTime: iso('2025-07-07T07:07:07Z'), lastModifiedTime: iso('2026-08-08T08:08:08Z'), vpcId: 'vpc-0c3d4e5f6a7b89012', subnetIds: ['subnet-0b1b2b3b4b5b6b7b8'] },
          { domainId: sso, domainName: 'identity-center-lab', status: 'InService', authMode: 'SSO', creationTime: iso('2026-03-09T10:00:00Z'), lastModifiedTime: iso('2026-11-02T09:40:00Z') },
        ],
        userProfiles: [
          up(west, 'henri', '2025-07-07T08:00:00Z'),
          up(west, 'ines', '2025-07-08T09:30:00Z'),
          up(sso, 'kenji', '2026-03-09T11:00:00Z'),
          up(sso, 'lena', '2026-03-10T09:25:00Z'),
        ],
        spaces: [
          { domainId: west, spaceName: 'henri-lab', spaceDisplayName: 'Henri Lab', status: 'InService', appType: 'JupyterLab', sharingType: 'Private', ownerUserProfileName: 'henri', creationTime: iso('2025-07-07T08:10:00Z'), lastModifiedTime: iso('2026-11-22T10:00:00Z') },
          { domainId: west, spaceName: 'eu-shared-editor', spaceDisplayName: 'EU Shared Editor', status: 'InService', appType: 'CodeEditor', sharingType: 'Shared', creationTime: iso('2025-07-09T12:00:00Z'), lastModifiedTime: iso('2026-11-10T13:00:00Z') },
          { domainId: sso, spaceName: 'kenji-lab', spaceDisplayName: 'Kenji Lab', status: 'InService', appType: 'JupyterLab', sharingType: 'Private', ownerUserProfileName: 'kenji', creationTime: iso('2026-03-09T11:30:00Z'), lastModifiedTime: iso('2026-03-09T11:30:00Z') },
        ],
        apps: [
          { domainId: west, appType: 'CodeEditor', appName: 'default', spaceName: 'eu-shared-editor', status: 'InService', instanceType: 'ml.t3.medium', creationTime: iso('2026-11-22T08:00:00Z') },
        ],
        notebookInstances: [
          { notebookInstanceName: 'gdpr-audit-notebook', status: 'InService', instanceType: 'ml.t3.medium', creationTime: iso('2025-07-10T10:00:00Z'), lastModifiedTime: iso('2026-11-23T06:00:00Z'), volumeSizeInGB: 10, platformIdentifier: 'notebook-al2-v3' },
          { notebookInstanceName: 'eu-batch-scoring', status: 'Stopped', instanceType: 'ml.m5.xlarge', creationTime: iso('2025-10-01T10:00:00Z'), lastModifiedTime: iso('2026-09-01T10:00:00Z'), volumeSizeInGB: 20, platformIdentifier: 'notebook-al2-v3' },
        ],
        mlflowTrackingServers: [
          trackingServer('eu-west-1', 'eu-mlflow', 'Started', '2.16.2', 'Small', '2025-08-01T08:00:00Z', '2026-11-22T07:00:00Z'),
          trackingServer('eu-west-1', 'eu-archive-tracking', 'Stopped', '2.13.2', 'Small', '2025-07-15T08:00:00Z', '2026-06-30T17:00:00Z'),
          trackingServer('eu-west-1', 'eu-batch-tracking', 'Stopping', '2.16.2', 'Medium', '2026-01-12T08:00:00Z', '2026-11-23T08:58:00Z'),
        ],
        mlflowApps: [
          mlflowApp('eu-west-1', 'app-4mz8cx2vbn7k', 'eu-mlflow-app', 'Created', '2026-06-20T08:00:00Z', '2026-11-05T08:00:00Z', { accountDefaultStatus: 'ENABLED', defaultDomainIds: [west] }),
          mlflowApp('eu-west-1', 'app-6pt3rw9hqs2f', 'eu-mlflow-staging', 'Updating', '2026-09-09T09:00:00Z', '2026-11-23T08:10:00Z'),
        ],
        partnerApps: [
          partnerApp('app-LKR2E8U4W6YA', 'eulakera', 'lakera-guard', 'Available', '2026-04-20T08:00:00Z', '2026-11-01T08:00:00Z'),
          partnerApp('app-FDL3B7N5C1VZ', 'eufiddler', 'fiddler', 'Creating', '2026-11-23T08:35:00Z', '2026-11-23T08:35:00Z'),
        ],
      },
    },
  };
}

/** Deterministic PRNG (mulberry32) so `large` is the same account on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LargeDataOptions {
  userProfiles?: number;
  sharedSpaces?: number;
  notebookInstances?: number;
  mlflowTrackingServers?: number;
  mlflowApps?: number;
  partnerApps?: number;
  seed?: number;
}

/** A big account for benchmarks: one domain with thousands of profiles and spaces, hundreds of notebook instances. */
export function largeData(options: LargeDataOptions = {}): EmulatorData {
  const { userProfiles = 3000, sharedSpaces = 500, notebookInstances = 400, mlflowTrackingServers = 6, mlflowApps = 4, partnerApps = 4, seed = 42 } = options;
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const base = Date.UTC(2024, 0, 1);
  const time = (i: number): string => new Date(base + i * 3_600_000 + Math.floor(rand() * 3_000_000)).toISOString();
  const domainId = 'd-large0000001';
  const region: RegionData = {
    domains: [{ domainId, domainName: 'enterprise-ml', status: 'InService', authMode: 'IAM', creationTime: time(0), lastModifiedTime: time(10) }],
    userProfiles: [],
    spaces: [],
    apps: [],
    notebookInstances: [],
    mlflowTrackingServers: [],
    mlflowApps: [],
    partnerApps: [],
    limits: { runningApps: 100_000, runningNotebookInstances: 10_000 },
  };
  const spaceTypes: AppType[] = ['JupyterLab', 'JupyterLab', 'CodeEditor', 'RStudioServerPro'];
  const appStates: (AppStatus | undefined)[] = ['InService', 'InService', 'Pending', 'Deleting', 'Deleted', undefined];
  const addSpace = (s: SpaceRecord, i: number): void => {
    region.spaces.push(s);
    const status = pick(appStates);
    if (status) {
      region.apps.push({ domainId, appType: s.appType, appName: 'default', spaceName: s.spaceName, status, instanceType: 'ml.t3.medium', creationTime: time(i + 5) });
    }
  };
  for (let i = 0; i < userProfiles; i++) {
    const name = `user-${String(i).padStart(5, '0')}`;
    region.userProfiles.push({ domainId, userProfileName: name, status: 'InService', creationTime: time(i), lastModifiedTime: time(i + 1) });
    const appType = pick(spaceTypes);
    addSpace({ domainId, spaceName: `${name}-space`, spaceDisplayName: `${name} ${appType}`, status: 'InService', appType, sharingType: 'Private', ownerUserProfileName: name, creationTime: time(i + 1), lastModifiedTime: time(i + 2) }, i);
  }
  for (let i = 0; i < sharedSpaces; i++) {
    const appType = pick(spaceTypes);
    addSpace({ domainId, spaceName: `shared-${String(i).padStart(4, '0')}`, spaceDisplayName: `Shared ${i} ${appType}`, status: 'InService', appType, sharingType: 'Shared', creationTime: time(i), lastModifiedTime: time(i + 3) }, i);
  }
  const nbStates: NotebookInstanceStatus[] = ['InService', 'Stopped', 'Stopped', 'Pending', 'Failed'];
  const nbTypes = ['ml.t3.medium', 'ml.t3.large', 'ml.m5.xlarge', 'ml.g5.xlarge'];
  for (let i = 0; i < notebookInstances; i++) {
    const status = pick(nbStates);
    region.notebookInstances.push({
      notebookInstanceName: `notebook-${String(i).padStart(4, '0')}`,
      status,
      instanceType: pick(nbTypes),
      creationTime: time(i),
      lastModifiedTime: time(i + 4),
      volumeSizeInGB: 5 + Math.floor(rand() * 100),
      ...(status === 'Failed' ? { failureReason: 'Instance failed to start.' } : {}),
    });
  }
  // A few MLflow and partner AI apps, cycling through their states; made without `rand` so the
  // rest of the account stays what it was before they existed.
  const tsStates: TrackingServerStatus[] = ['Started', 'Stopped', 'Created', 'Starting', 'Stopping', 'Updating'];
  const tsSizes = ['Small', 'Medium', 'Large'] as const;
  for (let i = 0; i < mlflowTrackingServers; i++) {
    const name = `tracking-${String(i).padStart(3, '0')}`;
    region.mlflowTrackingServers?.push({
      trackingServerName: name,
      status: tsStates[i % tsStates.length],
      mlflowVersion: i % 3 === 0 ? '2.13.2' : '2.16.2',
      trackingServerSize: tsSizes[i % tsSizes.length],
      artifactStoreUri: `s3://enterprise-ml-${DEFAULT_ACCOUNT_ID}/mlflow/${name}`,
      creationTime: new Date(base + i * 86_400_000).toISOString(),
      lastModifiedTime: new Date(base + (i + 30) * 86_400_000).toISOString(),
    });
  }
  const appStatesMlflow: MlflowAppStatus[] = ['Created', 'Updated', 'Creating', 'Updating', 'CreateFailed'];
  for (let i = 0; i < mlflowApps; i++) {
    const name = `mlflow-app-${String(i).padStart(3, '0')}`;
    region.mlflowApps?.push({
      appId: `app-large${String(i).padStart(7, '0')}`,
      name,
      status: appStatesMlflow[i % appStatesMlflow.length],
      mlflowVersion: '3.0.0',
      artifactStoreUri: `s3://enterprise-ml-${DEFAULT_ACCOUNT_ID}/mlflow-apps/${name}`,
      creationTime: new Date(base + i * 86_400_000 + 3_600_000).toISOString(),
      lastModifiedTime: new Date(base + (i + 20) * 86_400_000).toISOString(),
      accountDefaultStatus: i === 0 ? 'ENABLED' : 'DISABLED',
      defaultDomainIds: i === 0 ? [domainId] : undefined,
    });
  }
  const partnerTypes: PartnerAppType[] = ['lakera-guard', 'comet', 'deepchecks-llm-evaluation', 'fiddler'];
  const partnerStates: PartnerAppStatus[] = ['Available', 'Available', 'Creating', 'Updating', 'Failed'];
  for (let i = 0; i < partnerApps; i++) {
    const status = partnerStates[i % partnerStates.length];
    region.partnerApps?.push({
      appId: `app-LARGE${String(i).padStart(7, '0')}`,
      name: `partner${String(i).padStart(3, '0')}`,
      type: partnerTypes[i % partnerTypes.length],
      status,
      tier: 'small',
      version: '1.0',
      creationTime: new Date(base + i * 86_400_000 + 7_200_000).toISOString(),
      lastModifiedTime: new Date(base + (i + 10) * 86_400_000).toISOString(),
      ...(status === 'Failed' ? { error: { code: 'ResourceProvisioningFailed', reason: 'Provisioning the partner app failed.' } } : {}),
    });
  }
  return { accountId: DEFAULT_ACCOUNT_ID, regions: { 'us-east-1': region } };
}

/** Resolves the `data` option: a name, a JSON file path, or data given in-process (deep-copied). */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- names listed for readers; other strings are paths
export function resolveData(data: 'demo' | 'large' | string | EmulatorData | undefined): EmulatorData {
  if (data === undefined || data === 'demo') {
    return demoData();
  }
  if (data === 'large') {
    return largeData();
  }
  if (typeof data === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(data, 'utf8'));
    } catch (e) {
      throw new Error(`SageMaker emulator: cannot read data file ${data}: ${(e as Error).message}`);
    }
    return checkData(parsed, data);
  }
  return checkData(JSON.parse(JSON.stringify(data)), 'data option');
}

/** What a region name looks like (us-east-1, ap-southeast-2, us-gov-west-1, eu-isoe-west-1). */
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

function checkData(value: unknown, source: string): EmulatorData {
  const d = value as Partial<EmulatorData> | null;
  if (!d || typeof d !== 'object' || typeof d.regions !== 'object' || d.regions === null) {
    throw new Error(`SageMaker emulator: ${source} must be an object with "regions": { "<region>": { domains, userProfiles, spaces, apps, notebookInstances } }`);
  }
  const regions: Record<string, RegionData> = {};
  for (const [name, r] of Object.entries(d.regions)) {
    regions[name] = { ...emptyRegion(), ...r };
  }
  const disabled = d.disabledRegions;
  if (disabled !== undefined && (!Array.isArray(disabled) || !disabled.every((x) => typeof x === 'string' && REGION.test(x)))) {
    throw new Error(`SageMaker emulator: ${source}: "disabledRegions" must be a list of region names such as ["af-south-1"]`);
  }
  return { accountId: d.accountId ?? DEFAULT_ACCOUNT_ID, regions, ...(disabled ? { disabledRegions: [...disabled] } : {}) };
}
