import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import type { Browser, BrowserContext } from 'playwright-core';
import { withCodeServerAndBrowser, type CodeServerOptions, type RunningCodeServer } from '../harness/code-server';
import { prepareEnvironment, type PreparedEnvironment } from '../harness/fixtures';
import { repoRoot, resultsDir } from '../harness/paths';
import { resourcesView } from '../ui/workbench';
import { SDK_CODE_CACHE_FILE } from '../../src/aws/clients';
import { LAST_KNOWN_DIR } from '../../src/lastKnown/store';
import { measureBundle } from './bundle';
import { benchData, BENCH_PROFILE, LARGE_DOMAIN, LARGE_REGION } from './data';
import { FIGURES_MARKER, LATENCY_ENV, median, type Figure, type HostFigure } from './figures';
import { writeMinimalExtension } from './minimal-extension';
import { measureSdkLoad } from './sdk-load';
import { measureFirstListsInPlainNode } from './first-lists-plain';
import { measureSpacesInPlainNode } from './spaces-plain';
import { formatTable } from './table';
import { pageInitScript, TRACE_GLOBAL } from './trace-page';

/**
 * `npm run bench`: what the extension costs a user, each figure next to its floor (the least any
 * client could do), on the local SageMaker endpoint with the `large` data set and an injected
 * round-trip latency. A benchmark, not a test: it never fails on timing; it exits non-zero only
 * when it could not run. Prints a table, writes test-results/bench.json (`--json`: JSON on stdout).
 */

interface Options {
  latencyMs: number;
  json: boolean;
  /** `--only remote`: the Remote SSH rows alone (test/bench/host/remote.ts). */
  only?: 'remote';
}

function parseArgs(argv: string[]): Options {
  const options: Options = { latencyMs: 50, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') {
      options.json = true;
    } else if (a === '--latency' || a.startsWith('--latency=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const n = Number(v);
      if (v === undefined || !Number.isInteger(n) || n < 0 || n > 10_000) {
        throw new Error(`--latency takes a whole number of milliseconds from 0 to 10000; got ${v ?? 'nothing'}.`);
      }
      options.latencyMs = n;
    } else if (a === '--only' || a.startsWith('--only=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'remote') {
        throw new Error(`--only takes "remote" (the Remote SSH rows); got ${v ?? 'nothing'}.`);
      }
      options.only = v;
    } else {
      throw new Error(`Unknown argument ${a}. Usage: npm run bench -- [--latency MS] [--json] [--only remote]`);
    }
  }
  return options;
}

/** What the extension-host suite says about where it ran. */
interface HostInfo {
  node: string;
  vscode: string;
  pageSize: number;
}

const SAGEMAKER_ICON = '.activitybar a.action-label[aria-label="SageMaker"]';
const DOMAIN = LARGE_DOMAIN;

/** Where the extension's SDK code cache lives in this code-server's user data. */
function codeCacheFile(server: RunningCodeServer): string {
  return path.join(server.userDataDir, 'User', 'globalStorage', 'sagemaker-environments.sagemaker-environments', SDK_CODE_CACHE_FILE);
}

/** Where the extension keeps its last-known trees (one file per connection) in this code-server's user data. */
function lastKnownFile(server: RunningCodeServer): string {
  return path.join(path.dirname(codeCacheFile(server)), LAST_KNOWN_DIR);
}

async function waitForFile(file: string, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
  }
  return fs.existsSync(file);
}

/**
 * How a cold start finds the extension's files: 'first': nothing (a new install); 'lastKnown': the
 * SDK code cache and the last-known tree of the earlier start; 'noLastKnown': the code cache only
 * (the last-known tree removed first, as with `sagemaker.showLastKnownTree` off).
 */
type PaintStart = 'first' | 'lastKnown' | 'noLastKnown';

/**
 * Cold first paint as the user sees it: a fresh window with the extension, click on the
 * SageMaker icon in the activity bar, until the first domain's row is visible in the tree.
 * A first start waits, window open, until the extension has written its SDK code cache and its
 * last-known tree (after the first lists), for the later starts; so does a start without the
 * last-known tree (for the extension-host suite after it).
 */
async function measurePaint(browser: Browser, server: RunningCodeServer, fixtures: PreparedEnvironment, start: PaintStart, log: (s: string) => void): Promise<HostFigure[]> {
  const firstStart = start === 'first';
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const cacheFile = codeCacheFile(server);
  const treeFile = lastKnownFile(server);
  const cached = fs.existsSync(cacheFile);
  if (firstStart && (cached || fs.existsSync(treeFile))) {
    throw new Error(`the SDK code cache or the last-known tree exists before the first start in fresh user data: ${cacheFile}`);
  }
  if (start === 'noLastKnown') {
    fs.rmSync(treeFile, { recursive: true, force: true });
  }
  const withTree = fs.existsSync(treeFile);
  if (start === 'lastKnown' && !withTree) {
    log(`no last-known tree before this start (${treeFile}): the figure "with the last-known tree" is not one`);
  }
  try {
    const page = await context.newPage();
    // The page's own clock for the pointerdown and the row's arrival in the DOM (bench:trace's probe).
    await page.addInitScript({ content: pageInitScript(DOMAIN) });
    const loadStarted = performance.now();
    await page.goto(server.workbenchUrl([['extensionDevelopmentPath', server.remoteUri(repoRoot)]]), { timeout: 120_000 });
    const icon = page.locator(SAGEMAKER_ICON);
    await icon.waitFor({ state: 'visible', timeout: 120_000 });
    const iconMs = performance.now() - loadStarted;
    fixtures.emulator.resetCallCounts();
    await page.evaluate(`window.${TRACE_GLOBAL}.arm()`);
    const clicked = performance.now();
    await icon.click({ timeout: 60_000 });
    await resourcesView(page).locator('.monaco-list-row', { hasText: DOMAIN }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const paintMs = performance.now() - clicked;
    const shownAt = Date.now();
    // The calls that had reached the endpoint when the row showed (not those sent a moment after).
    const arrived = fixtures.emulator.callArrivals().filter((a) => a.at <= shownAt);
    const calls = arrived.length;
    const callsByOperation: Record<string, number> = {};
    for (const a of arrived) {
      callsByOperation[a.operation] = (callsByOperation[a.operation] ?? 0) + 1;
    }
    const events = await page.evaluate<{ t: number; text: string }[]>(`window.${TRACE_GLOBAL}.events`);
    const down = events.find((e) => e.text.startsWith('pointerdown'))?.t;
    const row = events.find((e) => e.text.startsWith('FIRST DOMAIN ROW'))?.t;
    // Playwright's figure also holds its own checks before the click and its polling for the row.
    const inPageMs = down !== undefined && row !== undefined ? row - down : undefined;
    const cache = firstStart ? 'no SDK code cache' : cached ? 'SDK from its code cache' : 'but NO SDK code cache (the first start wrote none)';
    const which = `${firstStart ? 'first start' : 'later start'}, ${cache}, ${withTree ? 'with the last-known tree' : 'without a last-known tree'}`;
    log(`paint (${which}): icon visible ${iconMs.toFixed(0)} ms after load; click → "${DOMAIN}" row ${paintMs.toFixed(0)} ms (in the page: ${inPageMs?.toFixed(0) ?? '?'} ms), ${calls} call(s) by then ${JSON.stringify(callsByOperation)}`);
    if (firstStart) {
      // The extension writes the cache once the first lists are answered and no call is in flight.
      const written = await waitForFile(cacheFile);
      log(`SDK code cache ${written ? `written (${fs.statSync(cacheFile).size} bytes)` : 'NOT written within 30 s'}`);
    }
    if (start !== 'lastKnown') {
      // The extension writes its last-known tree once the fresh lists have been on screen a moment.
      const written = await waitForFile(treeFile);
      const bytes = (): number => fs.readdirSync(treeFile).filter((n) => n.endsWith('.json')).reduce((n, f) => n + fs.statSync(path.join(treeFile, f)).size, 0);
      log(`last-known tree ${written ? `written (${bytes()} bytes)` : 'NOT written within 30 s'}`);
    }
    const figures: HostFigure[] = [
      {
        id: firstStart ? 'activation.clickToFirstRow' : withTree ? 'activation.clickToFirstRowLastKnown' : 'activation.clickToFirstRowCached',
        section: 'Activation',
        label: `cold, ${which}: click the SageMaker icon → first domain row visible (Playwright)`,
        unit: 'ms',
        value: paintMs,
        calls,
        callsByOperation,
        floorRoundTrips: withTree ? 0 : 1,
        runs: 1,
        note: `${
          withTree
            ? 'the row of the last-known tree: no call needed'
            : 'a fresh window: activation, SDK load, client creation and the renderer\'s tree update are above the one round trip'
        }; calls: all that had reached the endpoint when Playwright saw the row: the fresh lists and, when it saw it over 0.5 s after they answered, the first reads of rows in a changing state (0.5 s after the list on a local endpoint, 5 s against AWS)`,
      },
    ];
    if (inPageMs !== undefined) {
      figures.push({
        id: firstStart ? 'activation.pointerdownToRowInDom' : withTree ? 'activation.pointerdownToRowInDomLastKnown' : 'activation.pointerdownToRowInDomCached',
        section: 'Activation',
        label: `… the same in the page's clock: pointerdown → the row in the DOM (without Playwright's own checks and polling)`,
        unit: 'ms',
        value: inPageMs,
        calls,
        floorRoundTrips: withTree ? 0 : 1,
        runs: 1,
      });
    }
    if (firstStart) {
      figures.push({
        id: 'activation.pageLoadToIcon',
        section: 'Activation',
        label: 'cold: page load → SageMaker icon clickable (VS Code itself)',
        unit: 'ms',
        value: iconMs,
        runs: 1,
      });
    }
    return figures;
  } finally {
    await closeWindow(context, server, log);
  }
}

/**
 * Closes a window and waits for its extension host to end: deactivating, the extension writes a
 * last-known tree still waiting for its quiet time, which must not land after the next start
 * removed it.
 */
async function closeWindow(context: BrowserContext, server: RunningCodeServer, log: (s: string) => void): Promise<void> {
  await context.close();
  if (!(await server.extensionHostsExited())) {
    log('a closed window\'s extension host was still running 15 s later: the next start may find what it writes');
  }
}

/**
 * Runs a benchmark suite inside the extension host and collects its figures: out/test/bench/host/index.js
 * (the whole suite), cold.js (the cold open alone), or minimal.js (in a window whose development
 * extension is `extensionDir`, the minimal one).
 */
async function runHostSuite(browser: Browser, server: RunningCodeServer, log: (s: string) => void, file = 'index.js', extensionDir = repoRoot): Promise<{ figures: HostFigure[]; host: HostInfo }> {
  const suite = path.join(repoRoot, 'out', 'test', 'bench', 'host', file);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    let output = '';
    let exitCode: ((code: number) => void) | undefined;
    const exited = new Promise<number>((resolve) => (exitCode = resolve));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      output += `${line}\n`;
      // The suite's own progress lines; the workbench's chatter stays in `output` for failures.
      if (line.startsWith('[bench]')) {
        log(line);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => exitCode?.(code));
    await page.goto(
      server.workbenchUrl([
        ['extensionDevelopmentPath', server.remoteUri(extensionDir)],
        ['extensionTestsPath', server.remoteUri(suite)],
      ]),
      { timeout: 120_000 },
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 5 * 60_000)));
    const result = await Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
    const i = output.lastIndexOf(FIGURES_MARKER);
    if (result === 'timeout' || result !== 0 || i < 0) {
      throw new Error(
        `the extension-host part of the benchmark ${result === 'timeout' ? 'did not finish within 5 minutes' : `ended with exit code ${result}`}` +
          `${i < 0 ? ' without figures' : ''}\n${output.split('\n').slice(-30).join('\n')}\ncode-server said:\n${server.outputTail()}`,
      );
    }
    return JSON.parse(output.slice(i + FIGURES_MARKER.length).split('\n')[0]) as { figures: HostFigure[]; host: HostInfo };
  } finally {
    await closeWindow(context, server, log);
  }
}

/** VS Code's own share of opening a view, in fresh windows of a minimal extension (median of `runs`). */
async function measureMinimalExtension(browser: Browser, server: RunningCodeServer, log: (s: string) => void, runs = 5): Promise<HostFigure> {
  const minimal = writeMinimalExtension();
  try {
    const values: number[] = [];
    let figure: HostFigure | undefined;
    for (let i = 0; i < runs; i++) {
      figure = (await runHostSuite(browser, server, log, 'minimal.js', minimal.dir)).figures[0];
      values.push(figure.value);
    }
    log(`minimal extension: open the view → extension active ${values.map((v) => v.toFixed(0)).join(', ')} ms`);
    return { ...figure!, value: median(values), runs };
  } finally {
    minimal.dispose();
  }
}

/** The bench's window: its endpoint and latency, and the large region in the tree. */
function benchWindow(fixtures: PreparedEnvironment, latencyMs: number): CodeServerOptions {
  return { env: { ...fixtures.env, [LATENCY_ENV]: String(latencyMs) }, userSettings: { ...fixtures.userSettings, 'sagemaker.regions': [LARGE_REGION] } };
}

/** `--only remote`: the Remote SSH rows in one window, printed (test-results/bench.json is left as it was). */
async function benchRemoteOnly(options: Options, log: (s: string) => void): Promise<void> {
  const fixtures = await prepareEnvironment({ data: benchData(), latencyMs: options.latencyMs, transitionDelayMs: 300 });
  try {
    await withCodeServerAndBrowser(benchWindow(fixtures, options.latencyMs), async (browser, server) => {
      const { figures } = await runHostSuite(browser, server, log, 'remote-only.js');
      const shown: Figure[] = figures.map((f) => (f.floorRoundTrips !== undefined ? { ...f, floor: f.floorRoundTrips * options.latencyMs } : f));
      log('');
      log(formatTable(shown));
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ latencyMs: options.latencyMs, figures: shown }, null, 2)}\n`);
      }
    });
  } finally {
    await fixtures.dispose();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  // With --json, stdout carries only the JSON: progress and the table go to stderr.
  const log = (s: string): void => void (options.json ? process.stderr : process.stdout).write(`${s}\n`);
  log(`Benchmark: round-trip latency ${options.latencyMs} ms per call, data set "large" (${LARGE_REGION}) + 3 smaller regions`);
  if (options.only === 'remote') {
    await benchRemoteOnly(options, log);
    return;
  }

  const bundle = await measureBundle();
  if (bundle.vsixProblem) {
    log(bundle.vsixProblem);
  }
  const sdkLoad = await measureSdkLoad();
  for (const f of sdkLoad) {
    log(`${f.label}: ${f.value.toFixed(0)} ms (median of ${f.runs})`);
  }
  const fixtures = await prepareEnvironment({ data: benchData(), latencyMs: options.latencyMs, transitionDelayMs: 300 });
  let hostFigures: HostFigure[] = [];
  let host: Partial<HostInfo> = {};
  try {
    await withCodeServerAndBrowser(benchWindow(fixtures, options.latencyMs), async (browser, server) => {
      const paint = [
        ...(await measurePaint(browser, server, fixtures, 'first', log)),
        ...(await measurePaint(browser, server, fixtures, 'lastKnown', log)),
        // Last: it writes the last-known tree again, for the extension-host suite's cold open.
        ...(await measurePaint(browser, server, fixtures, 'noLastKnown', log)),
      ];
      // The extension host's cold open without a last-known tree (it writes one again before it ends).
      const treeFile = lastKnownFile(server);
      fs.rmSync(treeFile, { recursive: true, force: true });
      const cold = await runHostSuite(browser, server, log, 'cold.js');
      if (!fs.existsSync(treeFile)) {
        log(`the cold open without a last-known tree wrote none (${treeFile}): the suite's cold open below has none either`);
      }
      const minimal = await measureMinimalExtension(browser, server, log);
      const suite = await runHostSuite(browser, server, log);
      const spacesPlain = await measureSpacesInPlainNode(fixtures.env, LARGE_REGION, LARGE_DOMAIN, BENCH_PROFILE);
      // After the extension host's spaces row: the plain Node listings, then the request start in both.
      const plainRequestStart = spacesPlain.filter((f) => f.id === 'tree.spaces.plainNodeRequestStart');
      suite.figures.splice(suite.figures.findIndex((f) => f.id === 'tree.spaces') + 1, 0, ...spacesPlain.filter((f) => !plainRequestStart.includes(f)));
      suite.figures.splice(suite.figures.findIndex((f) => f.id === 'tree.spaces.hostRequestStart') + 1, 0, ...plainRequestStart);
      // The Playwright figures go with the other activation figures.
      const lastActivation = suite.figures.map((f) => f.section).lastIndexOf('Activation') + 1;
      // The cold open's lists again without VS Code, beside the extension host's share of them.
      const firstListsPlain = await measureFirstListsInPlainNode(fixtures.env, LARGE_REGION, suite.host.pageSize ?? 100, options.latencyMs);
      const coldFigures = cold.figures.flatMap((f) =>
        f.id === 'noLastKnown.viewToActive' ? [f, minimal] : f.id === 'noLastKnown.activeToFirstData' ? [f, ...firstListsPlain] : [f],
      );
      hostFigures = [...suite.figures.slice(0, lastActivation), ...coldFigures, ...paint, ...suite.figures.slice(lastActivation)];
      host = suite.host;
    });
  } finally {
    await fixtures.dispose();
  }

  const figures: Figure[] = [
    ...bundle.figures,
    ...sdkLoad,
    ...hostFigures.map((f) => (f.floorRoundTrips !== undefined && f.unit === 'ms' ? { ...f, floor: f.floorRoundTrips * options.latencyMs } : f)),
  ];
  const cpus = os.cpus();
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model, memoryBytes: os.totalmem(), platform: `${os.platform()} ${os.release()}`, node: process.version },
    extensionHost: host,
    latencyMs: options.latencyMs,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    bundlePackages: bundle.packages,
    vsixProblem: bundle.vsixProblem,
    figures,
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  const jsonPath = path.join(resultsDir, 'bench.json');
  fs.writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  log('');
  log(formatTable(figures));
  log('');
  log(`${report.date}, ${cpus.length} cores (${cpus[0]?.model ?? 'unknown CPU'}), Node ${process.version}, VS Code ${host.vscode ?? '?'} (code-server), latency ${options.latencyMs} ms, sagemaker.pageSize ${host.pageSize ?? '?'}; took ${report.durationSeconds} s`);
  if (bundle.vsixProblem) {
    log(bundle.vsixProblem);
  }
  log(`Written to ${path.relative(repoRoot, jsonPath)}`);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`The benchmark could not run: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
