import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../harness/paths';
import { median, type HostFigure } from './figures';

/**
 * What "a profile's spaces: rows visible" costs without VS Code: the same listing in a plain Node
 * process against the same endpoint (the bench's latency included), with the bare SDK (one
 * ListSpaces) and with the extension's AWS layer (ListSpaces beside the first ListApps page).
 * The part of the extension-host figure above these is the extension host's and the tree's.
 */
export async function measureSpacesInPlainNode(env: Record<string, string>, region: string, domainName: string, profile: string, runs = 7): Promise<HostFigure[]> {
  const child = path.join(repoRoot, 'out', 'test', 'bench', 'spaces-plain-child.js');
  const { stdout } = await promisify(execFile)(process.execPath, [child, region, domainName, profile, String(runs)], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const { bare, ours, requestStart } = JSON.parse(stdout) as { bare: number[]; ours: number[]; requestStart: number[] };
  const figure = (id: string, label: string, ms: number[], calls: number | undefined, note: string): HostFigure => ({
    id,
    section: 'Actions (large data set)',
    label,
    unit: 'ms',
    value: median(ms),
    calls,
    ...(calls === undefined ? {} : { floorRoundTrips: 1 }),
    runs: ms.length,
    note,
  });
  return [
    figure('tree.spaces.plainNodeBareSdk', '… one ListSpaces call there with the bare SDK, in plain Node (no extension, no VS Code)', bare, 1, 'the endpoint\'s own time and the SDK\'s (signing, sending, parsing 100 spaces) above the round trip'),
    figure('tree.spaces.plainNodeOurs', '… the extension\'s AWS layer listing them, in plain Node (no VS Code)', ours, 2, 'ListSpaces and the first ListApps page side by side, as in the tree'),
    figure('tree.spaces.plainNodeRequestStart', '… the same in plain Node (median of 20)', requestStart, undefined, 'after the listings above: Node\'s own http.request'),
  ];
}
