import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../harness/paths';
import { median, type HostFigure } from './figures';

/**
 * What a cold open's first lists cost without VS Code: the five lists of one region's open
 * groups, made by the extension's AWS layer with the production dist/sdk.js loaded from its code
 * cache, in a fresh plain Node process each run, against the same endpoint and latency. Set
 * beside the extension host's "extension active → fresh lists answered", it says how much of
 * that is the SDK's own (its load, its first pass through its code, parsing) and how much the
 * extension host's.
 */
export async function measureFirstListsInPlainNode(env: Record<string, string>, region: string, pageSize: number, latencyMs: number, runs = 7): Promise<HostFigure[]> {
  const child = path.join(repoRoot, 'out', 'test', 'bench', 'first-lists-plain-child.js');
  const sdk = path.join(repoRoot, 'dist', 'sdk.js');
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-bench-first-lists-'));
  const once = async (): Promise<{ ms: number; sdkLoadMs: number; cache: string }> => {
    const { stdout } = await promisify(execFile)(process.execPath, [child, sdk, cacheDir, region, String(pageSize)], {
      env: { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return JSON.parse(stdout) as { ms: number; sdkLoadMs: number; cache: string };
  };
  try {
    const first = await once(); // writes the code cache, as the extension's first start does
    if (first.cache !== 'missing') {
      throw new Error(`first lists in plain Node: the first run found a code cache (${first.cache})`);
    }
    const timed: { ms: number; sdkLoadMs: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await once();
      if (r.cache !== 'accepted') {
        throw new Error(`first lists in plain Node: the code cache was ${r.cache}, expected accepted`);
      }
      timed.push(r);
    }
    const ms = median(timed.map((t) => t.ms));
    const load = median(timed.map((t) => t.sdkLoadMs));
    return [
      {
        id: 'noLastKnown.plainNodeFirstLists',
        section: 'Activation',
        label: '… the same five lists in a fresh plain Node process (no VS Code): SDK load from its code cache, the first calls, one round trip',
        unit: 'ms',
        value: ms,
        calls: 5,
        floorRoundTrips: 1,
        runs,
        note: `the extension's AWS layer and the production dist/sdk.js; of which the SDK load ${load.toFixed(0)} ms, so the SDK's first pass and reading the answers take ${(ms - load - latencyMs).toFixed(0)} ms above the load and the round trip`,
      },
    ];
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}
