import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, resultsDir, vsixPath } from '../harness/paths';
import { npmCommand, runGroup } from '../harness/processes';
import type { Figure } from './figures';

interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

const SDK_PATH = /node_modules\/(@aws-sdk|@smithy|@aws-crypto)\//;

/** The package a bundled input file comes from ("@aws-sdk/client-sagemaker", "tslib"...), or "(our code)". */
function packageOf(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return m ? m[1] : '(our code)';
}

/**
 * Bundle figures: the production bundle (built with esbuild's metafile, which says which input
 * each byte comes from) and the .vsix that `npm run package` makes.
 */
export async function measureBundle(): Promise<{ figures: Figure[]; packages: Record<string, number>; vsixProblem?: string }> {
  const metaPath = path.join(resultsDir, 'esbuild-meta.json');
  let out = '';
  await runGroup(process.execPath, ['esbuild.js', '--production', `--metafile=${metaPath}`], {
    cwd: repoRoot,
    timeoutMs: 120_000,
    onOutput: (s) => (out += s),
  }).catch((e: unknown) => {
    throw new Error(`the production build failed: ${(e as Error).message}\n${out}`);
  });
  const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as Metafile;
  const output = meta.outputs['dist/extension.js'];
  if (!output) {
    throw new Error(`esbuild's metafile has no dist/extension.js (outputs: ${Object.keys(meta.outputs).join(', ')})`);
  }
  let sdk = 0;
  const packages: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (SDK_PATH.test(input)) {
      sdk += bytesInOutput;
    }
    const p = packageOf(input);
    packages[p] = (packages[p] ?? 0) + bytesInOutput;
  }
  const bundleBytes = fs.statSync(path.join(repoRoot, 'dist', 'extension.js')).size;
  const vsix = await packageVsix();
  const ours = packages['(our code)'] ?? 0;
  const figures: Figure[] = [
    { id: 'bundle.extensionJs', section: 'Bundle', label: 'dist/extension.js (production, minified)', unit: 'bytes', value: bundleBytes },
    {
      id: 'bundle.sdkShare',
      section: 'Bundle',
      label: 'AWS SDK in the bundle (@aws-sdk + @smithy + @aws-crypto)',
      unit: 'bytes',
      value: sdk,
      note: `${((sdk / bundleBytes) * 100).toFixed(0)} % of the bundle; our own code is ${ours} bytes`,
    },
  ];
  if (typeof vsix === 'number') {
    figures.splice(1, 0, { id: 'bundle.vsix', section: 'Bundle', label: '.vsix (what users download)', unit: 'bytes', value: vsix });
  }
  return { figures, packages, vsixProblem: typeof vsix === 'string' ? vsix : undefined };
}

/**
 * Packages the extension as users get it (`npm run package`) and returns the .vsix's size; or,
 * when packaging fails, what went wrong: the other figures do not depend on it, so the benchmark
 * goes on and says the .vsix was not measured.
 */
async function packageVsix(): Promise<number | string> {
  const npm = npmCommand();
  let out = '';
  fs.rmSync(vsixPath, { force: true });
  try {
    await runGroup(npm.command, [...npm.args, 'run', 'package'], { cwd: repoRoot, timeoutMs: 5 * 60_000, onOutput: (s) => (out += s) });
  } catch (e) {
    const reason = out.split('\n').find((l) => l.includes('ERROR'))?.trim() ?? (e as Error).message;
    return `npm run package failed, so the .vsix was not measured: ${reason}`;
  }
  if (!fs.existsSync(vsixPath)) {
    return `npm run package made no ${path.relative(repoRoot, vsixPath)}`;
  }
  return fs.statSync(vsixPath).size;
}
