// Bundles the extension into CommonJS files, one esbuild build each (VS Code's extension host loads
// CommonJS; esbuild's code splitting needs ESM output):
//   dist/extension.js  what VS Code loads on activation: src/extension.ts and what activation needs;
//   dist/sdk.js        the AWS SDK and the AWS layer's implementation (src/aws/sdk.ts), loaded on the
//                      first AWS call with a V8 code cache (src/aws/clients.ts);
//   dist/commands.js   the commands' implementations (src/commands/table.ts), loaded on the first
//                      command or vscode:// link (src/commands/index.ts);
//   dist/shared.js     the modules both lazy files use that activation does not (URL checks, limits,
//                      remote access...), loaded with whichever of them comes first (src/aws/codeCache.ts).
// `--production` minifies for packaging, without sourcemaps; `--watch` rebuilds on change.
//
// One instance of every module. A module of ours is in exactly one file: in dist/extension.js if
// activation needs it, in dist/shared.js if two lazy files both use it, else in the one lazy file
// that uses it (dist/extension.js once held the shared ones too: 15 KB more on activation). A lazy
// file does not bundle a module dist/extension.js or dist/shared.js holds: it gets a stub that
// reads `require(HOST_MODULES_ID)(path)`, and at run time the loader
// (src/aws/codeCache.ts) answers that require() with the namespaces dist/extension.js exports from
// src/hostModules.ts, which this script writes with the modules the lazy files take, or else with
// dist/shared.js's (which it loads once, beside the file asking). So one
// AwsError class, one SDK loader, one clipboard countdown, whatever file the code runs from.
// The namespaces are handed over by the loader rather than by the lazy file require()ing
// dist/extension.js: that would be a second instance if the extension host ever loaded the main
// file other than through Node's require cache, and the tests load bundles from other folders.
// It hands over only the exports the lazy files use: a stub has one module per export
// ("host-export:src/x.ts#name"), so esbuild drops those nothing uses and the metafile names the
// rest; the exports activation does not use either are then not in dist/extension.js (a module
// handed over whole kept them all: about 3 KB). Which exports dist/extension.js must hand over is
// known only once the lazy files are built, and handing them over keeps them in dist/extension.js:
// so the builds run in rounds until nothing changes (two or three rounds, a few seconds). The build fails if, in the end, any input
// is in two files, SDK code is outside dist/sdk.js, or a lazy file can import().
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { clearTimeout, setTimeout } = require('node:timers');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--metafile=FILE`: also write esbuild's metafile (which input files each output holds; the benchmark reads it). */
const metafileArg = process.argv.find((a) => a.startsWith('--metafile='));
const metafile = metafileArg ? metafileArg.slice('--metafile='.length) : undefined;
/** `--outdir=DIR`: write the files there instead of dist/ (tests load a production build from a temporary folder). */
const outdirArg = process.argv.find((a) => a.startsWith('--outdir='));
const outdir = outdirArg ? outdirArg.slice('--outdir='.length) : 'dist';

const root = __dirname;
const srcDir = path.join(root, 'src') + path.sep;
/** What VS Code loads. */
const HOST = { name: 'extension', entry: 'src/extension.ts' };
/** The lazily loaded files: each one's entry, and when it loads (the benchmark's bundle rows say so too). */
const LAZY_FILES = [
  { name: 'sdk', entry: 'src/aws/sdk.ts' },
  { name: 'commands', entry: 'src/commands/table.ts' },
];
/** Written by hostModulesPlugin in dist/extension.js; as a source file it is tsc's (out/) fallback. */
const HOST_MODULES_FILE = 'src/hostModules.ts';
/** The same string as HOST_MODULES_ID in src/aws/codeCache.ts. */
const HOST_MODULES_ID = 'sagemaker-environments:host-modules';
/** The lazy file of the modules two lazy files use: its entry is written by sharedEntryPlugin. */
const SHARED = { name: 'shared', entry: 'sagemaker-environments:shared-modules' };
const SDK_PATH = /node_modules\/(@aws-sdk|@smithy|@aws-crypto)\//;

/** A path as the metafile names inputs: from the repository root, with forward slashes. */
const key = (abs) => path.relative(root, abs).split(path.sep).join('/');

const state = {
  /** src/ modules whose code dist/extension.js holds (after the last host build). */
  held: new Set(),
  /** The modules dist/extension.js hands over (src/hostModules.ts in the bundle), each with the exports it hands over. */
  handedOver: new Map(),
  /** Per lazy file (dist/shared.js too): the exports of dist/extension.js's modules it took in its last build, as "module#name". */
  taken: new Map([...LAZY_FILES, SHARED].map((l) => [l.name, new Set()])),
  /** The export names of each module of ours (by absolute path), for the stubs; cleared at each build. */
  exportNames: new Map(),
  /** The src/ modules dist/shared.js holds: used by two lazy files, not by activation. */
  shared: new Set(),
};

/**
 * In every build: a module of ours has no side effects on import (none is imported for them), so an
 * import nothing uses, through a barrel such as src/aws/index.ts, does not keep that module's
 * top-level code (a `new Set(...)` esbuild cannot prove pure) in a file that never runs it. Without
 * this a module would seem to be held by two files, and be moved into dist/extension.js whole.
 */
function ourModulesArePure(build, resolved) {
  return resolved.namespace === 'file' && !resolved.external && resolved.path.startsWith(srcDir) ? { path: resolved.path, sideEffects: false } : resolved;
}

const pureSrcPlugin = {
  name: 'pure-src',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.pureSrc || !args.importer.startsWith(srcDir)) {
        return undefined;
      }
      const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { pureSrc: true } });
      return r.errors.length > 0 ? { errors: r.errors } : ourModulesArePure(build, r);
    });
  },
};

/** In the dist/extension.js build: src/hostModules.ts exports the namespaces of the handed-over modules. */
const hostModulesPlugin = {
  name: 'host-modules',
  setup(build) {
    const file = path.join(root, HOST_MODULES_FILE);
    build.onLoad({ filter: /[\\/]hostModules\.ts$/ }, (args) => {
      if (args.path !== file) {
        return undefined;
      }
      // Only the exports the lazy files use, not the namespace: esbuild drops the rest of the module
      // from dist/extension.js if activation does not use it either (about 5 KB once).
      const modules = [...state.handedOver.keys()].sort();
      const names = modules.map((m) => [...state.handedOver.get(m)].sort());
      const lines = modules.map((m, i) => `import { ${names[i].map((n, j) => `${n} as m${i}_${j}`).join(', ')} } from ${JSON.stringify(path.join(root, m))};`);
      const objects = modules.map((m, i) => `${JSON.stringify(m)}: { ${names[i].map((n, j) => `${JSON.stringify(n)}: m${i}_${j}`).join(', ')} }`);
      lines.push(`export const hostModules = { ${objects.join(', ')} };`);
      return { contents: lines.join('\n'), loader: 'ts', resolveDir: path.dirname(file) };
    });
  },
};

/**
 * In every build: one copy of the `vscode` namespace per file. esbuild gives each module's
 * `import * as vscode from 'vscode'` its own `__toESM(require('vscode'))`, which copies every name
 * of the API (about 330): 22 copies in dist/extension.js, about 17 ms of activation in plain Node.
 * Every import goes through one module, `export * from 'vscode'`, which copies them once.
 */
const oneVscodeNamespacePlugin = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-namespace' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-namespace' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-namespace' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** In dist/shared.js's build: its entry exports the namespace of each module it holds, by path (as src/hostModules.ts does). */
const sharedEntryPlugin = {
  name: 'shared-entry',
  setup(build) {
    build.onResolve({ filter: /^sagemaker-environments:shared-modules$/ }, (args) => ({ path: args.path, namespace: 'shared-entry' }));
    build.onLoad({ filter: /.*/, namespace: 'shared-entry' }, () => {
      const modules = [...state.shared].sort();
      const lines = modules.map((m, i) => `import * as m${i} from ${JSON.stringify(path.join(root, m))};`);
      lines.push('const esm = (m) => Object.defineProperty(m, "__esModule", { value: true });');
      lines.push(`export const sharedModules = { ${modules.map((m, i) => `${JSON.stringify(m)}: esm(m${i})`).join(', ')} };`);
      return { contents: lines.join('\n'), loader: 'js', resolveDir: root };
    });
  },
};

/**
 * In a lazy file's build: every import of a module dist/extension.js holds becomes a stub that takes
 * it from there; in dist/sdk.js's and dist/commands.js's, so does every import of a dist/shared.js module.
 */
function takeFromHostPlugin(name) {
  return {
    name: 'take-from-host',
    setup(build) {
      build.onResolve({ filter: /^sagemaker-environments:host-modules$/ }, (args) => ({ path: args.path, external: true }));
      build.onResolve({ filter: /^host-export:/ }, (args) => ({ path: args.path.slice('host-export:'.length), namespace: 'host-export', sideEffects: false }));
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.takeFromHost || args.kind === 'entry-point' || !args.importer.startsWith(srcDir)) {
          return undefined;
        }
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { takeFromHost: true } });
        if (r.errors.length > 0) {
          return { errors: r.errors };
        }
        const k = r.external || r.namespace !== 'file' ? undefined : key(r.path);
        if (k === undefined || !(state.held.has(k) || (name !== SHARED.name && state.shared.has(k)))) {
          return ourModulesArePure(build, r);
        }
        if (!state.held.has(k)) {
          // The loader answers it from dist/shared.js; the metafile names it apart.
          return { path: k, namespace: 'shared-module', sideEffects: false };
        }
        // No side effects: dist/extension.js ran the module long before. So an import nothing uses
        // (through a barrel such as src/aws/index.ts) is dropped, with the code that only it kept.
        return { path: k, namespace: 'host-module', sideEffects: false };
      });
      const stub = (args) => ({ contents: `module.exports = require(${JSON.stringify(HOST_MODULES_ID)})(${JSON.stringify(args.path)});`, loader: 'js' });
      // A module of dist/extension.js: each export its own stub module ("host-export:src/x.ts#name"),
      // so the exports nothing uses are dropped, and the metafile names those the file takes.
      build.onLoad({ filter: /.*/, namespace: 'host-module' }, async (args) => {
        const names = await exportNamesOf(args.path);
        return { contents: names.map((n) => `export { ${n} } from ${JSON.stringify(`host-export:${args.path}#${n}`)};`).join('\n') || 'export {};', loader: 'js' };
      });
      build.onLoad({ filter: /.*/, namespace: 'host-export' }, (args) => {
        const [m, n] = splitExport(args.path);
        const value = `require(${JSON.stringify(HOST_MODULES_ID)})(${JSON.stringify(m)})[${JSON.stringify(n)}]`;
        return { contents: n === 'default' ? `export default ${value};` : `export const ${n} = ${value};`, loader: 'js' };
      });
      build.onLoad({ filter: /.*/, namespace: 'shared-module' }, stub);
    },
  };
}

/** "src/x.ts#name" → ["src/x.ts", "name"]. */
function splitExport(p) {
  const i = p.lastIndexOf('#');
  return [p.slice(0, i), p.slice(i + 1)];
}

/** The names a module of ours exports (what esbuild finds bundling it alone), once per build. */
function exportNamesOf(k) {
  if (!state.exportNames.has(k)) {
    const names = esbuild
      .build({ absWorkingDir: root, entryPoints: [k], bundle: true, write: false, metafile: true, format: 'esm', platform: 'node', target: 'node20', outdir: path.join(root, 'dist'), packages: 'external', logLevel: 'silent' })
      .then((r) => outputOf(r).output.exports);
    state.exportNames.set(k, names);
  }
  return state.exportNames.get(k);
}

/** The exports of dist/extension.js's modules a lazy file's build took ("src/x.ts#name"). */
function takenExports(output) {
  return Object.entries(output.inputs)
    .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && input.startsWith('host-export:'))
    .map(([input]) => input.slice('host-export:'.length));
}

/** The inputs whose code an output holds (bytes in it), stubs, the generated host-modules and shared entries and each file's `vscode` namespace left out. */
function heldInputs(output) {
  return Object.entries(output.inputs)
    .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && !/^(host-module|host-export|shared-module|vscode-namespace|shared-entry):/.test(input) && input !== HOST_MODULES_FILE)
    .map(([input]) => input);
}

function outputOf(result) {
  const [file, output] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint);
  return { file, output };
}

function contexts() {
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir,
    external: ['vscode'],
    // The SDK's ES module builds, so esbuild keeps only what src/aws/sdk.ts names (about a third of
    // the CommonJS builds; AWS recommends the same for bundling the SDK v3 with esbuild).
    mainFields: ['module', 'main'],
    // import() becomes require(): the lazy files are compiled by src/aws/codeCache.ts's loader (dist/sdk.js
    // from a V8 code cache), and code restored from one cannot import() in Node 20
    // (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING). The SDK import()s only Node built-ins (node:http,
    // node:async_hooks), which require() loads the same.
    supported: { 'dynamic-import': false },
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    metafile: true,
    // Written once every round is done and every check passed: never a half-built set of files.
    write: false,
  };
  return Promise.all([
    esbuild.context({ ...common, entryPoints: { [HOST.name]: HOST.entry }, plugins: [oneVscodeNamespacePlugin, hostModulesPlugin, pureSrcPlugin] }),
    ...LAZY_FILES.map((l) => esbuild.context({ ...common, entryPoints: { [l.name]: l.entry }, plugins: [oneVscodeNamespacePlugin, takeFromHostPlugin(l.name)] })),
    esbuild.context({ ...common, entryPoints: { [SHARED.name]: SHARED.entry }, plugins: [sharedEntryPlugin, oneVscodeNamespacePlugin, takeFromHostPlugin(SHARED.name)] }),
  ]);
}

/** The builds in rounds, then the checks; returns the results (or throws, with esbuild's `errors`). */
async function buildAll(ctxs) {
  const [hostCtx, ...lazyCtxs] = ctxs;
  state.handedOver = new Map();
  state.shared = new Set();
  state.exportNames = new Map();
  for (let round = 1; ; round++) {
    const host = await hostCtx.rebuild();
    state.held = new Set(heldInputs(outputOf(host).output).filter((i) => i.startsWith('src/')));
    // A module activation came to hold (handed over whole) is taken from dist/extension.js instead.
    state.held.forEach((m) => state.shared.delete(m));
    const lazy = await Promise.all(lazyCtxs.map((c) => c.rebuild()));
    // What the lazy files (dist/shared.js too) take from dist/extension.js, and the src/ modules two
    // of them would both hold: those go to dist/shared.js.
    [...LAZY_FILES, SHARED].forEach((l, i) => state.taken.set(l.name, new Set(takenExports(outputOf(lazy[i]).output))));
    const wanted = new Set([...state.taken.values()].flatMap((s) => [...s]));
    const count = new Map();
    for (const r of lazy) {
      for (const i of heldInputs(outputOf(r).output).filter((i) => i.startsWith('src/'))) {
        count.set(i, (count.get(i) ?? 0) + 1);
      }
    }
    const toShare = [...count].filter(([i, n]) => n > 1 && !state.shared.has(i)).map(([i]) => i);
    const missing = [...wanted].filter((e) => !handedOver(e));
    if (missing.length === 0 && toShare.length === 0) {
      check(host, lazy);
      return [host, ...lazy];
    }
    if (round === 8) {
      fail([`the bundles did not settle after ${round} rounds; still to hand over: ${missing.join(', ')}; still to share: ${toShare.join(', ')}`]);
    }
    for (const [m, n] of missing.map(splitExport)) {
      state.handedOver.set(m, (state.handedOver.get(m) ?? new Set()).add(n));
    }
    toShare.forEach((m) => state.shared.add(m));
  }
}

/** Whether dist/extension.js hands over an export ("src/x.ts#name"). */
function handedOver(e) {
  const [m, n] = splitExport(e);
  return state.handedOver.get(m)?.has(n) ?? false;
}

function fail(texts) {
  const e = new Error(texts.join('\n'));
  e.errors = texts.map((text) => ({ text, location: null }));
  throw e;
}

/** The checks the build fails on: one instance of every module; the SDK only in dist/sdk.js; no import() in lazy files. */
function check(host, lazy) {
  const problems = [];
  const where = new Map();
  for (const r of [host, ...lazy]) {
    const { file, output } = outputOf(r);
    for (const input of heldInputs(output)) {
      where.set(input, [...(where.get(input) ?? []), file]);
    }
    const sdkInputs = heldInputs(output).filter((i) => SDK_PATH.test(i));
    if (sdkInputs.length && output.entryPoint !== 'src/aws/sdk.ts') {
      problems.push(
        `${file} must not hold AWS SDK code (it loads from dist/sdk.js); it took in ${sdkInputs.slice(0, 3).join(', ')}${sdkInputs.length > 3 ? ', ...' : ''}. Import the SDK through loadSageMakerSdk() (src/aws/clients.ts) and src/aws/sdk.ts.`,
      );
    }
  }
  for (const [input, files] of where) {
    if (files.length > 1) {
      problems.push(`${input} is in ${files.join(' and ')}: a module must have one instance. A src/ module dist/extension.js holds is taken from it (see esbuild.js); a package must be imported through one src/ module.`);
    }
  }
  for (const r of lazy) {
    const { file } = outputOf(r);
    const text = r.outputFiles.find((f) => key(f.path) === file || f.path === path.resolve(root, file))?.text ?? '';
    if (/\bimport\(/.test(text)) {
      problems.push(`${file} must not import() (code restored from a V8 code cache cannot): see src/aws/codeCache.ts`);
    }
  }
  for (const [name, taken] of state.taken) {
    const notHanded = [...taken].filter((e) => !handedOver(e));
    if (notHanded.length) {
      problems.push(`dist/${name}.js takes ${notHanded.join(', ')} from dist/extension.js, which does not hand them over`);
    }
  }
  if (problems.length) {
    fail(problems);
  }
}

function write(results) {
  for (const r of results) {
    for (const f of r.outputFiles) {
      fs.mkdirSync(path.dirname(f.path), { recursive: true });
      fs.writeFileSync(f.path, f.contents);
    }
  }
  if (metafile) {
    const merged = { inputs: {}, outputs: {} };
    for (const r of results) {
      Object.assign(merged.inputs, r.metafile.inputs);
      Object.assign(merged.outputs, r.metafile.outputs);
    }
    fs.mkdirSync(path.dirname(metafile), { recursive: true });
    fs.writeFileSync(metafile, JSON.stringify(merged));
  }
}

/**
 * dist/connect.js: the connect helper that an SSH host entry's ProxyCommand runs (src/remote/helper/
 * connect.ts), outside VS Code, so self-contained: it bundles the few SDK modules it uses (StartSession
 * and the credential chain) and shares no module instance with the files above, nor is it checked
 * with them. It is copied into the extension's global storage at each connect (src/remote/install.ts).
 */
const HELPER = { name: 'connect', entry: 'src/remote/helper/connect.ts' };

function helperOptions() {
  return {
    absWorkingDir: root,
    entryPoints: { [HELPER.name]: HELPER.entry },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir,
    mainFields: ['module', 'main'],
    minify: production,
    sourcemap: false,
    logLevel: 'warning',
  };
}

/** Prints build errors in the `file:line:col: error: text` form that VS Code's problem matcher reads (.vscode/tasks.json). */
function printErrors(e) {
  for (const { text, location } of e.errors ?? [{ text: e.message, location: null }]) {
    console.error(`✘ [ERROR] ${text}`);
    if (location) {
      console.error(`    ${location.file}:${location.line}:${location.column}:`);
    }
  }
}

async function main() {
  const ctxs = await contexts();
  if (!watch) {
    try {
      write(await buildAll(ctxs));
      await esbuild.build(helperOptions());
    } finally {
      await Promise.all(ctxs.map((c) => c.dispose()));
    }
    return;
  }
  // Any change under src/ runs the rounds again (a change can move a module between files).
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    console.log('[watch] build started');
    try {
      write(await buildAll(ctxs));
    } catch (e) {
      printErrors(e);
    }
    console.log('[watch] build finished');
    running = false;
    if (again) {
      again = false;
      void run();
    }
  };
  await run();
  await (await esbuild.context(helperOptions())).watch();
  let timer;
  fs.watch(path.join(root, 'src'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 50);
  });
}

main().catch((e) => {
  if (e.errors) {
    printErrors(e);
  } else {
    console.error(e);
  }
  process.exit(1);
});
