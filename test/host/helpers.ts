import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import type { SageMakerExtensionApi } from '../../src/extension';
import type { InputRequest, MessageLevel, PickItem, PickRequest, PickUpdates, Prompter } from '../../src/prompter';
import { replaceById } from '../../src/replaceById';
import type { Node } from '../../src/tree/nodes';
import type { PresignedGrant } from '../emulator/presigned';

export const EXTENSION_ID = 'sagemaker-environments.sagemaker-environments';

export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting until ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The running extension's own module (the one VS Code loaded and will call deactivate() on). */
export function runningModule(): { deactivate(): Promise<void> } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext?.isActive);
  const main = require.resolve(path.join(ext.extensionPath, 'dist', 'extension.js'));
  assert.ok(require.cache[main], 'the extension bundle is not in the require cache of this extension host');
  // The cached module itself: importing anew would load a second copy with nothing running.
  return require.cache[main].exports as { deactivate(): Promise<void> };
}

/** The running extension's API (activating it by opening its view if needed). */
export async function extensionApi(): Promise<SageMakerExtensionApi> {
  const ext = vscode.extensions.getExtension<SageMakerExtensionApi>(EXTENSION_ID);
  assert.ok(ext, 'extension not found');
  if (!ext.isActive) {
    await vscode.commands.executeCommand('workbench.view.extension.sagemaker');
    await waitFor(() => ext.isActive, 'the extension is active');
  }
  return ext.exports;
}

/** The local SageMaker endpoint the harness started (see test/harness/fixtures.ts). */
export function emulatorUrl(): string {
  const url = process.env.SAGEMAKER_TEST_EMULATOR_URL;
  assert.ok(url, 'SAGEMAKER_TEST_EMULATOR_URL is not set: run these suites through the harness (npm run test:host)');
  return url;
}

/** The other local SageMaker endpoint, named only by the test workspace's own settings (test/harness/fixtures.ts). */
export function workspaceEndpointUrl(): string {
  const url = process.env.SAGEMAKER_TEST_WORKSPACE_ENDPOINT_URL;
  assert.ok(url, 'SAGEMAKER_TEST_WORKSPACE_ENDPOINT_URL is not set: run these suites through the harness (npm run test:host)');
  return url;
}

async function admin(method: string, path: string, body?: unknown, base = emulatorUrl()): Promise<unknown> {
  const res = await fetch(`${base}/__emulator${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.ok, `emulator admin ${method} ${path} answered ${res.status}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export const emulator = {
  setFault: (f: {
    operation: string;
    kind: string;
    times?: number;
    errorType?: string;
    status?: number;
    message?: string;
    region?: string;
    latencyMs?: number;
    match?: Record<string, string | number | boolean>;
    set?: Record<string, string>;
  }) => admin('POST', '/faults', f),
  clearFaults: () => admin('DELETE', '/faults'),
  reset: () => admin('POST', '/reset'),
  /** A user profile appears in (or, with remove, goes from) a domain, as between two pages of a list. */
  changeUserProfile: (c: { region: string; domainId: string; userProfileName: string; remove?: boolean }) => admin('POST', '/userProfiles', c),
  resetCalls: () => admin('DELETE', '/calls'),
  /** SageMaker calls received per operation. */
  calls: async (): Promise<Record<string, number>> => ((await admin('GET', '/calls')) as { byOperation: Record<string, number> }).byOperation,
  /** When each SageMaker call arrived at the endpoint (ms since the epoch, this machine's clock), oldest first. */
  arrivals: async (): Promise<{ operation: string; at: number }[]> => ((await admin('GET', '/calls')) as { arrivals: { operation: string; at: number }[] }).arrivals,
  /** Calls per operation the extension closed before the endpoint answered (cancelled, or timed out). */
  abandoned: async (): Promise<Record<string, number>> => ((await admin('GET', '/calls')) as { abandoned: Record<string, number> }).abandoned,
  /** What each presigned URL granted, newest last (no tokens). */
  grants: async (): Promise<Grant[]> => ((await admin('GET', '/presigned')) as { grants: Grant[] }).grants,
};

/** The endpoint only the workspace's settings name: it must never be called. */
export const workspaceEndpoint = {
  calls: async (): Promise<Record<string, number>> =>
    ((await admin('GET', '/calls', undefined, workspaceEndpointUrl())) as { byOperation: Record<string, number> }).byOperation,
};

/** When the newest presigned URL was issued and when it expires, as the endpoint granted it. */
async function newestGrantTimes(): Promise<{ createdAt: number; expiresAt: number }> {
  const { grants } = (await admin('GET', '/presigned')) as { grants: { createdAt: string; expiresAt: string }[] };
  const g = grants[grants.length - 1];
  assert.ok(g, 'no presigned URL was issued');
  return { createdAt: Date.parse(g.createdAt), expiresAt: Date.parse(g.expiresAt) };
}

/**
 * Runs `copy` (a command that copies a presigned URL) and checks the status bar countdown against
 * the URL's own expiry: it shows the seconds left, somewhere between the URL's whole lifetime and
 * that lifetime less the time the copy and this check took, however slow the machine is.
 * Returns the countdown's text (undefined only if the URL expired before it could be read).
 */
export async function copyAndCheckCountdown(api: SageMakerExtensionApi, copy: () => Thenable<unknown>): Promise<string | undefined> {
  const started = Date.now();
  await copy();
  const text = api.services.clipboard.text;
  const elapsedMs = Date.now() - started;
  const grant = await newestGrantTimes();
  const lifetimeS = (grant.expiresAt - grant.createdAt) / 1000;
  const lowest = Math.max(0, Math.ceil(lifetimeS - elapsedMs / 1000));
  if (text === undefined) {
    assert.equal(lowest, 0, `no countdown, though the URL (lifetime ${lifetimeS} s) expires ${lowest} s or more from now`);
    return text;
  }
  const shown = /SageMaker URL expires in (\d+):(\d\d)$/.exec(text);
  assert.ok(shown, `the status bar says "${text}"`);
  const left = Number(shown[1]) * 60 + Number(shown[2]);
  assert.ok(left >= Math.max(1, lowest) && left <= lifetimeS, `the countdown says ${left} s; the URL's lifetime is ${lifetimeS} s and ${elapsedMs} ms went by`);
  return text;
}

/** A grant as the admin path sends it (JSON: its dates would arrive as strings, so they are left out). */
export type Grant = Omit<PresignedGrant, 'createdAt' | 'expiresAt' | 'sessionExpiresAt'>;

export async function callCount(operation: string): Promise<number> {
  return (await emulator.calls())[operation] ?? 0;
}

/**
 * Waits until no SageMaker call has reached the endpoint for `stillMs`: a call sent just before a
 * refresh cancelled it can still be arriving, and would be counted against what follows.
 */
export async function callsStill(stillMs = 300): Promise<void> {
  let last = JSON.stringify(await emulator.calls());
  await waitFor(async () => {
    await new Promise((r) => setTimeout(r, stillMs));
    const now = JSON.stringify(await emulator.calls());
    const still = now === last;
    last = now;
    return still;
  }, `no call reached the endpoint for ${stillMs} ms`);
}

/**
 * Sets a user setting (the scope connection settings live in) and waits for the configuration
 * change event naming it: the extension's own listener, registered when it activated, has run
 * by then. A value already set fires no event, so there is nothing to wait for.
 */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const c = vscode.workspace.getConfiguration('sagemaker');
  if (isDeepStrictEqual(c.inspect(key)?.globalValue, value)) {
    return;
  }
  let subscription: vscode.Disposable | undefined;
  const changed = new Promise<void>((resolve) => {
    subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`sagemaker.${key}`)) {
        resolve();
      }
    });
  });
  try {
    await c.update(key, value, vscode.ConfigurationTarget.Global);
    await waitUntil(changed, `the configuration change event for sagemaker.${key}`);
  } finally {
    subscription?.dispose();
  }
}

/** `promise`, or a clear failure if it has not settled after `timeoutMs` (a hang, not a speed check). */
async function waitUntil<T>(promise: Promise<T>, what: string, timeoutMs = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function resetSettings(): Promise<void> {
  for (const key of ['profile', 'presignedUrl.expiresInSeconds', 'presignedUrl.sessionExpirationDurationInSeconds', 'presignedUrl.landingUri', 'clearClipboardOnExpiry', 'pageSize', 'resourceTypes']) {
    await setSetting(key, undefined);
  }
  await setSetting('endpointUrl', emulatorUrl());
  await setSetting('regions', ['us-east-1']);
}

export interface ShownMessage {
  level: MessageLevel;
  text: string;
  buttons: readonly string[];
  modal: boolean;
}

type AskedItem = { label: string; description?: string; picked?: boolean; detail?: string; buttons?: string[] };

export interface AskedPick {
  title: string;
  /** The placeholder when the pick was answered (a loader may change it). */
  placeholder: string;
  /** The items when the pick was answered, with every update the loader made to them. */
  items: AskedItem[];
  /** The items as the first page showed them, before any update. */
  firstPage?: AskedItem[];
  /** How many times the loader replaced shown items (each a redraw in the quick pick). */
  updates?: number;
  /** How many times "Load more…" was accepted (a page loaded on request). */
  loadMores?: number;
  /** Whether the items ended with "Load more…" when the pick was answered (the list has more pages). */
  more?: boolean;
}

/** A tooltip's text as a reader sees it (markdown escapes and non-breaking spaces undone). */
export function tooltipText(i: vscode.TreeItem): string {
  const t = i.tooltip;
  const md = t instanceof vscode.MarkdownString ? t.value : (t ?? '');
  return md.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

/**
 * `itemButton`: triggers the button with that tooltip on the item labelled `label`.
 * `asSoonAsShown`: answers as soon as the item (for a cancel: the first page) is shown, like a user
 * who does not wait for the pick to finish loading; otherwise the pick is answered once loaded.
 */
type Answer =
  | { pick: string; asSoonAsShown?: boolean }
  /** Accepts "Load more…" of the pick being loaded, after `first` (e.g. something the tree does meanwhile). */
  | { loadMore: true; first?: () => Promise<unknown> }
  | { itemButton: string; label: string }
  | { pickMany: string[] }
  | { input: string }
  | { button: string }
  | { cancel: true; asSoonAsShown?: boolean };

/**
 * A Prompter that answers from a script, through the same code paths as the VS Code one: pick
 * questions get the real items (loaded page by page from the emulator) and must contain the
 * scripted label; every question and message is recorded for the test to check. A list with more
 * pages ends in "Load more…": the scripted user accepts it when told to (`loadMore`), or while the
 * item to pick is not shown yet.
 */
export class ScriptedPrompter implements Prompter {
  private answers: Answer[] = [];
  readonly picks: AskedPick[] = [];
  readonly inputs: InputRequest[] = [];
  readonly messages: ShownMessage[] = [];
  readonly opened: vscode.Uri[] = [];
  /** Failures inside the prompter (an unexpected question), surfaced by `assertDone`. */
  readonly problems: string[] = [];

  script(...answers: Answer[]): this {
    this.answers.push(...answers);
    return this;
  }

  /** The error messages shown (derived from `messages`: clear those to forget them). */
  get errors(): readonly ShownMessage[] {
    return this.messages.filter((m) => m.level === 'error');
  }

  clear(): void {
    this.answers = [];
    this.picks.length = 0;
    this.inputs.length = 0;
    this.messages.length = 0;
    this.opened.length = 0;
    this.problems.length = 0;
  }

  /** Every scripted answer was used, nothing unexpected was asked, no error was shown. */
  assertDone(): void {
    assert.deepEqual(this.problems, [], 'unexpected questions');
    assert.deepEqual(this.answers, [], 'scripted answers left unused');
    assert.deepEqual(this.errors.map((e) => e.text), [], 'errors were shown');
  }

  private next(kind: string, title: string): Answer {
    const a = this.answers.shift();
    if (!a) {
      this.problems.push(`${kind} "${title}" was asked but the script has no answer`);
      throw new Error(`unexpected ${kind}: ${title}`);
    }
    return a;
  }

  /**
   * The pick's items as the real quick pick would hold them: pages appended, updates put in place
   * (by id). Loads to the end, or until `enough` says the user would answer (then the loader is
   * aborted, as closing the quick pick does).
   */
  private async items<T>(request: PickRequest<T>, enough?: (items: readonly PickItem<T>[]) => boolean): Promise<{ items: PickItem<T>[]; asked: Partial<AskedPick> }> {
    if (typeof request.items !== 'function') {
      return { items: [...request.items], asked: { placeholder: request.placeholder } };
    }
    let all: PickItem<T>[] = [];
    const asked: Partial<AskedPick> = { placeholder: request.placeholder, updates: 0, loadMores: 0, more: false };
    const abort = new AbortController();
    const updates: PickUpdates<T> = {
      more: async () => {
        const head = this.answers[0];
        if (abort.signal.aborted) {
          return false;
        }
        if (head && 'loadMore' in head) {
          this.answers.shift();
          await head.first?.();
        } else if (!(head && 'pick' in head && !all.some((i) => i.label === head.pick))) {
          asked.more = true; // answered with "Load more…" shown
          return false;
        }
        asked.loadMores = (asked.loadMores ?? 0) + 1;
        return true;
      },
      replace: (items) => {
        if (abort.signal.aborted) {
          return;
        }
        const next = replaceById(all, items);
        if (next) {
          all = next;
          asked.updates = (asked.updates ?? 0) + 1;
        }
      },
      placeholder: (text) => {
        if (!abort.signal.aborted) {
          asked.placeholder = text;
        }
      },
    };
    try {
      for await (const page of request.items(abort.signal, updates)) {
        all = [...all, ...page];
        asked.firstPage ??= all.map(askedItem);
        if (enough?.(all)) {
          break;
        }
      }
    } finally {
      abort.abort();
    }
    return { items: all, asked };
  }

  async pick<T>(request: PickRequest<T>): Promise<T | undefined> {
    const head = this.answers[0];
    const early = head && 'asSoonAsShown' in head && head.asSoonAsShown ? head : undefined;
    const { items, asked } = await this.items(request, early && ((all) => 'cancel' in early || all.some((i) => 'pick' in early && i.label === early.pick)));
    this.picks.push({
      title: request.title,
      placeholder: asked.placeholder ?? request.placeholder,
      items: items.map(askedItem),
      firstPage: asked.firstPage,
      updates: asked.updates,
      loadMores: asked.loadMores,
      more: asked.more,
    });
    const a = this.next('pick', request.title);
    if ('cancel' in a) {
      return undefined;
    }
    if ('itemButton' in a) {
      const button = items.find((i) => i.label === a.label)?.buttons?.find((b) => b.tooltip === a.itemButton);
      if (!button) {
        this.problems.push(`pick "${request.title}" has no item "${a.label}" with a button "${a.itemButton}"`);
        throw new Error(`no button ${a.itemButton}`);
      }
      return button.value;
    }
    if (!('pick' in a)) {
      this.problems.push(`pick "${request.title}" got answer ${JSON.stringify(a)}`);
      throw new Error('wrong answer kind');
    }
    const item = items.find((i) => i.label === a.pick);
    if (!item) {
      this.problems.push(`pick "${request.title}" has no item "${a.pick}" (items: ${items.map((i) => i.label).join(', ')})`);
      throw new Error(`no item ${a.pick}`);
    }
    return item.value;
  }

  async pickMany<T>(request: PickRequest<T>): Promise<T[] | undefined> {
    const { items } = await this.items(request);
    this.picks.push({ title: request.title, placeholder: request.placeholder, items: items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, picked: i.picked })) });
    const a = this.next('pickMany', request.title);
    if ('cancel' in a) {
      return undefined;
    }
    if ('itemButton' in a) {
      const button = items.find((i) => i.label === a.label)?.buttons?.find((b) => b.tooltip === a.itemButton);
      if (!button) {
        this.problems.push(`pickMany "${request.title}" has no item "${a.label}" with a button "${a.itemButton}"`);
        throw new Error(`no button ${a.itemButton}`);
      }
      return [button.value];
    }
    if (!('pickMany' in a)) {
      this.problems.push(`pickMany "${request.title}" got answer ${JSON.stringify(a)}`);
      throw new Error('wrong answer kind');
    }
    return a.pickMany.map((label) => {
      const item = items.find((i) => i.label === label);
      if (!item) {
        this.problems.push(`pickMany "${request.title}" has no item "${label}"`);
        throw new Error(`no item ${label}`);
      }
      return item.value;
    });
  }

  input(request: InputRequest): Promise<string | undefined> {
    this.inputs.push(request);
    const a = this.next('input', request.title);
    if ('cancel' in a) {
      return Promise.resolve(undefined);
    }
    if (!('input' in a)) {
      this.problems.push(`input "${request.prompt}" got answer ${JSON.stringify(a)}`);
      return Promise.reject(new Error('wrong answer kind'));
    }
    const invalid = request.validate?.(a.input);
    if (invalid) {
      this.problems.push(`input "${request.prompt}" rejected "${a.input}": ${invalid}`);
      return Promise.reject(new Error('invalid input'));
    }
    return Promise.resolve(a.input);
  }

  message(level: MessageLevel, text: string, buttons: readonly string[], modal = false): Promise<string | undefined> {
    this.messages.push({ level, text, buttons, modal });
    // A question (modal) takes the next scripted answer; a notification takes one only if it is a button.
    const head = this.answers[0];
    if (head && 'button' in head && buttons.includes(head.button)) {
      this.answers.shift();
      return Promise.resolve(head.button);
    }
    if (modal) {
      this.problems.push(`question "${text}" was asked but the script has no button for it`);
    }
    return Promise.resolve(undefined);
  }

  openExternal(uri: vscode.Uri): Promise<boolean> {
    this.opened.push(uri);
    return Promise.resolve(true);
  }
}

function askedItem<T>(i: PickItem<T>): AskedItem {
  return {
    label: i.label,
    description: i.description,
    ...(i.detail !== undefined ? { detail: i.detail } : {}),
    ...(i.buttons ? { buttons: i.buttons.map((b) => b.tooltip) } : {}),
  };
}

/** Labels of a node list, as the tree shows them. */
export async function labels(api: SageMakerExtensionApi, nodes: readonly Node[]): Promise<string[]> {
  const out: string[] = [];
  for (const n of nodes) {
    const item = await api.resources.getTreeItem(n);
    out.push(typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
  }
  return out;
}

/**
 * A node's rows as VS Code gets them once its list is in: the tree answers "Loading…" while the
 * page is on its way and redraws the list when it arrives, and VS Code then asks again.
 */
export async function children(api: SageMakerExtensionApi, node?: Node): Promise<Node[]> {
  for (;;) {
    const kids = (await api.resources.getChildren(node)) ?? [];
    if (!node && kids.length === 0 && (api.services.tree.viewState === 'loading' || api.services.tree.viewState === 'ready')) {
      // The roots come once the regions are read (the view is redrawn then): a tree that is ready has roots.
      await new Promise((r) => setTimeout(r, 10));
      continue;
    }
    const loading = node && 'listing' in node && kids.some((k) => k.kind === 'loading') ? node.listing.loading : undefined;
    if (!loading) {
      return kids;
    }
    await loading;
  }
}

/** The child with this label (fails listing the labels there are). */
export async function child(api: SageMakerExtensionApi, parent: Node | undefined, label: string): Promise<Node> {
  const kids = await children(api, parent);
  const names = await labels(api, kids);
  const i = names.indexOf(label);
  assert.ok(i >= 0, `no "${label}" among ${JSON.stringify(names)}${parent ? '' : ` (the view: ${api.services.tree.viewState}${api.services.tree.viewMessage ? `, ${api.services.tree.viewMessage}` : ''})`}`);
  return kids[i];
}

/** Walks a path of labels from the root. */
export async function nodeAt(api: SageMakerExtensionApi, ...path: string[]): Promise<Node> {
  let node: Node | undefined;
  for (const label of path) {
    node = await child(api, node, label);
  }
  assert.ok(node);
  return node;
}

export async function item(api: SageMakerExtensionApi, node: Node): Promise<vscode.TreeItem> {
  return api.resources.getTreeItem(node);
}

/** A row as VS Code has it once the pointer rests on it: the item, then resolveTreeItem for the hover's details. */
export async function hovered(api: SageMakerExtensionApi, node: Node): Promise<vscode.TreeItem> {
  const shown = await api.resources.getTreeItem(node);
  const resolved = await api.resources.resolveTreeItem?.(shown, node, new vscode.CancellationTokenSource().token);
  assert.ok(resolved, 'the tree gave no item for the hover');
  return resolved;
}

/** Fetches a presigned URL like a browser would (no redirects followed) and returns the page's text. */
export async function visit(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, body: await res.text() };
}

/** A URL shown in assertion messages only in a form that cannot be used. */
export function safe(url: string): string {
  return url.replace(/([?&](?:token|authToken)=)[^&#]*/gi, '$1REDACTED');
}

/** Installs a scripted prompter for a suite and restores the real one after it. */
export function usePrompter(): { prompter: ScriptedPrompter; api: () => SageMakerExtensionApi; real: () => Prompter } {
  const prompter = new ScriptedPrompter();
  let api: SageMakerExtensionApi | undefined;
  let previous: Prompter | undefined;
  before(async () => {
    api = await extensionApi();
    previous = api.setPrompter(prompter);
  });
  after(() => {
    if (api && previous) {
      api.setPrompter(previous);
    }
  });
  beforeEach(() => prompter.clear());
  return {
    prompter,
    api: () => {
      assert.ok(api);
      return api;
    },
    /** The prompter the extension had (VS Code's own quick picks), for a test that answers them through the workbench. */
    real: () => {
      assert.ok(previous);
      return previous;
    },
  };
}
