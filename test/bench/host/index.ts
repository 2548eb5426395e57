import Module from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { SageMakerExtensionApi } from '../../../src/extension';
import type { Node } from '../../../src/tree/nodes';
import { EXTENSION_ID, children, emulator, emulatorUrl } from '../../host/helpers';
import { BENCH_PROFILE, LARGE_DOMAIN, LARGE_REGION, OTHER_REGIONS } from '../data';
import { FIGURES_MARKER, LATENCY_ENV, median, type HostFigure } from '../figures';
import { requestStartMs } from '../request-start';
import { BenchPrompter, CLOSE_WHEN_SHOWN, type Chooser } from './prompter';
import { benchRemote } from './remote';

/**
 * The benchmark's part inside VS Code's extension host (code-server runs it through the
 * `payload` query parameter, as the host test tier does). It drives the extension through its
 * own paths: the Resources tree's data provider (as the view asks it), the commands (as the
 * context menu and the palette run them), with the emulator's `large` data set behind them and
 * the emulator counting the API calls. It prints its figures as one marker line for the driver.
 */

const ACTIONS = 'Actions (large data set)';
/** Timed runs of each warm action (the median is reported). */
const RUNS = 3;
const PROFILE = BENCH_PROFILE;
/** The last user profile of the domain: the palette has to read every page to show it. */
const LAST_PROFILE = 'user-02999';
const DOMAIN = LARGE_DOMAIN;
const PROFILES = 3000;
const NOTEBOOKS = 400;
/** MaxResults' upper bound in the API model: the fewest pages a list can be read in. */
const API_MAX_PAGE = 100;

const figures: HostFigure[] = [];
const prompter = new BenchPrompter();

function say(text: string): void {
  console.log(`[bench] ${text}`);
}

/**
 * A real gc() for steadier heap figures (the extension host does not expose one). The flag goes
 * back off at once: V8 refuses a code cache made under other flags, so leaving it on would make
 * the extension's SDK code cache "rejected" in this extension host.
 */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  v8.setFlagsFromString('--no-expose-gc');
  return gc;
}

function kindOf(n: Node): string {
  return (n as { kind: string }).kind;
}

async function labelOf(api: SageMakerExtensionApi, n: Node): Promise<string> {
  const item = await api.resources.getTreeItem(n);
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function contextOf(api: SageMakerExtensionApi, n: Node): Promise<string> {
  return (await api.resources.getTreeItem(n)).contextValue ?? '';
}

async function kids(api: SageMakerExtensionApi, n?: Node): Promise<Node[]> {
  return children(api, n);
}

async function find(api: SageMakerExtensionApi, nodes: readonly Node[], test: (label: string, context: string) => boolean, what: string): Promise<Node> {
  for (const n of nodes) {
    if (test(await labelOf(api, n), await contextOf(api, n))) {
      return n;
    }
  }
  const labels = await Promise.all(nodes.slice(0, 20).map((n) => labelOf(api, n)));
  throw new Error(`no ${what} in the tree (first labels: ${labels.join(', ')})`);
}

function total(calls: Record<string, number>): number {
  return Object.values(calls).reduce((a, b) => a + b, 0);
}

interface Timing {
  ms: number[];
  calls: Record<string, number>;
}

/** Times an action `runs` times, calls counted by the emulator around each run (`prepare` is not timed). */
async function time(run: () => Promise<unknown>, options: { runs?: number; prepare?: () => Promise<unknown> } = {}): Promise<Timing> {
  const ms: number[] = [];
  let calls: Record<string, number> = {};
  for (let i = 0; i < (options.runs ?? RUNS); i++) {
    await options.prepare?.();
    await emulator.resetCalls();
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
    calls = await emulator.calls();
  }
  return { ms, calls };
}

function action(id: string, section: string, label: string, floorRoundTrips: number, t: Timing, note?: string): void {
  const f: HostFigure = {
    id,
    section,
    label,
    unit: 'ms',
    value: median(t.ms),
    calls: total(t.calls),
    callsByOperation: t.calls,
    floorRoundTrips,
    runs: t.ms.length,
    note,
  };
  figures.push(f);
  say(`${label}: ${f.value.toFixed(0)} ms, ${f.calls} call(s) ${JSON.stringify(t.calls)}`);
}

/** Runs a command the way the tree's menus and the palette do; fails if it reported an error. */
async function command(id: string, ...args: unknown[]): Promise<void> {
  await vscode.commands.executeCommand(id, ...args);
  prompter.check(id);
}

const byLabel =
  (label: string): Chooser =>
  (i) =>
    i.label === label;
const first: Chooser = () => true;
/** A notebook instance URL can only be made for a running one (as in AWS). */
const inService: Chooser = (i) => (i.description ?? '').startsWith('InService');
const scripted = (...choosers: Chooser[]): Promise<void> => {
  prompter.script(...choosers);
  return Promise.resolve();
};

/** The whole extension-host suite: the cold open (with the last-known tree the driver left), then the actions. */
export function run(): Promise<void> {
  return bench(false);
}

/**
 * Only the cold open, in a window whose extension finds no last-known tree (the driver removed
 * it): what a user without one waits for. Ends once the extension has written its tree again,
 * for the full suite's cold open after it.
 */
export function runColdWithoutLastKnown(): Promise<void> {
  return bench(true);
}

/** Only the Remote SSH rows (`npm run bench -- --only remote`), in a window of their own. */
export async function runRemoteOnly(): Promise<void> {
  const ext = vscode.extensions.getExtension<SageMakerExtensionApi>(EXTENSION_ID);
  if (!ext) {
    throw new Error(`extension ${EXTENSION_ID} is not loaded in this VS Code`);
  }
  await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
  const api = await ext.activate();
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const previousPrompter = api.setPrompter(prompter);
  try {
    await benchRemote({ api, prompter, region: LARGE_REGION, domainName: DOMAIN, profile: PROFILE, say }, figures);
  } finally {
    api.setPrompter(previousPrompter);
  }
  console.log(`${FIGURES_MARKER}${JSON.stringify({ figures, host: { node: process.version, vscode: vscode.version, pageSize: vscode.workspace.getConfiguration('sagemaker').get<number>('pageSize') } })}`);
}

async function bench(coldOnly: boolean): Promise<void> {
  const ext = vscode.extensions.getExtension<SageMakerExtensionApi>(EXTENSION_ID);
  if (!ext) {
    throw new Error(`extension ${EXTENSION_ID} is not loaded in this VS Code`);
  }
  if (ext.isActive) {
    throw new Error('the extension was already active: the cold figures need a fresh extension host');
  }
  const gc = exposeGc();
  gc();
  const memBefore = process.memoryUsage();

  // ---- Activation: what opening the view costs, and whether activation loaded the SDK ----
  // The SDK is dist/sdk.js, compiled by the AWS layer with require() relative to it; its HTTP layer
  // require()s node:http2 as it loads, so the require() calls of the files in dist/ show whether
  // (and when) SDK code ran.
  const bundleDir = path.join(ext.extensionPath, 'dist') + path.sep;
  const required: string[] = [];
  const proto = Module.prototype;
  const originalRequire = Object.getOwnPropertyDescriptor(proto, 'require');
  if (!originalRequire) {
    throw new Error('Module.prototype.require not found');
  }
  const callOriginal = originalRequire.value as (this: Module, id: string) => unknown;
  Object.defineProperty(proto, 'require', {
    ...originalRequire,
    value: function (this: Module, id: string): unknown {
      if (this.filename?.startsWith(bundleDir)) {
        required.push(`${path.basename(this.filename)}: ${id}`);
      }
      return callOriginal.call(this, id);
    },
  });
  const isSdk = (entry: string): boolean => entry.startsWith('sdk.js: ');
  let api: SageMakerExtensionApi;
  let requiredAtActivation: string[];
  let paintMs: number;
  let activeMs: number;
  let started = 0;
  const paintCalls: Record<string, number> = {};
  /** With a last-known tree (written by the driver's earlier cold starts): the rows it showed first. */
  let lastKnown: { rowsMs: number; sdkLoaded: boolean; callsBefore: number } | undefined;
  try {
    await emulator.resetCalls();
    started = performance.now();
    await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
    api = await ext.activate(); // joins the activation the view started
    activeMs = performance.now() - started;
    requiredAtActivation = [...required];
    // First paint: the root and the lists the view opens by itself (one region: its groups).
    const roots = await kids(api);
    await Promise.all(roots.map((r) => kids(api, r)));
    paintMs = performance.now() - started;
    if (api.services.tree.showingLastKnown !== undefined) {
      // Those were the last-known tree's rows: note what had happened by then, then wait for the fresh lists.
      const shownAt = Date.now();
      const sdkLoaded = required.some(isSdk);
      while (api.services.tree.showingLastKnown !== undefined) {
        await new Promise((r) => setTimeout(r, 2));
      }
      const rowsMs = paintMs;
      paintMs = performance.now() - started;
      lastKnown = { rowsMs, sdkLoaded, callsBefore: (await emulator.arrivals()).filter((a) => a.at <= shownAt).length };
    }
    Object.assign(paintCalls, await emulator.calls());
  } finally {
    Object.defineProperty(proto, 'require', originalRequire);
  }
  const sdkLoad = api.sdkLoad();
  gc();
  const memPainted = process.memoryUsage();
  const sdkAtActivation = requiredAtActivation.some(isSdk);
  const sdkProbeWorks = required.some(isSdk); // the first lists did load it: the probe sees the SDK
  figures.push(
    {
      id: 'activation.activate',
      section: 'Activation',
      label: 'activate() (inside the extension)',
      unit: 'ms',
      value: api.activationMs,
      runs: 1,
    },
    {
      id: 'activation.viewToActive',
      section: 'Activation',
      label: 'open the view → extension active (load dist/extension.js + activate)',
      unit: 'ms',
      value: activeMs,
      runs: 1,
    },
    {
      id: 'activation.viewToFileLoaded',
      section: 'Activation',
      label: 'of which: open the view → dist/extension.js loaded (VS Code opening the view and asking for the activation, then the file\'s load)',
      unit: 'ms',
      value: api.startTimes.fileLoaded - started,
      runs: 1,
    },
    {
      id: 'activation.fileLoadedToActivate',
      section: 'Activation',
      label: 'of which: dist/extension.js loaded → activate() called (VS Code gets the extension\'s stored state from the window first)',
      unit: 'ms',
      value: api.startTimes.activateCalled - api.startTimes.fileLoaded,
      runs: 1,
    },
    {
      id: 'activation.sdkLoaded',
      section: 'Activation',
      label: 'AWS SDK loaded by activation',
      unit: 'yes/no',
      value: sdkAtActivation ? 1 : 0,
      floor: 0,
      note: sdkProbeWorks
        ? `require()s of dist/ files during activation: ${[...new Set(requiredAtActivation)].join(', ') || 'none'}; dist/sdk.js loaded on the first list`
        : 'the probe never saw the SDK load, so this figure is not reliable',
    },
    ...(lastKnown
      ? [
          {
            id: 'activation.firstRowsLastKnown',
            section: 'Activation',
            label: 'cold: open the view → first rows shown (last-known tree: root + its lists)',
            unit: 'ms',
            value: lastKnown.rowsMs,
            // Without the SDK this window can make no call; the endpoint also hears the earlier
            // windows' extension hosts (code-server keeps them running a while), so its count alone says less.
            calls: lastKnown.sdkLoaded ? lastKnown.callsBefore : 0,
            floorRoundTrips: 0,
            runs: 1,
            note: `calls made by this window before the rows were given to the view (the AWS SDK, which every call needs, ${lastKnown.sdkLoaded ? 'had' : 'had not'} loaded); the endpoint had heard ${lastKnown.callsBefore} by then, from the earlier windows' extension hosts`,
          } satisfies HostFigure,
          {
            id: 'activation.lastKnownSdkLoaded',
            section: 'Activation',
            label: 'AWS SDK loaded when the last-known rows showed',
            unit: 'yes/no',
            value: lastKnown.sdkLoaded ? 1 : 0,
            floor: 0,
          } satisfies HostFigure,
        ]
      : []),
    {
      id: 'activation.firstData',
      section: 'Activation',
      label: lastKnown
        ? 'cold: open the view → fresh lists answered (in place of the last-known rows)'
        : 'cold: open the view → first lists in (the root and its lists\' rows, no last-known tree)',
      unit: 'ms',
      value: paintMs,
      calls: total(paintCalls),
      callsByOperation: paintCalls,
      floorRoundTrips: 1,
      runs: 1,
      note: 'includes loading the bundle, activate(), loading the SDK on first use and creating its client',
    },
    {
      id: 'activation.activeToFirstData',
      section: 'Activation',
      label: 'of which: extension active → first lists answered (SDK load, client, calls)',
      unit: 'ms',
      value: paintMs - activeMs,
      floorRoundTrips: 1,
      runs: 1,
      note: 'the rest above the round trip is loading dist/sdk.js on first use and creating its client',
    },
  );
  if (sdkLoad) {
    figures.push({
      id: 'activation.sdkLoadInHost',
      section: 'Activation',
      label: `of which: SDK load in the extension host, on the first list (code cache: ${sdkLoad.cache})`,
      unit: 'ms',
      value: sdkLoad.loadMs,
      runs: 1,
      note: 'read dist/sdk.js, check its hash, compile (from the cache when accepted) and run its top level',
    });
  }
  if (coldOnly) {
    if (lastKnown) {
      throw new Error('the cold open without a last-known tree found one: the driver removes it first');
    }
    // The figures of this window are the "without a last-known tree" ones.
    const mine = figures
      .splice(0)
      .filter((f) => ['activation.viewToActive', 'activation.viewToFileLoaded', 'activation.fileLoadedToActivate', 'activation.firstData', 'activation.activeToFirstData', 'activation.sdkLoadInHost'].includes(f.id));
    const value = (id: string): number => mine.find((f) => f.id === id)?.value ?? NaN;
    const latencyMs = Number(process.env[LATENCY_ENV]);
    const goal = 1.2 * (value('activation.viewToActive') + value('activation.sdkLoadInHost') + latencyMs);
    figures.push(
      ...mine.map((f) => ({
        ...f,
        id: `noLastKnown.${f.id.slice('activation.'.length)}`,
        label:
          {
            'activation.viewToActive': 'cold, without a last-known tree: open the view → extension active',
            'activation.firstData': 'cold, without a last-known tree: open the view → fresh lists answered',
            'activation.activeToFirstData': '… of which: extension active → fresh lists answered (SDK load, client, calls)',
          }[f.id] ?? `… of which: ${f.label.replace(/^of which: /, '')}`,
      })),
      {
        id: 'noLastKnown.goal',
        section: 'Activation',
        label: 'without a last-known tree: issue 13\'s bound for "open the view → fresh lists answered": 1.2 × (extension active + SDK load + one round trip)',
        unit: 'ms',
        value: goal,
        runs: 1,
        note: `1.2 × (${value('activation.viewToActive').toFixed(0)} + ${value('activation.sdkLoadInHost').toFixed(0)} + ${latencyMs}) ms, from this window's own figures`,
      },
    );
    say(`without a last-known tree: active ${activeMs.toFixed(0)} ms, fresh lists at ${paintMs.toFixed(0)} ms; bound ${goal.toFixed(0)} ms`);
    // The full suite's cold open after this one shows the tree these lists make.
    await api.lastKnown.save();
    await api.lastKnown.flush();
    // code-server keeps this window's extension host running after the page goes: with the view
    // hidden, its poller stops and it makes no call the full suite's counts would take in.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    console.log(`${FIGURES_MARKER}${JSON.stringify({ figures, host: { node: process.version, vscode: vscode.version } })}`);
    return;
  }
  if (lastKnown) {
    say(`last-known tree: rows at ${lastKnown.rowsMs.toFixed(0)} ms, SDK loaded then: ${lastKnown.sdkLoaded}, ${lastKnown.callsBefore} call(s) had reached the endpoint`);
  } else {
    say('no last-known tree at the cold open (the driver\'s cold starts wrote none)');
  }
  say(`activation: ${api.activationMs.toFixed(1)} ms inside, ${activeMs.toFixed(0)} ms to active, first data at ${paintMs.toFixed(0)} ms; SDK at activation: ${sdkAtActivation}; SDK load ${sdkLoad ? `${sdkLoad.loadMs.toFixed(0)} ms (code cache: ${sdkLoad.cache})` : 'not seen'}`);

  // From here the view is hidden, so only the benchmark asks the tree for children and the
  // emulator's counts belong to the action timed (a visible view would also fetch what it shows).
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const previousPrompter = api.setPrompter(prompter);
  const tree = api.services.tree;
  const groups = async (): Promise<{ domains: Node; notebooks: Node }> => {
    const roots = await kids(api);
    return {
      domains: await find(api, roots, (_l, c) => c === 'sagemaker.group.domains', 'Studio Domains group'),
      notebooks: await find(api, roots, (_l, c) => c === 'sagemaker.group.notebooks', 'Notebook Instances group'),
    };
  };
  const loadAll = async (list: Node): Promise<number> => {
    let children = await kids(api, list);
    while (children.length && kindOf(children[children.length - 1]) === 'loadMore') {
      await command('sagemaker.loadMore', children[children.length - 1]);
      children = await kids(api, list);
    }
    return children.length;
  };
  try {
    // (a) Show the domains: Refresh (a new connection, as after a settings change) and the list.
    action(
      'tree.domains',
      ACTIONS,
      'show the domains (Refresh, then the Studio Domains list)',
      1,
      await time(async () => {
        await command('sagemaker.refresh');
        await kids(api, (await groups()).domains);
      }),
    );
    const { domains, notebooks } = await groups();
    const domain = await find(api, await kids(api, domains), (l) => l === DOMAIN, `domain ${DOMAIN}`);

    // (b) Expand a domain with thousands of user profiles.
    action(
      'tree.domain.firstPage',
      ACTIONS,
      `expand a domain of ${PROFILES} user profiles: first page`,
      1,
      await time(() => kids(api, domain), { prepare: () => tree.refreshNode(domain) }),
    );
    let profileCount = 0;
    action(
      'tree.domain.allPages',
      ACTIONS,
      `expand a domain of ${PROFILES} user profiles: all pages (Load more… until the end)`,
      Math.ceil(PROFILES / API_MAX_PAGE),
      await time(async () => (profileCount = await loadAll(domain)), { runs: 1, prepare: () => tree.refreshNode(domain) }),
    );
    if (profileCount !== PROFILES) {
      throw new Error(`the domain showed ${profileCount} user profiles, expected ${PROFILES}`);
    }
    const profile = await find(api, await kids(api, domain), (l) => l === PROFILE, `user profile ${PROFILE}`);

    // (c) A user profile's spaces: the rows (one round trip: ListSpaces with the domain's first
    // ListApps page beside it), then every app state (the spaces that page did not show, one
    // ListApps call each, at most 6 in flight).
    action(
      'tree.spaces',
      ACTIONS,
      `expand a user profile's spaces: rows visible (domain of ${PROFILES} profiles, 3500 spaces)`,
      1,
      await time(() => kids(api, profile), { prepare: () => tree.refreshNode(profile) }),
      'floor 1: ListSpaces and the first ListApps page go out side by side; spaces that page does not show say "checking…"',
    );
    figures.push({
      id: 'tree.spaces.hostRequestStart',
      section: ACTIONS,
      label: '… the extension host starting one HTTP request (synchronous part, VS Code\'s proxy support included; median of 20)',
      unit: 'ms',
      value: median(requestStartMs(emulatorUrl())),
      runs: 20,
      note: 'VS Code\'s proxy support wraps every request of every extension: it reads the whole configuration (http.proxySupport) and makes an agent; the first such reads in a window cost far more (31 ms for the five lists of a cold open, in a CPU profile that slows everything down)',
    });
    const statesKnown = async (): Promise<void> => {
      for (;;) {
        const rows = await kids(api, profile);
        const contexts = await Promise.all(rows.map((n) => contextOf(api, n)));
        if (!contexts.includes('sagemaker.space.unknown')) {
          return;
        }
        // Re-check on the next redraw (or shortly, should one slip between check and listen).
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => done(), 20);
          const sub = api.resources.onDidChangeTreeData?.(() => done());
          function done(): void {
            clearTimeout(timer);
            sub?.dispose();
            resolve();
          }
        });
      }
    };
    action(
      'tree.spaces.allStates',
      ACTIONS,
      "… and every space's app state known",
      2,
      await time(async () => {
        await kids(api, profile);
        await statesKnown();
      }, { prepare: () => tree.refreshNode(profile) }),
      'floor 2: the spaces missing from the first ListApps page need their own ListApps (SpaceNameEquals); at most 6 in flight, so n such spaces take 1 + ceil(n / 6) round trips',
    );
    const space = await find(api, await kids(api, profile), (_l, c) => c === 'sagemaker.space.running', `running space under ${PROFILE}`);

    // (d) The notebook instances.
    action(
      'tree.notebooks.firstPage',
      ACTIONS,
      `notebook instances (${NOTEBOOKS}): first page`,
      1,
      await time(() => kids(api, notebooks), { prepare: () => tree.refreshNode(notebooks) }),
    );
    action(
      'tree.notebooks.allPages',
      ACTIONS,
      `notebook instances (${NOTEBOOKS}): all pages`,
      Math.ceil(NOTEBOOKS / API_MAX_PAGE),
      await time(() => loadAll(notebooks), { runs: 1, prepare: () => tree.refreshNode(notebooks) }),
    );
    const notebook = await find(api, await kids(api, notebooks), (_l, c) => c === 'sagemaker.notebook.running', 'InService notebook instance');

    // (e) URLs from the tree: the data is on screen, so exactly one call each.
    const fromTree: [string, string, Node][] = [
      ['sagemaker.openStudio', 'open Studio for a user profile', profile],
      ['sagemaker.copyStudioUrl', 'copy the Studio URL of a user profile', profile],
      ['sagemaker.openSpace', 'open a space', space],
      ['sagemaker.copySpaceUrl', 'copy a space URL', space],
      ['sagemaker.openNotebookJupyterLab', 'open a notebook instance (JupyterLab)', notebook],
      ['sagemaker.copyNotebookUrl', 'copy a notebook instance URL', notebook],
    ];
    for (const [id, label, node] of fromTree) {
      const opened = prompter.opened.length;
      action(`url.tree.${id.replace('sagemaker.', '')}`, ACTIONS, `tree: ${label}`, 1, await time(() => command(id, node)));
      if (id.includes('open') && prompter.opened.length !== opened + RUNS) {
        throw new Error(`${id} did not open a URL each time`);
      }
    }

    // (5) Memory, with the large data set loaded into the tree (before the palette's figures, which empty it).
    await loadAll(domain);
    await loadAll(notebooks);
    let dataBytes = 0;
    for (const n of tree.loadedNodes()) {
      const data = (n as { domain?: unknown; profile?: unknown; space?: unknown; notebook?: unknown });
      const record = data.profile ?? data.space ?? data.notebook ?? (kindOf(n) === 'domain' ? data.domain : undefined);
      if (record) {
        dataBytes += Buffer.byteLength(JSON.stringify(record));
      }
    }
    gc();
    const memAfter = process.memoryUsage();
    figures.push(
      {
        id: 'memory.rss',
        section: 'Memory',
        label: `extension host RSS with ${PROFILES} profiles + ${NOTEBOOKS} notebook instances loaded`,
        unit: 'bytes',
        value: memAfter.rss,
        floor: memBefore.rss,
        note: 'floor: the same extension host before the extension activated',
      },
      {
        id: 'memory.heapLoaded',
        section: 'Memory',
        label: 'heap of the extension with the SDK loaded, first lists shown (after gc, minus before activation)',
        unit: 'bytes',
        value: memPainted.heapUsed - memBefore.heapUsed,
        note: 'the bundle\'s code and the SDK\'s, its client, the first two pages',
      },
      {
        id: 'memory.heapData',
        section: 'Memory',
        label: `heap added by the large data set (${PROFILES} profiles, ${NOTEBOOKS} notebook instances, spaces of one profile)`,
        unit: 'bytes',
        value: memAfter.heapUsed - memPainted.heapUsed,
        floor: dataBytes,
        note: 'floor: the resources shown, as JSON text; above it: one object per resource and per tree node (parent links, ids)',
      },
    );
    say(`memory: rss ${memBefore.rss} → ${memAfter.rss}, heap ${memBefore.heapUsed} → ${memAfter.heapUsed}, data ${dataBytes} bytes`);

    // (e) URLs from the palette. For a profile the tree shows (its lists loaded and fresh), the
    // picks are the tree's rows: the URL's call only.
    const treeShows = async (): Promise<void> => {
      const group = (await groups()).domains as Node & { listing: { isFresh(): boolean } };
      if (!group.listing.isFresh()) {
        await tree.refreshNode(group);
      }
      const d = (await find(api, await kids(api, group), (l) => l === DOMAIN, `domain ${DOMAIN}`)) as Node & { listing: { isFresh(): boolean }; domain: { authMode?: string } };
      if (!d.listing.isFresh()) {
        await tree.refreshNode(d);
      }
      await find(api, await kids(api, d), (l) => l === PROFILE, `user profile ${PROFILE}`);
      for (let i = 0; !d.domain.authMode && i < 200; i++) {
        await new Promise((r) => setTimeout(r, 25)); // DescribeDomain, alongside the profiles
      }
      prompter.script(byLabel(DOMAIN), byLabel(PROFILE));
    };
    action(
      'url.palette.studio.treeShown',
      ACTIONS,
      `palette: copy Studio URL for a profile the tree shows (pick domain, ${PROFILE}: the tree's rows)`,
      1,
      await time(() => command('sagemaker.copyStudioUrl'), { prepare: treeShows }),
      'floor: CreatePresignedDomainUrl; the domain and its profiles are the tree\'s (loaded in the last 5 minutes), its sign-in mode learned with them',
    );
    // The same with nothing in the tree (Refresh with the view hidden): the quick picks list what they need, page by page.
    const treeEmpty = async (...choosers: Chooser[]): Promise<void> => {
      tree.refresh();
      await scripted(...choosers);
    };
    action(
      'url.palette.studio',
      ACTIONS,
      `palette: copy Studio URL (pick domain, ${PROFILE} on the first page)`,
      3,
      await time(() => command('sagemaker.copyStudioUrl'), { prepare: () => treeEmpty(byLabel(DOMAIN), byLabel(PROFILE)) }),
      'floor: ListDomains, ListUserProfiles (1 page), CreatePresignedDomainUrl',
    );
    // The space pick shows the spaces when ListSpaces answers (the domain's first ListApps page
    // beside it); the states still unknown fill in while the user reads. Measured to the pick
    // shown (the user closes it there), then to the URL copied (the user picks the first space
    // as soon as it shows; the pick's closing stops the state calls).
    action(
      'url.palette.space.pickShown',
      ACTIONS,
      'palette: copy a space URL: space pick shown (pick domain, user profile)',
      3,
      await time(() => command('sagemaker.copySpaceUrl'), { prepare: () => treeEmpty(byLabel(DOMAIN), byLabel(PROFILE), CLOSE_WHEN_SHOWN) }),
      'floor 3: ListDomains, ListUserProfiles (DescribeDomain beside it), ListSpaces (the first ListApps page beside it); the calls include the first wave of state calls already under way',
    );
    action(
      'url.palette.space',
      ACTIONS,
      '… URL copied (pick domain, user profile, space)',
      4,
      await time(() => command('sagemaker.copySpaceUrl'), { prepare: () => treeEmpty(byLabel(DOMAIN), byLabel(PROFILE), first) }),
      'floor 4: the three lists above, then CreatePresignedDomainUrl (a URL needs no app state); the state calls under way when the space is picked are cancelled',
    );
    action(
      'url.palette.notebook',
      ACTIONS,
      'palette: copy a notebook instance URL (an InService one on the first page)',
      2,
      await time(() => command('sagemaker.copyNotebookUrl'), { prepare: () => treeEmpty(inService) }),
      'floor: ListNotebookInstances, CreatePresignedNotebookInstanceUrl',
    );
    action(
      'url.palette.studioLastProfile',
      ACTIONS,
      `palette: copy Studio URL for the last of ${PROFILES} user profiles (Load more… to the last page)`,
      2 + Math.ceil(PROFILES / API_MAX_PAGE),
      await time(() => command('sagemaker.copyStudioUrl'), { runs: 1, prepare: () => treeEmpty(byLabel(DOMAIN), byLabel(LAST_PROFILE)) }),
      `floor: ListDomains, ${Math.ceil(PROFILES / API_MAX_PAGE)} pages of ListUserProfiles, CreatePresignedDomainUrl`,
    );

    // (4) Several regions: every region's two lists, side by side.
    const regions = [LARGE_REGION, ...OTHER_REGIONS];
    await vscode.workspace.getConfiguration('sagemaker').update('regions', regions, vscode.ConfigurationTarget.Global);
    await new Promise((r) => setTimeout(r, 500)); // the extension reloads the tree on the change
    action(
      'regions.all',
      'Regions',
      `show ${regions.length} regions (Refresh, then each region's domains and notebook instances)`,
      1,
      await time(async () => {
        await command('sagemaker.refresh');
        const regionNodes = await kids(api);
        if (regionNodes.length !== regions.length) {
          throw new Error(`the tree shows ${regionNodes.length} regions, expected ${regions.length}`);
        }
        await Promise.all(regionNodes.map(async (r) => Promise.all((await kids(api, r)).map((g) => kids(api, g)))));
      }),
      'floor: one round trip, every list of every region in parallel',
    );
    await vscode.workspace.getConfiguration('sagemaker').update('regions', [LARGE_REGION], vscode.ConfigurationTarget.Global);
    await new Promise((r) => setTimeout(r, 500));

    // (6) Connect with Remote SSH: the command → `ssh <alias> echo ok` (./remote.ts).
    await benchRemote({ api, prompter, region: LARGE_REGION, domainName: DOMAIN, profile: PROFILE, say }, figures);
  } finally {
    api.setPrompter(previousPrompter);
  }
  const pageSize = vscode.workspace.getConfiguration('sagemaker').get<number>('pageSize');
  console.log(`${FIGURES_MARKER}${JSON.stringify({ figures, host: { node: process.version, vscode: vscode.version, pageSize } })}`);
}
