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

/** Bytes per package of one output of the metafile, and how many of them are AWS SDK code. */
function breakdown(meta: Metafile, output: string): { bytes: number; sdk: number; packages: Record<string, number> } {
  const out = meta.outputs[output];
  if (!out) {
    throw new Error(`esbuild's metafile has no ${output} (outputs: ${Object.keys(meta.outputs).join(', ')})`);
  }
  let sdk = 0;
  const packages: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    if (SDK_PATH.test(input)) {
      sdk += bytesInOutput;
    }
    const p = packageOf(input);
    packages[p] = (packages[p] ?? 0) + bytesInOutput;
  }
  return { bytes: fs.statSync(path.join(repoRoot, output)).size, sdk, packages };
}

const kib = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;

/**
 * Every file of the production build: what VS Code loads on activation, and each file loaded
 * later, with when (esbuild.js builds them; src/aws/clients.ts and src/commands/index.ts load them).
 */
const FILES: readonly { file: string; id: string; label: string }[] = [
  { file: 'dist/extension.js', id: 'bundle.extensionJs', label: 'dist/extension.js (production, minified): what VS Code loads on activation' },
  {
    file: 'dist/sdk.js',
    id: 'bundle.sdkJs',
    label: 'dist/sdk.js (production, minified): the AWS SDK and the AWS layer, loaded on the first AWS call (V8 code cache)',
  },
  {
    file: 'dist/commands.js',
    id: 'bundle.commandsJs',
    label: "dist/commands.js (production, minified): the commands, loaded on the first command or vscode:// link, or when a part activation starts later first runs (the running environments' first scan, a passing row, a last-known write, an error shown)",
  },
  {
    file: 'dist/shared.js',
    id: 'bundle.sharedJs',
    label: 'dist/shared.js (production, minified): what dist/sdk.js and dist/commands.js both use, loaded with the first of them',
  },
];

/**
 * Bundle figures: the production build's files (built with esbuild's metafile, which says which
 * input each byte comes from) and the .vsix that `npm run package` makes.
 */
export async function measureBundle(): Promise<{ figures: Figure[]; packages: Record<string, Record<string, number>>; vsixProblem?: string }> {
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
  const unknown = Object.keys(meta.outputs).filter((o) => o.endsWith('.js') && !FILES.some((f) => f.file === o));
  if (unknown.length) {
    throw new Error(`the production build writes ${unknown.join(', ')}, which the benchmark does not know: add it to FILES in test/bench/bundle.ts, saying when it loads`);
  }
  const files = FILES.map((f) => ({ ...f, ...breakdown(meta, f.file) }));
  const vsix = await packageVsix();
  const figures: Figure[] = [];
  const packages: Record<string, Record<string, number>> = {};
  for (const f of files) {
    packages[f.file] = f.packages;
    const ours = f.packages['(our code)'] ?? 0;
    const biggest = Object.entries(f.packages)
      .filter(([p]) => p !== '(our code)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([p, n]) => `${p} ${kib(n)}`)
      .join(', ');
    figures.push({ id: f.id, section: 'Bundle', label: f.label, unit: 'bytes', value: f.bytes, note: `our own code ${ours} bytes${biggest ? `; packages: ${biggest}` : ''}` });
    if (f.file === 'dist/extension.js') {
      figures.push({
        id: 'bundle.sdkInExtensionJs',
        section: 'Bundle',
        label: 'AWS SDK in dist/extension.js (@aws-sdk + @smithy + @aws-crypto)',
        unit: 'bytes',
        value: f.sdk,
        floor: 0,
      });
    }
  }
  if (typeof vsix === 'number') {
    figures.push({ id: 'bundle.vsix', section: 'Bundle', label: '.vsix (what users download)', unit: 'bytes', value: vsix });
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

// `node out/test/bench/bundle.js`: the bundle figures alone (production build and .vsix), without the rest of the benchmark.
if (require.main === module) {
  measureBundle().then(
    ({ figures, vsixProblem }) => {
      for (const f of figures) {
        console.log(`${f.label}: ${f.value} ${f.unit}${f.note ? ` (${f.note})` : ''}`);
      }
      if (vsixProblem) {
        console.log(vsixProblem);
      }
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
