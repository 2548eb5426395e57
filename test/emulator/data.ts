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

export interface RegionData {
  domains: DomainRecord[];
  userProfiles: UserProfileRecord[];
  spaces: SpaceRecord[];
  apps: AppRecord[];
  notebookInstances: NotebookInstanceRecord[];
  /** Quotas that CreateApp / StartNotebookInstance enforce (ResourceLimitExceeded). */
  limits?: { runningApps?: number; runningNotebookInstances?: number };
}

export interface EmulatorData {
  /** The 12-digit account the ARNs name. */
  accountId: string;
  regions: Record<string, RegionData>;
}

export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_LIMITS = { runningApps: 50, runningNotebookInstances: 20 };

export function emptyRegion(): RegionData {
  return { domains: [], userProfiles: [], spaces: [], apps: [], notebookInstances: [] };
}

const iso = (s: string): string => new Date(s).toISOString();

/** A small account: two regions, several domains, private and shared spaces of several app types. */
export function demoData(): EmulatorData {
  const east = 'd-7kx2hq9mzp4a';
  const research = 'd-3bq8wn5tfk1c';
  const west = 'd-9fj4rt2lwx6e';
  const up = (domainId: string, userProfileName: string, created: string, status: ResourceStatus = 'InService'): UserProfileRecord => ({
    domainId,
    userProfileName,
    status,
    creationTime: iso(created),
    lastModifiedTime: iso(created),
  });
  return {
    accountId: DEFAULT_ACCOUNT_ID,
    regions: {
      'us-east-1': {
        domains: [
          { domainId: east, domainName: 'ml-platform', status: 'InService', authMode: 'IAM', creationTime: iso('2025-03-04T09:12:44Z'), lastModifiedTime: iso('2026-09-18T14:02:10Z'), vpcId: 'vpc-0a1b2c3d4e5f67890', subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'] },
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
          { domainId: east, spaceName: 'alice-jupyterlab', spaceDisplayName: 'Alice JupyterLab', status: 'InService', appType: 'JupyterLab', sharingType: 'Private', ownerUserProfileName: 'alice', creationTime: iso('2025-03-04T10:05:00Z'), lastModifiedTime: iso('2026-11-20T09:00:00Z') },
          { domainId: east, spaceName: 'alice-code-editor', spaceDisplayName: 'Alice Code Editor', status: 'InService', appType: 'CodeEditor', sharingType: 'Private', ownerUserProfileName: 'alice', creationTime: iso('2025-04-10T12:00:00Z'), lastModifiedTime: iso('2026-10-11T17:45:00Z') },
          { domainId: east, spaceName: 'bob-jupyterlab', spaceDisplayName: 'Bob JupyterLab', status: 'InService', appType: 'JupyterLab', sharingType: 'Private', ownerUserProfileName: 'bob', creationTime: iso('2025-03-05T11:30:00Z'), lastModifiedTime: iso('2026-11-22T18:20:00Z') },
          { domainId: east, spaceName: 'carol-rstudio', spaceDisplayName: 'Carol RStudio', status: 'InService', appType: 'RStudioServerPro', sharingType: 'Private', ownerUserProfileName: 'carol', creationTime: iso('2025-06-17T09:00:00Z'), lastModifiedTime: iso('2026-07-01T10:00:00Z') },
          { domainId: east, spaceName: 'team-analytics', spaceDisplayName: 'Team Analytics', status: 'InService', appType: 'JupyterLab', sharingType: 'Shared', creationTime: iso('2025-05-02T14:00:00Z'), lastModifiedTime: iso('2026-11-23T06:30:00Z') },
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
      },
      'eu-west-1': {
        domains: [
          { domainId: west, domainName: 'eu-analytics', status: 'InService', authMode: 'IAM', creationTime: iso('2025-07-07T07:07:07Z'), lastModifiedTime: iso('2026-08-08T08:08:08Z'), vpcId: 'vpc-0c3d4e5f6a7b89012', subnetIds: ['subnet-0b1b2b3b4b5b6b7b8'] },
        ],
        userProfiles: [up(west, 'henri', '2025-07-07T08:00:00Z'), up(west, 'ines', '2025-07-08T09:30:00Z')],
        spaces: [
          { domainId: west, spaceName: 'henri-lab', spaceDisplayName: 'Henri Lab', status: 'InService', appType: 'JupyterLab', sharingType: 'Private', ownerUserProfileName: 'henri', creationTime: iso('2025-07-07T08:10:00Z'), lastModifiedTime: iso('2026-11-22T10:00:00Z') },
          { domainId: west, spaceName: 'eu-shared-editor', spaceDisplayName: 'EU Shared Editor', status: 'InService', appType: 'CodeEditor', sharingType: 'Shared', creationTime: iso('2025-07-09T12:00:00Z'), lastModifiedTime: iso('2026-11-10T13:00:00Z') },
        ],
        apps: [
          { domainId: west, appType: 'CodeEditor', appName: 'default', spaceName: 'eu-shared-editor', status: 'InService', instanceType: 'ml.t3.medium', creationTime: iso('2026-11-22T08:00:00Z') },
        ],
        notebookInstances: [
          { notebookInstanceName: 'gdpr-audit-notebook', status: 'InService', instanceType: 'ml.t3.medium', creationTime: iso('2025-07-10T10:00:00Z'), lastModifiedTime: iso('2026-11-23T06:00:00Z'), volumeSizeInGB: 10, platformIdentifier: 'notebook-al2-v3' },
          { notebookInstanceName: 'eu-batch-scoring', status: 'Stopped', instanceType: 'ml.m5.xlarge', creationTime: iso('2025-10-01T10:00:00Z'), lastModifiedTime: iso('2026-09-01T10:00:00Z'), volumeSizeInGB: 20, platformIdentifier: 'notebook-al2-v3' },
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
  seed?: number;
}

/** A big account for benchmarks: one domain with thousands of profiles and spaces, hundreds of notebook instances. */
export function largeData(options: LargeDataOptions = {}): EmulatorData {
  const { userProfiles = 3000, sharedSpaces = 500, notebookInstances = 400, seed = 42 } = options;
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

function checkData(value: unknown, source: string): EmulatorData {
  const d = value as Partial<EmulatorData> | null;
  if (!d || typeof d !== 'object' || typeof d.regions !== 'object' || d.regions === null) {
    throw new Error(`SageMaker emulator: ${source} must be an object with "regions": { "<region>": { domains, userProfiles, spaces, apps, notebookInstances } }`);
  }
  const regions: Record<string, RegionData> = {};
  for (const [name, r] of Object.entries(d.regions)) {
    regions[name] = { ...emptyRegion(), ...r };
  }
  return { accountId: d.accountId ?? DEFAULT_ACCOUNT_ID, regions };
}
