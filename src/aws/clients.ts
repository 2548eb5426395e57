/**
 * The SDK's loader. The SDK is loaded lazily, on the first AWS call: loading it costs 50-200 ms,
 * which must not happen at activation. It is its own file (dist/sdk.js in the bundle, built from
 * ./sdk.ts, which also holds the AWS layer's own implementation), loaded with a V8 code cache when
 * the extension gives the loader a folder for it. This module's state (the one load, the cache
 * write) is single: it is in dist/extension.js, and the code in dist/sdk.js uses that instance.
 */
import * as path from 'node:path';
import { AwsError } from './errors';
import { lazyLoadProblem, loadWithCodeCache, type CodeCacheState, type HostModules, type LoadedModule } from './codeCache';

/**
 * What dist/sdk.js (./sdk.ts) exports: the SDK (./sdkApi.ts), and the layer's implementation, which
 * ./lazyAccess.ts asks for and types (naming ./access.ts here would make the loader import the layer).
 */
export type SageMakerSdk = typeof import('./sdkApi') & { accessLayer(): unknown };

/** Where the SDK code cache lives and when it is written. */
export interface SdkCodeCacheOptions {
  /**
   * The SDK file, when not the one beside this code (see sdkFile()): the benchmark loads the
   * production dist/sdk.js from tsc's compiled modules in plain Node, as the extension does.
   */
  readonly file?: string;
  /** Folder of the cache file (the extension's global storage); none: no cache. */
  readonly dir?: string;
  /** Time after the first successful API call before the cache is written, when no call is in flight (default 2000 ms). */
  readonly writeDelayMs?: number;
  /** Past this time after the first success it is written even with calls in flight (default 10000 ms). */
  readonly writeLatestMs?: number;
  /** Receives one line about the load and each cache write, for the log; must not throw. */
  readonly onEvent?: (line: string) => void;
  /**
   * The modules of the running bundle (dist/extension.js) that the AWS layer's code in dist/sdk.js
   * uses, so it takes them rather than holding copies (see src/hostModules.ts). Undefined when not
   * running from the bundle (tsc's out/: dist/sdk.js is then out/src/aws/sdk.js, which require()s
   * the compiled modules, one instance each through Node's module cache).
   */
  readonly hostModules?: HostModules;
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
 * The SDK file: the one configured, else next to this code. In the bundle that is dist/sdk.js
 * beside dist/extension.js; compiled by tsc (unit tests, the AWS benchmark) it is
 * out/src/aws/sdk.js, which require()s the packages from node_modules and the AWS layer's
 * compiled modules.
 */
export function sdkFile(): string {
  return cacheOptions.file ?? path.join(__dirname, 'sdk.js');
}

/** The SDK module, loaded once, on first use. The single way the SDK is loaded. */
export function loadSageMakerSdk(): Promise<SageMakerSdk> {
  if (!sdkModule) {
    const p = new Promise<SageMakerSdk>((resolve) => {
      const file = sdkFile();
      const cacheFile = cacheOptions.dir ? path.join(cacheOptions.dir, SDK_CODE_CACHE_FILE) : undefined;
      try {
        loaded = loadWithCodeCache<SageMakerSdk>(file, cacheFile, cacheOptions.hostModules);
      } catch (e) {
        // One clear message for the user (through the caller's error reporting), the details for the log.
        throw new AwsError('unknown', `SageMaker Environments could not load its AWS code (${path.basename(file)}: ${lazyLoadProblem(e)}). Reinstalling the extension should fix this.`, { cause: e });
      }
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

/** For the client pool (./clientPool.ts): an API call starts; counted to write the code cache at a quiet moment. */
export function noteCallStarted(): void {
  cacheWriteTimer.started();
}

/** For the client pool: an API call ended (`ok`: it succeeded). */
export function noteCallEnded(ok: boolean): void {
  cacheWriteTimer.ended(ok);
}
