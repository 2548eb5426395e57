/**
 * Keeps the last-known tree (setting `sagemaker.showLastKnownTree`): gives the tree the one kept
 * for the connection the settings name, and writes what the tree shows once its fresh lists are
 * on screen and it has been still for SAVE_DELAY_MS (never on the way to the first rows).
 * Turning the setting off removes what was kept and keeps nothing more.
 */
import type * as vscode from 'vscode';
import { connectionInUse } from '../aws/index';
import type { Log } from '../log';
import { readAwsSettings, showLastKnownTree } from '../settings';
import { connectionKey, type StoredTree } from './snapshot';
import type { LastKnownStore } from './store';
import type { writeTree } from './write';

/** Quiet time after the last change before the tree is written (pages, states, expanding). */
export const SAVE_DELAY_MS = 1500;

/** Where the last-known tree comes from (the tree provider): its snapshot, and when it changes. */
export interface KeptTree {
  /** What to keep now; undefined when nothing should be kept now. */
  lastKnownSnapshot(): StoredTree | undefined;
  readonly onDidChangeTreeData: vscode.Event<unknown>;
  readonly onDidLoadPage: vscode.Event<unknown>;
}

/** What the tree provider reads the last-known tree through (the extension wires the store and the setting). */
export interface LastKnownSource {
  /** The key of the connection the settings name now (throws SettingsError for a bad setting). */
  key(): string;
  /** The tree kept for that connection; undefined when none is kept or the setting is off. */
  read(key: string): StoredTree | undefined;
}

export class LastKnownKeeper implements vscode.Disposable {
  private timer?: NodeJS.Timeout;
  private tree?: KeptTree;
  /** The last tree written, without its time: an unchanged tree is not written again. */
  private written?: string;
  /** The quiet time: a test holds a change back by making it longer than the test (a machine's load cannot then decide it). */
  quietMs = SAVE_DELAY_MS;

  constructor(
    readonly store: LastKnownStore,
    private readonly log: Log,
    /** ./write.ts's: the commands' code (dist/commands.js), loaded by the first write. */
    private readonly write: typeof writeTree,
  ) {}

  /** For the tree provider: the key of the current connection and its kept tree (none when the setting is off). */
  readonly source: LastKnownSource = {
    // The connection really in use: with the profile setting empty, AWS_PROFILE or the environment's keys.
    key: () => connectionKey(connectionInUse(readAwsSettings())),
    read: (key) => (showLastKnownTree() ? this.store.read(key) : undefined),
  };

  /** Follows the tree's changes; with the setting off, removes anything kept (it may have been turned off while VS Code was closed). */
  attach(tree: KeptTree): vscode.Disposable[] {
    this.tree = tree;
    if (!showLastKnownTree()) {
      void this.store.clear();
    }
    return [tree.onDidChangeTreeData(() => this.schedule()), tree.onDidLoadPage(() => this.schedule())];
  }

  /** Something the tree shows changed (a page, a state, a node expanded or collapsed): write it when things are still. */
  schedule(): void {
    if (!showLastKnownTree()) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), this.quietMs);
  }

  /** The setting changed: turned off, what was kept is removed now. */
  async settingChanged(): Promise<void> {
    if (showLastKnownTree()) {
      this.log.info('Last-known tree on: the tree is kept from now on');
      this.schedule();
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.written = undefined;
    await this.store.clear();
    this.log.info('Last-known tree off: nothing is kept, what was kept is removed');
  }

  /** Writes the tree now if it can be kept (tests and the benchmark call it through `flush`). */
  async save(): Promise<void> {
    this.timer = undefined;
    const tree = this.tree?.lastKnownSnapshot();
    if (!tree || !showLastKnownTree()) {
      return;
    }
    const same = sameTree(tree);
    if (same === this.written) {
      return;
    }
    this.written = same;
    await this.write(this.store, tree);
  }

  /** Writes now what would be written after the quiet time, and waits for every write. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      await this.save();
    }
    await this.store.idle();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

function sameTree(t: StoredTree): string {
  return JSON.stringify({ ...t, savedAt: 0 });
}
