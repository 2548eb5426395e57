import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SageMakerExtensionApi } from '../../src/extension';
import type { InputRequest, MessageLevel, PickItem, PickRequest, Prompter } from '../../src/prompter';
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

async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emulatorUrl()}/__emulator${path}`, {
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
  }) => admin('POST', '/faults', f),
  clearFaults: () => admin('DELETE', '/faults'),
  reset: () => admin('POST', '/reset'),
  resetCalls: () => admin('DELETE', '/calls'),
  /** SageMaker calls received per operation. */
  calls: async (): Promise<Record<string, number>> => ((await admin('GET', '/calls')) as { byOperation: Record<string, number> }).byOperation,
  /** What each presigned URL granted, newest last (no tokens). */
  grants: async (): Promise<Grant[]> => ((await admin('GET', '/presigned')) as { grants: Grant[] }).grants,
};

/** A grant as the admin path sends it (JSON: its dates would arrive as strings, so they are left out). */
export type Grant = Omit<PresignedGrant, 'createdAt' | 'expiresAt' | 'sessionExpiresAt'>;

export async function callCount(operation: string): Promise<number> {
  return (await emulator.calls())[operation] ?? 0;
}

/** Sets a user setting (the scope connection settings live in) and lets the extension react. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('sagemaker').update(key, value, vscode.ConfigurationTarget.Global);
  await new Promise((r) => setTimeout(r, 50));
}

export async function resetSettings(): Promise<void> {
  const c = vscode.workspace.getConfiguration('sagemaker');
  for (const key of ['profile', 'presignedUrl.expiresInSeconds', 'presignedUrl.sessionExpirationDurationInSeconds', 'presignedUrl.landingUri', 'clearClipboardOnExpiry', 'pageSize']) {
    await c.update(key, undefined, vscode.ConfigurationTarget.Global);
  }
  await c.update('endpointUrl', emulatorUrl(), vscode.ConfigurationTarget.Global);
  await c.update('regions', ['us-east-1'], vscode.ConfigurationTarget.Global);
}

export interface ShownMessage {
  level: MessageLevel;
  text: string;
  buttons: readonly string[];
  modal: boolean;
}

export interface AskedPick {
  title: string;
  items: { label: string; description?: string }[];
}

type Answer = { pick: string } | { pickMany: string[] } | { input: string } | { button: string } | { cancel: true };

/**
 * A Prompter that answers from a script, through the same code paths as the VS Code one: pick
 * questions get the real items (loaded page by page from the emulator) and must contain the
 * scripted label; every question and message is recorded for the test to check.
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

  get errors(): ShownMessage[] {
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

  private async items<T>(request: PickRequest<T>): Promise<PickItem<T>[]> {
    if (typeof request.items !== 'function') {
      return [...request.items];
    }
    const all: PickItem<T>[] = [];
    for await (const page of request.items(new AbortController().signal)) {
      all.push(...page);
    }
    return all;
  }

  async pick<T>(request: PickRequest<T>): Promise<T | undefined> {
    const items = await this.items(request);
    this.picks.push({ title: request.title, items: items.map((i) => ({ label: i.label, description: i.description })) });
    const a = this.next('pick', request.title);
    if ('cancel' in a) {
      return undefined;
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
    const items = await this.items(request);
    this.picks.push({ title: request.title, items: items.map((i) => ({ label: i.label, description: i.description })) });
    const a = this.next('pickMany', request.title);
    if ('cancel' in a) {
      return undefined;
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

/** Labels of a node list, as the tree shows them. */
export async function labels(api: SageMakerExtensionApi, nodes: readonly Node[]): Promise<string[]> {
  const out: string[] = [];
  for (const n of nodes) {
    const item = await api.resources.getTreeItem(n);
    out.push(typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
  }
  return out;
}

export async function children(api: SageMakerExtensionApi, node?: Node): Promise<Node[]> {
  return ((await api.resources.getChildren(node)) ?? []);
}

/** The child with this label (fails listing the labels there are). */
export async function child(api: SageMakerExtensionApi, parent: Node | undefined, label: string): Promise<Node> {
  const kids = await children(api, parent);
  const names = await labels(api, kids);
  const i = names.indexOf(label);
  assert.ok(i >= 0, `no "${label}" among ${JSON.stringify(names)}`);
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
export function usePrompter(): { prompter: ScriptedPrompter; api: () => SageMakerExtensionApi } {
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
  };
}
