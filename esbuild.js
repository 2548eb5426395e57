// Bundles the extension into one CommonJS file. `--production` minifies for packaging;
// `--watch` rebuilds on change. The AWS SDK is bundled but loaded lazily (see src/aws/).
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--metafile=FILE`: also write esbuild's metafile (which input files the bundle holds; the benchmark reads it). */
const metafileArg = process.argv.find((a) => a.startsWith('--metafile='));
const metafile = metafileArg ? metafileArg.slice('--metafile='.length) : undefined;

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

async function main() {
  const ctx = await esbuild.context({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: 'dist/extension.js',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    metafile: metafile !== undefined,
    plugins: watch ? [problemMatcherPlugin] : [],
  });
  if (watch) {
    await ctx.watch();
  } else {
    const result = await ctx.rebuild();
    await ctx.dispose();
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
