/**
 * Loads a CommonJS file through vm.Script with V8 cached data (a code cache), so a large file that
 * is loaded on every start (the bundled AWS SDK, dist/sdk.js) is not parsed and compiled from
 * scratch each time.
 *
 * The cache is one file: a JSON header (the source's SHA-256, the runtime's V8/Node/Electron
 * versions, the data's SHA-256) and V8's data. A cache that is missing, made for another file or
 * runtime, corrupt or rejected by V8 is never an error: the file is compiled as usual and the cache
 * is marked for writing, which happens only when the caller asks (writeCache()), after the work
 * that needed the module is done.
 *
 * The file must not import(): code restored from a V8 cache loses vm's import() hook in Node 20
 * (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING). esbuild.js turns the SDK's import()s into require().
 *
 * The same loader (without a cache) loads dist/commands.js: it hands each lazily loaded file the
 * modules of dist/extension.js it uses (HOST_MODULES_ID), and those of dist/shared.js (loaded once,
 * on the first such request), so there is one instance of each.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** What became of the cache when the module loaded. */
export type CodeCacheState =
  /** No cache file given: compiled without a cache. */
  | 'off'
  /** No cache file yet. */
  | 'missing'
  /** A cache for another version of the file or of the runtime. */
  | 'stale'
  /** Unreadable: truncated, bad header, data not matching its checksum. */
  | 'corrupt'
  /** Matched the file and runtime, but V8 refused the data. */
  | 'rejected'
  /** V8 used the cache. */
  | 'accepted';

export interface LoadedModule<T> {
  readonly exports: T;
  readonly cache: CodeCacheState;
  /** Milliseconds to read, hash, compile and run the file. */
  readonly loadMs: number;
  /** Why the cache could not be used (corrupt or unreadable), for the log. */
  readonly cacheProblem?: string;
  /** Whether writeCache() would write (the cache was not accepted). */
  readonly cacheNeedsWrite: boolean;
  /**
   * Writes the cache (V8 data for the code compiled so far) if it needs writing, at most once.
   * Never throws: answers whether it wrote, or why not.
   */
  writeCache(): { written: boolean; problem?: string };
}

interface CacheHeader {
  format: 1;
  sourceSha256: string;
  runtime: string;
  dataSha256: string;
  dataBytes: number;
}

const FORMAT = 1;

/**
 * The modules of the running dist/extension.js that a lazily loaded file takes instead of holding
 * copies, by path from the repository root ("src/aws/errors.ts"); see src/hostModules.ts.
 */
export type HostModules = Readonly<Record<string, object>>;

/**
 * What a lazily loaded file require()s to get HostModules' lookup: esbuild.js builds each
 * dist/extension.js module a lazy file imports as `module.exports = require(HOST_MODULES_ID)(path)`.
 * The same string is in esbuild.js.
 */
export const HOST_MODULES_ID = 'sagemaker-environments:host-modules';

/** A lazy load's failure in a few words for the user's message (the log gets the error itself). */
export function lazyLoadProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    return 'the file is missing';
  }
  if (e instanceof SyntaxError) {
    return 'the file is damaged';
  }
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0] || 'unknown error';
}

/**
 * The require() a loaded file gets: Node's, relative to the file (VS Code's extension host also
 * resolves `vscode` through it, by the file's path), plus HOST_MODULES_ID when `host` is given.
 */
function requireFor(file: string, host: HostModules | undefined): NodeJS.Require {
  const base = Module.createRequire(file);
  if (!host) {
    return base;
  }
  // dist/shared.js itself takes only from dist/extension.js.
  const shared = path.basename(file) === SHARED_FILE ? undefined : path.join(path.dirname(file), SHARED_FILE);
  const lookup = (key: string): object => {
    const m = host[key] ?? (shared ? sharedModules(shared, host)[key] : undefined);
    if (!m) {
      // Only when dist/extension.js and this file come from different builds.
      throw new Error(`${path.basename(file)} needs ${key}, which this dist/extension.js does not hand over: the two files are from different builds.`);
    }
    return m;
  };
  return Object.assign((id: string): unknown => (id === HOST_MODULES_ID ? lookup : base(id)), base) as NodeJS.Require;
}

/** The lazy file of the modules that two lazy files use and activation does not (esbuild.js), beside them. */
export const SHARED_FILE = 'shared.js';

/** dist/shared.js's modules by path, loaded once per file (one instance, whichever lazy file asks first). */
const sharedLoaded = new Map<string, HostModules>();

function sharedModules(file: string, host: HostModules): HostModules {
  let modules = sharedLoaded.get(file);
  if (!modules) {
    modules = loadWithCodeCache<{ sharedModules: HostModules }>(file, undefined, host).exports.sharedModules;
    sharedLoaded.set(file, modules);
  }
  return modules;
}

/** The runtime the data is valid for: V8 refuses data from another V8 version, and Electron/Node builds differ in flags. */
export function runtimeKey(): string {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string };
  return `v8 ${v.v8} node ${v.node} electron ${v.electron ?? '-'} ${process.arch}`;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

type Read = { state: 'missing' | 'stale' | 'corrupt'; problem?: string } | { state: 'ok'; data: Buffer };

/**
 * Largest cache file read: V8's data for dist/sdk.js (a few hundred KiB of code) is far smaller. A
 * larger file is not ours; reading and hashing it whole would hold up the first AWS call.
 */
export const MAX_CACHE_BYTES = 32 * 1024 * 1024;

/** Reads the cache file: a 4-byte header length, the JSON header, the data. */
function readCache(cacheFile: string, sourceSha256: string): Read {
  let buf: Buffer;
  try {
    const size = fs.statSync(cacheFile).size;
    if (size > MAX_CACHE_BYTES) {
      return { state: 'corrupt', problem: `${cacheFile} is not read: it is larger than ${MAX_CACHE_BYTES / 1024 / 1024} MiB (${size} bytes)` };
    }
    buf = fs.readFileSync(cacheFile);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return { state: 'missing' };
    }
    return { state: 'corrupt', problem: `cannot read ${cacheFile}: ${(e as Error).message}` };
  }
  try {
    if (buf.length < 4) {
      throw new Error('shorter than its header');
    }
    const headerLength = buf.readUInt32LE(0);
    if (4 + headerLength > buf.length) {
      throw new Error('shorter than its header');
    }
    const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as Partial<CacheHeader>;
    if (header.format !== FORMAT || header.sourceSha256 !== sourceSha256 || header.runtime !== runtimeKey()) {
      return { state: 'stale' };
    }
    const data = buf.subarray(4 + headerLength);
    if (data.length !== header.dataBytes || sha256(data) !== header.dataSha256) {
      throw new Error('its data does not match its checksum');
    }
    return { state: 'ok', data };
  } catch (e) {
    return { state: 'corrupt', problem: `${cacheFile} is unreadable: ${(e as Error).message}` };
  }
}

/** Writes the cache file whole or not at all (a temporary file renamed over it): another window may be reading it. */
function writeCacheFile(cacheFile: string, sourceSha256: string, data: Buffer): void {
  const header: CacheHeader = { format: FORMAT, sourceSha256, runtime: runtimeKey(), dataSha256: sha256(data), dataBytes: data.length };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  const temporary = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(temporary, Buffer.concat([length, json, data]));
    fs.renameSync(temporary, cacheFile);
  } catch (e) {
    fs.rmSync(temporary, { force: true });
    throw e;
  }
}

/**
 * Loads `file` as a CommonJS module (its own module, exports and require, resolving from the file's
 * folder), compiled with the code cache in `cacheFile` when given. Errors of the file itself
 * (missing, syntax, a throwing top level) propagate; nothing about the cache does. `host`: the
 * modules of dist/extension.js the file may ask for (HOST_MODULES_ID).
 */
export function loadWithCodeCache<T>(file: string, cacheFile: string | undefined, host?: HostModules): LoadedModule<T> {
  const started = performance.now();
  const source = fs.readFileSync(file, 'utf8');
  const sourceSha256 = sha256(source);
  const read: Read = cacheFile ? readCache(cacheFile, sourceSha256) : { state: 'missing' };
  const cachedData = read.state === 'ok' ? read.data : undefined;

  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const cache: CodeCacheState = !cacheFile ? 'off' : read.state !== 'ok' ? read.state : script.cachedDataRejected ? 'rejected' : 'accepted';

  const module = { exports: {} as T, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, requireFor(file, host), module, file, path.dirname(file));
  module.loaded = true;
  const loadMs = performance.now() - started;

  let writeDone = !cacheFile || cache === 'accepted';
  return {
    exports: module.exports,
    cache,
    loadMs,
    cacheProblem: read.state === 'corrupt' ? read.problem : undefined,
    get cacheNeedsWrite() {
      return !writeDone;
    },
    writeCache() {
      if (writeDone || !cacheFile) {
        return { written: false };
      }
      writeDone = true;
      try {
        writeCacheFile(cacheFile, sourceSha256, script.createCachedData());
        return { written: true };
      } catch (e) {
        return { written: false, problem: `could not write the code cache ${cacheFile}: ${(e as Error).message}` };
      }
    },
  };
}
