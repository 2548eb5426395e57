import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../harness/paths';
import { median, type Figure } from './figures';

/**
 * Loading the SDK file (the production dist/sdk.js) in plain Node, each load in a fresh process as
 * in a new extension host (V8 keeps compiled code within a process): with require(), and with the
 * extension's loader (src/aws/codeCache.ts) without and with its code cache.
 */

const RUNS = 7;
const CODE_CACHE = path.join(repoRoot, 'out', 'src', 'aws', 'codeCache.js');

type Mode = 'require' | 'noCache' | 'cache';

async function loadOnce(mode: Mode, sdk: string, cacheFile: string): Promise<{ ms: number; cache: string }> {
  const script = `
    const { loadWithCodeCache } = require(${JSON.stringify(CODE_CACHE)});
    const mode = ${JSON.stringify(mode)};
    const cacheFile = ${JSON.stringify(cacheFile)};
    if (mode === 'require') {
      const started = performance.now();
      require(${JSON.stringify(sdk)});
      process.stdout.write(JSON.stringify({ ms: performance.now() - started, cache: 'require' }));
    } else {
      if (mode === 'noCache') require('node:fs').rmSync(cacheFile, { force: true });
      const m = loadWithCodeCache(${JSON.stringify(sdk)}, cacheFile);
      process.stdout.write(JSON.stringify({ ms: m.loadMs, cache: m.cache }));
      if (mode === 'noCache') m.writeCache();
    }`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(stdout) as { ms: number; cache: string };
}

export async function measureSdkLoad(): Promise<Figure[]> {
  const sdk = path.join(repoRoot, 'dist', 'sdk.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-bench-sdk-'));
  const cacheFile = path.join(dir, 'sdk-code-cache.bin');
  const times: Record<Mode, number[]> = { require: [], noCache: [], cache: [] };
  try {
    // Interleaved, so a busy moment of the machine spreads over all three.
    for (let i = 0; i < RUNS; i++) {
      for (const mode of ['require', 'noCache', 'cache'] as const) {
        const r = await loadOnce(mode, sdk, cacheFile);
        const want = mode === 'require' ? 'require' : mode === 'noCache' ? 'missing' : 'accepted';
        if (r.cache !== want) {
          throw new Error(`SDK load "${mode}": the code cache was ${r.cache}, expected ${want}`);
        }
        times[mode].push(r.ms);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const section = 'SDK load (plain Node, a fresh process each)';
  const node = `Node ${process.version}`;
  return [
    {
      id: 'sdk.load.require',
      section,
      label: `load dist/sdk.js with require() (${node})`,
      unit: 'ms',
      value: median(times.require),
      runs: RUNS,
      note: 'for comparison: how Node loads a module',
    },
    {
      id: 'sdk.load.noCache',
      section,
      label: 'load dist/sdk.js with the extension\'s loader, no code cache (first start)',
      unit: 'ms',
      value: median(times.noCache),
      runs: RUNS,
      note: 'read, hash, compile, run; what the first start after an install or update costs',
    },
    {
      id: 'sdk.load.cache',
      section,
      label: 'load dist/sdk.js with the extension\'s loader, from its code cache',
      unit: 'ms',
      value: median(times.cache),
      runs: RUNS,
      note: 'every later start; this cache was written right after loading, the extension\'s after the first lists (it also holds the functions they compiled)',
    },
  ];
}
