/**
 * The local SageMaker endpoint ("emulator"): start it in-process for tests, the harness,
 * `npm start` and benchmarks. The public API here is a contract (docs/local-endpoint.md, "Its contract").
 */
import type { AddressInfo } from 'node:net';
import { loadApiModel } from './api-model';
import { type EmulatorData, REGION, resolveData } from './data';
import type { Fault } from './faults';
import { ADMIN_PREFIX, type CallRecord, EmulatorServer } from './server';
import { SageMakerService } from './service';

export type { Fault, FaultKind, FaultMatch } from './faults';
export type {
  AppRecord,
  AppStatus,
  AppType,
  DomainRecord,
  EmulatorData,
  LargeDataOptions,
  MlflowAppRecord,
  MlflowAppStatus,
  MlflowTrackingServerRecord,
  NotebookInstanceRecord,
  NotebookInstanceStatus,
  PartnerAppRecord,
  PartnerAppStatus,
  PartnerAppType,
  RegionData,
  ResourceStatus,
  SpaceRecord,
  TrackingServerStatus,
  UserProfileRecord,
} from './data';
export { demoData, largeData } from './data';
export type { PresignedGrant } from './presigned';
export type { RemoteSession } from './remote';
export type { CallRecord } from './server';

/**
 * The fixed, documented key pair every emulator accepts (docs/local-endpoint.md, "Keys and regions").
 * The secret has hyphens so that secret scanners (vsce runs secretlint over the packaged README) do not
 * take it for a real AWS secret access key.
 */
export const DEFAULT_ACCESS_KEY_ID = 'AKIAEMULATORLOCAL001';
export const DEFAULT_SECRET_ACCESS_KEY = 'emulator-secret-not-a-real-aws-key';

export interface EmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiresAt?: Date;
}

export interface EmulatorOptions {
  port?: number; // 0 = any free port (default 0); always binds 127.0.0.1
  // The names are listed for readers and editors; any other string is a file path.
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
  data?: 'demo' | 'large' | string /* path to a JSON file */ | EmulatorData;
  transitionDelayMs?: number; // Pending->InService etc. (default ~2000 for npm start, tests pass small values)
  credentials?: EmulatorCredentials[]; // extra accepted keys
  latencyMs?: number; // injected round-trip latency for every call (benchmarks)
  /**
   * Host written into presigned URLs (default 127.0.0.1). code-server's openExternal rewrites
   * `localhost|127.0.0.1|0.0.0.0:<port>` URLs to its own /proxy/<port>/ and drops their path and
   * query; `127.1` is the same address to a browser and to Node, and is left alone.
   */
  presignedUrlHost?: string;
  /**
   * Opt-in regions the account has not enabled, added to the data set's own `disabledRegions`:
   * every call signed for one is UnrecognizedClientException, as AWS answers.
   */
  disabledRegions?: string[];
  /** Addition: told of every SageMaker call once answered (operation, region, status, error type, duration). */
  onCall?: (c: CallRecord) => void;
}

export interface RunningEmulator {
  readonly url: string; // http://127.0.0.1:<port>
  readonly accessKeyId: string; // the default accepted key pair (fixed, documented)
  readonly secretAccessKey: string;
  readonly regions: string[]; // regions that have data
  readonly disabledRegions: string[]; // regions not enabled for the account (data set + option)
  readonly adminUrl: string; // base of the admin HTTP path (faults, reset, stats)
  addCredentials(c: EmulatorCredentials): void;
  setFault(f: Fault): void; // deterministic faults per operation
  clearFaults(): void;
  callCount(operation?: string): number; // SageMaker calls received (for tests and the benchmark)
  resetCallCounts(): void;
  stop(): Promise<void>;
  // Additions to the contract:
  /** Back to the starting data; also clears faults, counts and presigned URLs. */
  reset(): void;
  /**
   * Moves the emulator's clock forward (presigned URL expiry, state transitions); SigV4 keeps
   * checking against the real clock.
   */
  advanceClock(ms: number): void;
  /** What each presigned URL granted (lifetimes, session, opens), without the tokens. */
  presignedGrants(): import('./presigned').PresignedGrant[];
  /** The remote sessions StartSession handed out, without their tokens. */
  remoteSessions(): import('./remote').RemoteSession[];
  /** When each SageMaker call since the last reset of the counts arrived (ms since the epoch), oldest first. */
  callArrivals(): { operation: string; at: number }[];
}

export const DEFAULT_TRANSITION_DELAY_MS = 2000;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const model = loadApiModel();
  const data = resolveData(options.data);
  for (const r of options.disabledRegions ?? []) {
    if (typeof r !== 'string' || !REGION.test(r)) {
      throw new Error(`SageMaker emulator: disabledRegions must hold region names such as "af-south-1", got ${JSON.stringify(r)}`);
    }
  }
  if (options.disabledRegions?.length) {
    data.disabledRegions = [...new Set([...(data.disabledRegions ?? []), ...options.disabledRegions])];
  }
  const service = new SageMakerService(data, options.transitionDelayMs ?? DEFAULT_TRANSITION_DELAY_MS);
  const server = new EmulatorServer(model, service, options.latencyMs ?? 0, options.onCall);
  server.addCredentials({ accessKeyId: DEFAULT_ACCESS_KEY_ID, secretAccessKey: DEFAULT_SECRET_ACCESS_KEY });
  for (const c of options.credentials ?? []) {
    server.addCredentials(c);
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`SageMaker emulator: port must be an integer 0-65535 (0 = any free port), got ${String(port)}`);
  }
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.server.listen(port, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  service.baseUrl = options.presignedUrlHost ? `http://${options.presignedUrlHost}:${address.port}` : url;
  const regions = Object.keys(data.regions);
  let stopped: Promise<void> | undefined;
  return {
    url,
    accessKeyId: DEFAULT_ACCESS_KEY_ID,
    secretAccessKey: DEFAULT_SECRET_ACCESS_KEY,
    regions,
    disabledRegions: [...(data.disabledRegions ?? [])],
    adminUrl: `${url}${ADMIN_PREFIX}`,
    addCredentials: (c) => server.addCredentials(c),
    setFault: (f) => server.faults.add(f),
    clearFaults: () => server.faults.clear(),
    callCount: (operation) => server.callCount(operation),
    resetCallCounts: () => server.resetCallCounts(),
    reset: () => {
      service.reset();
      server.faults.clear();
      server.resetCallCounts();
    },
    presignedGrants: () => service.grants.list(),
    remoteSessions: () => service.sessions.list(),
    callArrivals: () => server.callArrivals(),
    advanceClock: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new Error(`advanceClock: ms must be a number >= 0, got ${ms}`);
      }
      service.clockOffsetMs += ms;
    },
    stop: () => {
      stopped ??= new Promise<void>((resolve, reject) => {
        server.server.close((err) => (err ? reject(err) : resolve()));
        server.server.closeAllConnections();
      });
      return stopped;
    },
  };
}
