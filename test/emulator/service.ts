/**
 * The SageMaker operations the extension uses, over the emulator's account data: the data, the
 * clock and the state transitions that move records through their real states after
 * `transitionDelayMs`, shared by the operation families, one module each (./studio.ts,
 * ./notebooks.ts, ./mlflow.ts, ./partner-apps.ts, ./remote.ts). Inputs arrive already validated
 * against the API model.
 */
import type { Operations, ServiceContext } from './context';
import type { AppRecord, EmulatorData, MlflowTrackingServerRecord, NotebookInstanceRecord, RegionData } from './data';
import { emptyRegion } from './data';
import { mlflowOperations } from './mlflow';
import { notebookOperations } from './notebooks';
import { partnerAppOperations } from './partner-apps';
import { Paginator } from './pagination';
import { PresignedGrants } from './presigned';
import { remoteOperations, RemoteSessions } from './remote';
import { studioOperations } from './studio';

export { DEFAULT_EXPIRES_IN_SECONDS, DEFAULT_SESSION_SECONDS } from './context';

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

  unschedule(record: object): void {
    this.transitions.delete(record);
  }

  /** Regions the account has not enabled (opt-in regions): calls signed for them are refused. */
  isRegionDisabled(region: string): boolean {
    return (this.data.disabledRegions ?? []).includes(region);
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

  readonly operations: Operations = {
    ...mlflowOperations(this),
    ...partnerAppOperations(this),
    ...remoteOperations(this),
    ...studioOperations(this),
    ...notebookOperations(this),
  };
}
