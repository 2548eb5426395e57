/**
 * The last-known trees on disk: one small JSON file in the extension's global storage (not
 * globalState: a file survives a new browser profile in code-server, and the benchmark can remove
 * it). Read synchronously on a cold open (a few KiB, well under a millisecond), written in the
 * background, one write at a time, through a temporary file so a crash leaves the old one whole.
 * Plain Node: no vscode, no AWS SDK.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findTree, parseFile, putTree, type StoredTree } from './snapshot';

export const LAST_KNOWN_FILE = 'last-known-tree.json';

export class LastKnownStore {
  private writing: Promise<void> = Promise.resolve();

  /** `dir`: the extension's global storage folder (created on the first write). */
  constructor(
    readonly dir: string,
    private readonly onError: (context: string, e: unknown) => void,
  ) {}

  get file(): string {
    return path.join(this.dir, LAST_KNOWN_FILE);
  }

  /** The tree kept for this connection; undefined when there is none or the file cannot be read. */
  read(key: string): StoredTree | undefined {
    let text: string | undefined;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.onError('Reading the last-known tree', e);
      }
      return undefined;
    }
    return findTree(parseFile(text), key);
  }

  /** Keeps `tree` for its connection (replacing that connection's older one). */
  write(tree: StoredTree): Promise<void> {
    return this.queue(async () => {
      const current = await fs.promises.readFile(this.file, 'utf8').catch(() => undefined);
      const text = JSON.stringify(putTree(parseFile(current), tree));
      await fs.promises.mkdir(this.dir, { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, text, { mode: 0o600 });
      await fs.promises.rename(tmp, this.file);
    }, 'Writing the last-known tree');
  }

  /** Forgets every kept tree (the setting was turned off). */
  clear(): Promise<void> {
    return this.queue(async () => {
      await fs.promises.rm(this.file, { force: true });
    }, 'Removing the last-known tree');
  }

  /** Resolves when every write asked for so far is done (tests, the benchmark). */
  idle(): Promise<void> {
    return this.writing;
  }

  private queue(work: () => Promise<void>, context: string): Promise<void> {
    this.writing = this.writing.then(work).catch((e: unknown) => this.onError(context, e));
    return this.writing;
  }
}
