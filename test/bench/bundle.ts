import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, resultsDir, vsixPath } from '../harness/paths';
import { runGroup } from '../harness/processes';
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
 * Bundle figures: the production bundle (built again with esbuild's metafile, which says which
 * input each byte comes from) and the .vsix that `npm run package` made.
 */
export async function measureBundle(): Promise<{ figures: Figure[]; packages: Record<string, number> }> {
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
  if (!fs.existsSync(vsixPath)) {
    throw new Error(`${path.relative(repoRoot, vsixPath)} is missing: run \`npm run package\` (npm run bench does).`);
  }
  const vsixBytes = fs.statSync(vsixPath).size;
  const ours = packages['(our code)'] ?? 0;
  const figures: Figure[] = [
    { id: 'bundle.extensionJs', section: 'Bundle', label: 'dist/extension.js (production, minified)', unit: 'bytes', value: bundleBytes },
    { id: 'bundle.vsix', section: 'Bundle', label: '.vsix (what users download)', unit: 'bytes', value: vsixBytes },
    {
      id: 'bundle.sdkShare',
      section: 'Bundle',
      label: 'AWS SDK in the bundle (@aws-sdk + @smithy + @aws-crypto)',
      unit: 'bytes',
      value: sdk,
      note: `${((sdk / bundleBytes) * 100).toFixed(0)} % of the bundle; our own code is ${ours} bytes`,
    },
  ];
  return { figures, packages };
}
