/**
 * SDK clients: one per (profile, region, endpoint), created on first use and reused.
 * The SDK is loaded lazily, on the first AWS call: loading it costs 50-200 ms, which must not
 * happen at activation. It is its own file (dist/sdk.js in the bundle, built from ./sdk.ts), loaded
 * with a V8 code cache when the extension gives the loader a folder for it.
 */
import * as path from 'node:path';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { loadWithCodeCache, type CodeCacheState, type LoadedModule } from './codeCache';
import { profileEndpointUrl } from './profiles';
import type { ApiCallRecord, AwsHooks, AwsSettings, AwsTuning } from './types';

/** What the AWS layer uses from the SDK (./sdk.ts). */
export type SageMakerSdk = typeof import('./sdk');

/** Where the SDK code cache lives and when it is written. */
export interface SdkCodeCacheOptions {
  /** Folder of the cache file (the extension's global storage); none: no cache. */
  readonly dir?: string;
  /** Time after the first successful API call before the cache is written, when no call is in flight (default 2000 ms). */
  readonly writeDelayMs?: number;
  /** Past this time after the first success it is written even with calls in flight (default 10000 ms). */
  readonly writeLatestMs?: number;
  /** Receives one line about the load and each cache write, for the log; must not throw. */
  readonly onEvent?: (line: string) => void;
}

/** How the SDK was loaded, for the log and the benchmark. */
export interface SdkLoadInfo {
  readonly file: string;
  readonly loadMs: number;
  readonly cache: CodeCacheState;
}

/** The SDK's code cache file, in the folder the extension gives. */
export const SDK_CODE_CACHE_FILE = 'sdk-code-cache.bin';

let cacheOptions: SdkCodeCacheOptions = {};
let sdkModule: Promise<SageMakerSdk> | undefined;
let loaded: LoadedModule<SageMakerSdk> | undefined;
let sdkInfo: SdkLoadInfo | undefined;

function tell(line: string): void {
  try {
    cacheOptions.onEvent?.(line);
  } catch {
    /* a failing log must not fail the load */
  }
}

/**
 * Sets the folder of the SDK's code cache (call before the first AWS call; the extension passes its
 * global storage). Without it the SDK loads without a cache.
 */
export function configureSdkCodeCache(options: SdkCodeCacheOptions): void {
  cacheOptions = options;
}

/**
 * The SDK file: next to this code. In the bundle that is dist/sdk.js beside dist/extension.js;
 * compiled by tsc (unit tests, the AWS benchmark) it is out/src/aws/sdk.js, which require()s the
 * packages from node_modules.
 */
export function sdkFile(): string {
  return path.join(__dirname, 'sdk.js');
}

/** The SDK module, loaded once, on first use. The single way the SDK is loaded. */
export function loadSageMakerSdk(): Promise<SageMakerSdk> {
  if (!sdkModule) {
    const p = new Promise<SageMakerSdk>((resolve) => {
      const file = sdkFile();
      const cacheFile = cacheOptions.dir ? path.join(cacheOptions.dir, SDK_CODE_CACHE_FILE) : undefined;
      loaded = loadWithCodeCache<SageMakerSdk>(file, cacheFile);
      sdkInfo = { file, loadMs: loaded.loadMs, cache: loaded.cache };
      tell(`AWS SDK loaded from ${path.basename(file)} in ${loaded.loadMs.toFixed(1)} ms (code cache: ${loaded.cache}${loaded.cacheProblem ? `; ${loaded.cacheProblem}` : ''})`);
      resolve(loaded.exports);
    });
    sdkModule = p;
    // A failed load (the file missing or broken) is not kept: the next call tries again.
    p.catch(() => {
      if (sdkModule === p) {
        sdkModule = undefined;
      }
    });
  }
  return sdkModule;
}

/** How the SDK was loaded; undefined until it is. */
export function sdkLoadInfo(): SdkLoadInfo | undefined {
  return sdkInfo;
}

/**
 * Writes the SDK's code cache now if it needs writing (after the first lists are shown, never on
 * the way to them). Never throws; answers whether it wrote.
 */
export function writeSdkCodeCache(): boolean {
  if (!loaded?.cacheNeedsWrite) {
    return false;
  }
  const started = performance.now();
  const result = loaded.writeCache();
  if (result.written) {
    tell(`AWS SDK code cache written in ${(performance.now() - started).toFixed(1)} ms`);
  } else if (result.problem) {
    tell(`AWS SDK code cache not written: ${result.problem}`);
  }
  return result.written;
}

/** How often a write that found calls in flight looks again. */
const CACHE_WRITE_RECHECK_MS = 250;

/**
 * Schedules the cache write: `writeDelayMs` after the first successful API call, at a moment no
 * call is in flight, so it never delays the first lists (nor, as a rule, any call). Background
 * reads (the poller's) may keep some call in flight most of the time: past `writeLatestMs`
 * it is written anyway (a few ms of work), so later starts are not left without a cache.
 */
const cacheWriteTimer = {
  inFlight: 0,
  firstSuccessAt: undefined as number | undefined,
  timer: undefined as NodeJS.Timeout | undefined,
  started(): void {
    this.inFlight++;
  },
  ended(ok: boolean): void {
    this.inFlight--;
    if (ok && this.firstSuccessAt === undefined && loaded?.cacheNeedsWrite) {
      this.firstSuccessAt = performance.now();
      this.arm(cacheOptions.writeDelayMs ?? 2000);
    }
  },
  arm(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const waited = performance.now() - (this.firstSuccessAt ?? 0);
      if (this.inFlight > 0 && waited < (cacheOptions.writeLatestMs ?? 10_000)) {
        this.arm(CACHE_WRITE_RECHECK_MS);
      } else {
        writeSdkCodeCache();
      }
    }, ms);
    // A pending write never keeps a process (a test, the CLI benchmark) alive.
    this.timer.unref();
  },
};

export const DEFAULT_TUNING: Required<AwsTuning> = { maxAttempts: 3, connectionTimeoutMs: 5000, requestTimeoutMs: 30000 };

function errorName(e: unknown): string {
  const n = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
  return typeof n === 'string' && n ? n : 'Error';
}

export class ClientPool {
  private readonly clients = new Map<string, Promise<SageMakerClient>>();
  private credentials: Promise<AwsCredentialIdentityProvider> | undefined;
  private readonly tuning: Required<AwsTuning>;

  constructor(
    private readonly settings: AwsSettings,
    private readonly hooks: AwsHooks,
    tuning: AwsTuning = {},
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
  }

  /** One credential provider per profile, shared by the clients of every region (it caches the keys). */
  private credentialProvider(): Promise<AwsCredentialIdentityProvider> {
    this.credentials ??= (async () => {
      const { fromIni, fromNodeProviderChain } = await loadSageMakerSdk();
      const mfa = this.hooks.mfaCode;
      const mfaCodeProvider = mfa ? (serial: string) => mfa(serial) : undefined;
      // A named profile is read from the shared files only (SSO, assume-role, credential_process,
      // web identity included); without one, the whole Node chain (env, AWS_PROFILE, files, IMDS...).
      return this.settings.profile
        ? fromIni({ profile: this.settings.profile, mfaCodeProvider, ignoreCache: true })
        : fromNodeProviderChain({ mfaCodeProvider, ignoreCache: true });
    })();
    return this.credentials;
  }

  get(region: string): Promise<SageMakerClient> {
    const key = JSON.stringify([this.settings.profile ?? '', region, this.settings.endpointUrl ?? '']);
    let client = this.clients.get(key);
    if (!client) {
      client = this.create(region);
      this.clients.set(key, client);
      // A failed creation must not be cached forever.
      client.catch(() => this.clients.delete(key));
    }
    return client;
  }

  private async create(region: string): Promise<SageMakerClient> {
    const [{ SageMakerClient, NodeHttpHandler }, credentials, endpoint] = await Promise.all([
      loadSageMakerSdk(),
      this.credentialProvider(),
      // The setting; else a named profile's endpoint_url; else none, and the SDK applies
      // AWS_ENDPOINT_URL_SAGEMAKER / AWS_ENDPOINT_URL / the default profile's endpoint_url itself.
      this.settings.endpointUrl ?? (this.settings.profile ? profileEndpointUrl(this.settings.profile) : undefined),
    ]);
    const client = new SageMakerClient({
      region,
      credentials,
      ...(endpoint ? { endpoint } : {}),
      ...(this.settings.profile ? { profile: this.settings.profile } : {}),
      retryMode: 'adaptive',
      maxAttempts: this.tuning.maxAttempts,
      requestHandler: new NodeHttpHandler({
        connectionTimeout: this.tuning.connectionTimeoutMs,
        requestTimeout: this.tuning.requestTimeoutMs,
        throwOnRequestTimeout: true,
      }),
    });
    // Counts calls in flight, to write the SDK's code cache once the first lists are done.
    client.middlewareStack.add(
      (next) => async (args) => {
        cacheWriteTimer.started();
        let ok = false;
        try {
          const result = await next(args);
          ok = true;
          return result;
        } finally {
          cacheWriteTimer.ended(ok);
        }
      },
      { step: 'initialize', priority: 'low', name: 'sagemakerEnvironmentsCodeCacheWrite' },
    );
    const hook = this.hooks.onApiCall;
    if (hook) {
      // A failing log hook must never fail the call it reports on.
      const onApiCall = (record: ApiCallRecord): void => {
        try {
          hook(record);
        } catch {
          /* the record is lost; the call goes on */
        }
      };
      // At the initialize step, so one logical call (with all its retries) gives one record.
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
          const started = performance.now();
          try {
            const result = await next(args);
            onApiCall({ operation, region, durationMs: Math.round(performance.now() - started), outcome: 'ok' });
            return result;
          } catch (e) {
            onApiCall({ operation, region, durationMs: Math.round(performance.now() - started), outcome: 'error', errorName: errorName(e) });
            throw e;
          }
        },
        { step: 'initialize', priority: 'high', name: 'sagemakerEnvironmentsApiCallRecorder' },
      );
    }
    return client;
  }

  dispose(): void {
    for (const c of this.clients.values()) {
      c.then((client) => client.destroy()).catch(() => undefined);
    }
    this.clients.clear();
  }
}
