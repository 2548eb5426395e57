import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { withCodeServerAndBrowser, type RunningCodeServer } from '../harness/code-server';
import { prepareEnvironment } from '../harness/fixtures';
import { runGroup } from '../harness/processes';
import { repoRoot, resultsDir } from '../harness/paths';
import { resourcesView } from '../ui/workbench';
import { SDK_CODE_CACHE_FILE } from '../../src/aws/clients';
import { benchData, LARGE_REGION } from './data';
import { median } from './figures';
import { EXTENSION_ID, phasesOf, segmentsOf, type Phase, type TraceEvent } from './trace-phases';
import { pageInitScript, TRACE_GLOBAL } from './trace-page';

/**
 * `npm run bench:trace`: where the time goes between a click on the SageMaker icon and the first
 * domain row on screen, in code-server driven by headless Chromium, on the bench's data and latency.
 * Each run is a fresh code-server (fresh user data) with two windows: the first start (no SDK code
 * cache) and a later start (the SDK from its cache, the last-known tree the first one wrote). For
 * each window it prints one timeline, all times in ms from the click, merged from:
 *   page      the workbench page: pointer events, the Resources pane, welcome content, rows (DOM)
 *   rpc       the workbench's log of extension-host messages (payload logExtensionHostCommunication)
 *   mark      VS Code's own performance marks in the page
 *   exthost   code-server's logs (`--log trace`): the extension host's, the server's
 *   extension the extension's own log (the "SageMaker" output channel's file)
 *   endpoint  the local SageMaker endpoint: each call's arrival and answer
 *   driver    Playwright: click sent, row seen visible
 * then the milestones (trace-phases.ts), the spans between them, and at the end their medians
 * over the runs. The extension's own lines logged before its log file exists carry the time they
 * were flushed, not written: the milestones come from the messages, the page and the endpoint.
 * Not a test: it never fails on timing. `--plain` runs without the message log and trace-level
 * logs (their cost; only the page's, the endpoint's and Playwright's milestones remain),
 * `--settle MS` waits that long after the icon shows before clicking (past the extension host's
 * start-up: other extensions activating at the same time), `--all`
 * prints every message and log line (default: those about this extension, activation and trees),
 * `--extension DIR` runs another build of the extension (e.g. a copy made before a change).
 */

interface Options {
  /** The extension to run (a folder with package.json and dist/); default: this repository, built first. */
  extension?: string;
  runs: number;
  latencyMs: number;
  settleMs: number;
  plain: boolean;
  all: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { runs: 3, latencyMs: 50, settleMs: 0, plain: false, all: false };
  const int = (name: string, v: string | undefined, max: number): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 0 || n > max) {
      throw new Error(`${name} takes a whole number from 0 to ${max}; got ${v ?? 'nothing'}.`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') {
      o.runs = Math.max(1, int('--runs', argv[++i], 20));
    } else if (a === '--latency') {
      o.latencyMs = int('--latency', argv[++i], 10_000);
    } else if (a === '--settle') {
      o.settleMs = int('--settle', argv[++i], 120_000);
    } else if (a === '--extension') {
      const dir = argv[++i];
      if (!dir || !fs.existsSync(path.join(dir, 'dist', 'extension.js'))) {
        throw new Error(`--extension takes a folder holding package.json and dist/extension.js; got ${dir ?? 'nothing'}.`);
      }
      o.extension = path.resolve(dir);
    } else if (a === '--plain') {
      o.plain = true;
    } else if (a === '--all') {
      o.all = true;
    } else {
      throw new Error(`Unknown argument ${a}. Usage: npm run bench:trace -- [--runs N] [--latency MS] [--settle MS] [--plain] [--all] [--extension DIR]`);
    }
  }
  return o;
}

const SAGEMAKER_ICON = '.activitybar a.action-label[aria-label="SageMaker"]';
const DOMAIN = 'enterprise-ml';

/** Sizes of every file under a folder, to read only what a window appended to the logs. */
function fileSizes(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (d: string): void => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        walk(p);
      } else if (e.isFile()) {
        sizes.set(p, fs.statSync(p).size);
      }
    }
  };
  walk(dir);
  return sizes;
}

const LOG_LINE = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3}) \[(\w+)\] (.*)$/;

/** The log lines written since `before` (VS Code's log format, local time), as events. */
function newLogLines(dir: string, before: Map<string, number>): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (const [file, size] of fileSizes(dir)) {
    const from = before.get(file) ?? 0;
    if (size <= from || !file.endsWith('.log')) {
      continue;
    }
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(size - from);
    fs.readSync(fd, buf, 0, buf.length, from);
    fs.closeSync(fd);
    const name = path.basename(file, '.log');
    const ours = name === 'SageMaker' || file.includes(EXTENSION_ID);
    for (const line of buf.toString('utf8').split('\n')) {
      const m = LOG_LINE.exec(line);
      if (m) {
        const [y, mo, d, h, mi, s, ms] = m.slice(1, 8).map(Number);
        const t = new Date(y, mo - 1, d, h, mi, s, ms).getTime();
        out.push({ t, source: ours ? 'extension' : 'exthost', text: ours ? `[${m[8]}] ${m[9]}` : `${name} [${m[8]}] ${m[9]}` });
      }
    }
  }
  return out;
}

/** Lines worth showing without --all: this extension, activation, tree views, contexts, the SDK. */
const INTERESTING = /sagemaker|activat|TreeView|getChildren|TreeItem|setContext|\$executeCommand|viewsWelcome|\$startExtensionHost|ExtensionHost|onView|resolveAuthority|\$resolve/i;

interface WindowTrace {
  which: string;
  cache: string;
  clickToRowPlaywright: number;
  events: TraceEvent[];
  phases: Phase[];
}

function codeCacheFile(server: RunningCodeServer): string {
  return path.join(server.userDataDir, 'User', 'globalStorage', EXTENSION_ID, SDK_CODE_CACHE_FILE);
}

async function traceWindow(browser: Browser, server: RunningCodeServer, calls: TraceEvent[], options: Options, firstStart: boolean): Promise<WindowTrace> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page: Page = await context.newPage();
    await page.addInitScript({ content: pageInitScript(DOMAIN) });
    const logsDir = path.join(server.userDataDir, 'logs');
    const before = fileSizes(logsDir);
    const payload: [string, string][] = [['extensionDevelopmentPath', server.remoteUri(options.extension ?? repoRoot)]];
    if (!options.plain) {
      payload.push(['logExtensionHostCommunication', 'true']);
    }
    const loadStarted = Date.now();
    await page.goto(server.workbenchUrl(payload), { timeout: 120_000 });
    const icon = page.locator(SAGEMAKER_ICON);
    await icon.waitFor({ state: 'visible', timeout: 120_000 });
    const iconAt = Date.now();
    if (options.settleMs > 0) {
      await page.waitForTimeout(options.settleMs);
    }
    calls.length = 0;
    await page.evaluate(`window.${TRACE_GLOBAL}.arm()`);
    const sent = Date.now();
    await icon.click({ timeout: 60_000 });
    const returned = Date.now();
    await resourcesView(page).locator('.monaco-list-row', { hasText: DOMAIN }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const seen = Date.now();
    // Late lines (the log files are written in batches) and the frame after the row.
    await page.waitForTimeout(1500);
    const pageEvents = await page.evaluate<TraceEvent[]>(`window.${TRACE_GLOBAL}.events`);
    const marks = await page.evaluate<TraceEvent[]>(`window.${TRACE_GLOBAL}.marks()`);
    const click = pageEvents.find((e) => e.source === 'page' && e.text.startsWith('pointerdown'))?.t ?? sent;
    const driver: TraceEvent[] = [
      { t: loadStarted, source: 'driver', text: 'page.goto' },
      { t: iconAt, source: 'driver', text: 'SageMaker icon visible' },
      { t: sent, source: 'driver', text: 'click sent' },
      { t: returned, source: 'driver', text: 'click returned' },
      { t: seen, source: 'driver', text: `Playwright: "${DOMAIN}" row visible` },
    ];
    const all = [...pageEvents, ...marks, ...newLogLines(logsDir, before), ...calls, ...driver].sort((a, b) => a.t - b.t);
    // The timeline: from a little before the click to the row (and its frame), plus the page's start-up marks.
    const end = Math.max(seen, ...pageEvents.filter((e) => /next animation frame/.test(e.text)).map((e) => e.t)) + 50;
    const events = all.filter((e) => (e.t >= click - 200 && e.t <= end) || e.source === 'mark' || e.source === 'driver');
    const which = firstStart ? 'first start' : 'later start';
    const cache = firstStart ? 'no SDK code cache' : fs.existsSync(codeCacheFile(server)) ? 'SDK from its code cache' : 'no SDK code cache (the first start wrote none)';
    if (firstStart) {
      // The extension writes its SDK code cache once the first lists are answered.
      const deadline = Date.now() + 30_000;
      while (!fs.existsSync(codeCacheFile(server)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    return { which, cache, clickToRowPlaywright: seen - sent, events, phases: phasesOf(all, click) };
  } finally {
    await context.close();
  }
}

function printWindow(w: WindowTrace, all: boolean, log: (s: string) => void): void {
  const click = w.events.find((e) => e.source === 'page' && e.text.startsWith('pointerdown'))?.t ?? w.events.find((e) => e.text === 'click sent')!.t;
  log(`\n=== ${w.which} (${w.cache}): click → "${DOMAIN}" row visible ${w.clickToRowPlaywright} ms (Playwright) ===`);
  const marks = w.events.filter((e) => e.source === 'mark' && e.t < click);
  if (marks.length > 0) {
    log(`VS Code's last start-up marks before the click: ${marks
      .slice(-4)
      .map((m) => `${m.text} ${(m.t - click).toFixed(0)}`)
      .join(', ')} ms`);
  }
  for (const e of w.events) {
    if (e.source === 'mark' && e.t < click) {
      continue;
    }
    if (!all && (e.source === 'rpc' || e.source === 'exthost') && !INTERESTING.test(e.text)) {
      continue;
    }
    log(`${(e.t - click).toFixed(0).padStart(7)} ms  ${e.source.padEnd(9)} ${e.text.length > 220 ? `${e.text.slice(0, 220)}…` : e.text}`);
  }
  log('where the time goes:');
  for (const p of segmentsOf(w.phases)) {
    log(`  ${p.name.padEnd(68)} ${p.ms === undefined ? '—' : `${p.ms.toFixed(0)} ms`}`);
  }
  log('milestones, ms from the click:');
  for (const p of w.phases) {
    log(`  ${p.name.padEnd(68)} ${p.note ?? (p.ms === undefined ? '—' : `${p.ms.toFixed(0)} ms`)}`);
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (s: string): void => void process.stdout.write(`${s}\n`);
  log(`Start-up trace: ${options.runs} run(s), latency ${options.latencyMs} ms, ${options.plain ? 'plain (no message log, default log level)' : 'extension-host messages logged, --log trace'}${options.settleMs ? `, click ${options.settleMs} ms after the icon shows` : ''}`);
  // The production build, as users get it (dist/extension.js + dist/sdk.js).
  let out = '';
  await (options.extension ? Promise.resolve() : runGroup(process.execPath, ['esbuild.js', '--production'], { cwd: repoRoot, timeoutMs: 120_000, onOutput: (s) => (out += s) })).catch((e: unknown) => {
    throw new Error(`the production build failed: ${(e as Error).message}\n${out}`);
  });
  const calls: TraceEvent[] = [];
  const fixtures = await prepareEnvironment({
    data: benchData(),
    latencyMs: options.latencyMs,
    transitionDelayMs: 300,
    onCall: (c) => {
      const end = Date.now();
      calls.push({ t: end - c.durationMs, source: 'endpoint', text: `${c.operation} ${c.region ?? ''} arrives` });
      calls.push({ t: end, source: 'endpoint', text: `${c.operation} ${c.region ?? ''} answered ${c.status}` });
    },
  });
  const windows: WindowTrace[] = [];
  try {
    for (let run = 1; run <= options.runs; run++) {
      await withCodeServerAndBrowser(
        { env: fixtures.env, userSettings: { ...fixtures.userSettings, 'sagemaker.regions': [LARGE_REGION] }, extraArgs: options.plain ? [] : ['--log', 'trace'] },
        async (browser, server) => {
          for (const firstStart of [true, false]) {
            const w = await traceWindow(browser, server, calls, options, firstStart);
            log(`\n--- run ${run} of ${options.runs} ---`);
            printWindow(w, options.all, log);
            windows.push(w);
          }
        },
      );
    }
  } finally {
    await fixtures.dispose();
  }
  log(`\n=== medians over ${options.runs} run(s), ms from the click ===`);
  const kinds = [...new Set(windows.map((w) => w.which))];
  log(`${''.padEnd(68)} ${kinds.map((k) => k.padStart(32)).join('')}`);
  const all = (w: WindowTrace): Phase[] => [...segmentsOf(w.phases), ...w.phases];
  const names = windows[0] ? all(windows[0]).map((p) => p.name) : [];
  const summary: Record<string, Record<string, number | undefined>> = {};
  for (const name of [...names.filter((n) => !n.startsWith('… VS Code')), 'click → row visible (Playwright, as in npm run bench)']) {
    const row = kinds.map((k) => {
      const xs = windows
        .filter((w) => w.which === k)
        .map((w) => (name.startsWith('click → row visible') ? w.clickToRowPlaywright : all(w).find((p) => p.name === name)?.ms))
        .filter((x): x is number => x !== undefined);
      const m = xs.length ? median(xs) : undefined;
      (summary[k] ??= {})[name] = m;
      return (m === undefined ? '—' : `${m.toFixed(0)} (${xs.map((x) => x.toFixed(0)).join(', ')})`).padStart(32);
    });
    log(`${name.padEnd(68)} ${row.join('')}`);
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'bench-trace.json');
  fs.writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), options, summary, windows }, null, 2)}\n`);
  log(`\nWritten to ${path.relative(repoRoot, file)}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`The trace could not run: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
