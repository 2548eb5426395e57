// Bundles the extension into two CommonJS files: dist/extension.js (our code, what VS Code loads on
// activation) and dist/sdk.js (the AWS SDK, from src/aws/sdk.ts; the AWS layer loads it on its first
// call with a V8 code cache, see src/aws/clients.ts). `--production` minifies for packaging, without
// sourcemaps; `--watch` rebuilds on change.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--metafile=FILE`: also write esbuild's metafile (which input files the bundle holds; the benchmark reads it). */
const metafileArg = process.argv.find((a) => a.startsWith('--metafile='));
const metafile = metafileArg ? metafileArg.slice('--metafile='.length) : undefined;
/** `--outdir=DIR`: write the two files there instead of dist/ (tests load a production build from a temporary folder). */
const outdirArg = process.argv.find((a) => a.startsWith('--outdir='));
const outdir = outdirArg ? outdirArg.slice('--outdir='.length) : 'dist';

/** Prints build errors in the `file:line:col: error: text` form that VS Code's problem matcher reads. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Fails the build if dist/extension.js took in SDK code (a runtime import of an SDK package outside
 * src/aws/sdk.ts): the SDK is for dist/sdk.js only, loaded on the first AWS call.
 */
const sdkStaysOutPlugin = {
  name: 'sdk-stays-out-of-extension-js',
  setup(build) {
    build.onEnd((result) => {
      const output = Object.values(result.metafile?.outputs ?? {}).find((o) => o.entryPoint === 'src/extension.ts');
      const sdkInputs = Object.keys(output?.inputs ?? {}).filter((i) => /node_modules\/(@aws-sdk|@smithy|@aws-crypto)\//.test(i));
      const sdkOutput = Object.entries(result.metafile?.outputs ?? {}).find(([, o]) => o.entryPoint === 'src/aws/sdk.ts');
      if (sdkOutput && /\bimport\(/.test(require('node:fs').readFileSync(sdkOutput[0], 'utf8'))) {
        result.errors.push({ text: `${sdkOutput[0]} must not import() (code restored from a V8 code cache cannot): see src/aws/codeCache.ts`, location: null, notes: [], detail: undefined, id: '', pluginName: 'sdk-stays-out-of-extension-js' });
      }
      if (sdkInputs.length) {
        result.errors.push({
          text: `dist/extension.js must not hold AWS SDK code (it loads from dist/sdk.js); it took in ${sdkInputs.slice(0, 3).join(', ')}${sdkInputs.length > 3 ? ', ...' : ''}. Import the SDK through loadSageMakerSdk() (src/aws/clients.ts) and src/aws/sdk.ts.`,
          location: null,
          notes: [],
          detail: undefined,
          id: '',
          pluginName: 'sdk-stays-out-of-extension-js',
        });
      }
    });
  },
};

async function main() {
  const ctx = await esbuild.context({
    entryPoints: { extension: 'src/extension.ts', sdk: 'src/aws/sdk.ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir,
    external: ['vscode'],
    // The SDK's ES module builds, so esbuild keeps only what src/aws/sdk.ts names (about a third of
    // the CommonJS builds; AWS recommends the same for bundling the SDK v3 with esbuild).
    mainFields: ['module', 'main'],
    // import() becomes require(): dist/sdk.js is compiled from a V8 code cache, and code restored
    // from one cannot import() in Node 20 (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING). The SDK
    // import()s only Node built-ins (node:http, node:async_hooks), which require() loads the same.
    supported: { 'dynamic-import': false },
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    metafile: true,
    plugins: [sdkStaysOutPlugin, ...(watch ? [problemMatcherPlugin] : [])],
  });
  if (watch) {
    await ctx.watch();
  } else {
    const result = await ctx.rebuild();
    await ctx.dispose();
    if (result.errors.length) {
      throw new Error(result.errors.map((e) => e.text).join('\n'));
    }
    if (metafile) {
      require('node:fs').mkdirSync(require('node:path').dirname(metafile), { recursive: true });
      require('node:fs').writeFileSync(metafile, JSON.stringify(result.metafile));
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
