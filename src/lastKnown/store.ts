/**
 * The last-known trees on disk: one small JSON file per connection in a folder of the extension's
 * global storage (not globalState: a file survives a new browser profile in code-server, and the
 * benchmark can remove it). A file is read synchronously on a cold open, and only if it is under
 * MAX_FILE_BYTES (a few hundred KiB at most when we wrote it). Writes are in the background, one at
 * a time, each through a temporary file renamed over the old one: a crash leaves the old one whole,
 * and two windows writing at once replace only their own connection's file, so neither loses the
 * other's tree (one shared file, read and rewritten by each, lost one in 6 of 20 such races).
 * Plain Node: no vscode, no AWS SDK.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES, MAX_TREES, parseTreeFile, treeFileText, type StoredTree } from './snapshot';

/** The folder of the kept trees, one `<connection key>.json` each. */
export const LAST_KNOWN_DIR = 'last-known-trees';
/** The single file of earlier builds: never read, removed on the first write or clear. */
const OLD_FILE = 'last-known-tree.json';
/** connectionKey(): hex, so it is a safe file name. */
const KEY = /^[0-9a-f]{32}$/;
const TREE_FILE = /^([0-9a-f]{32})\.json$/;
/** A temporary file this old is what a crashed write left behind. */
const STALE_TMP_MS = 60_000;

export class LastKnownStore {
  private writing: Promise<void> = Promise.resolve();
  private oldFileRemoved = false;

  /**
   * `dir`: the extension's global storage folder (the trees' folder is created on the first write).
   * `onError`: a failure to read or write (logged with its details). `onRefused`: a one-line note
   * that a file was too large to read or write.
   */
  constructor(
    readonly dir: string,
    private readonly onError: (context: string, e: unknown) => void,
    private readonly onRefused: (line: string) => void = () => undefined,
  ) {}

  /** The folder holding every kept tree. */
  get folder(): string {
    return path.join(this.dir, LAST_KNOWN_DIR);
  }

  /** The file of one connection's tree. */
  fileFor(key: string): string {
    if (!KEY.test(key)) {
      throw new Error(`Not a connection key: ${key.slice(0, 40)}`);
    }
    return path.join(this.folder, `${key}.json`);
  }

  /** The tree kept for this connection; undefined when there is none, or its file is too large or cannot be read. */
  read(key: string): StoredTree | undefined {
    if (!KEY.test(key)) {
      return undefined;
    }
    const file = this.fileFor(key);
    let fd: number | undefined;
    try {
      fd = fs.openSync(file, 'r');
      // The size of the file opened (a rename may put another in its place meanwhile: not this one).
      const size = fs.fstatSync(fd).size;
      if (size > MAX_FILE_BYTES) {
        this.onRefused(`The last-known tree file ${path.basename(file)} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB (${size} bytes), so it was not read; the tree starts without it`);
        return undefined;
      }
      const buffer = Buffer.alloc(size);
      let read = 0;
      while (read < size) {
        const n = fs.readSync(fd, buffer, read, size - read, read);
        if (n === 0) {
          break;
        }
        read += n;
      }
      return parseTreeFile(buffer.toString('utf8', 0, read), key);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.onError('Reading the last-known tree', e);
      }
      return undefined;
    } finally {
      if (fd !== undefined) {
        fs.closeSync(fd);
      }
    }
  }

  /** Keeps `tree` (capped) for its connection, replacing that connection's older one; keeps the MAX_TREES written last. */
  write(tree: StoredTree): Promise<void> {
    return this.queue(async () => {
      const file = this.fileFor(tree.key);
      const text = treeFileText(tree);
      const bytes = Buffer.byteLength(text);
      if (bytes > MAX_FILE_BYTES) {
        this.onRefused(`The last-known tree is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB (${bytes} bytes) even with its caps, so it was not written`);
        return;
      }
      await fs.promises.mkdir(this.folder, { recursive: true });
      // Unique per process and write: another window may be writing the same connection's file.
      const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
      try {
        await fs.promises.writeFile(tmp, text, { mode: 0o600 });
        await fs.promises.rename(tmp, file);
      } catch (e) {
        await fs.promises.rm(tmp, { force: true });
        throw e;
      }
      await this.prune();
    }, 'Writing the last-known tree');
  }

  /** Forgets every kept tree (the setting was turned off). */
  clear(): Promise<void> {
    return this.queue(async () => {
      await fs.promises.rm(this.folder, { recursive: true, force: true });
      await fs.promises.rm(path.join(this.dir, OLD_FILE), { force: true });
    }, 'Removing the last-known tree');
  }

  /** Resolves when every write asked for so far is done (tests, the benchmark). */
  idle(): Promise<void> {
    return this.writing;
  }

  /** Removes all but the MAX_TREES trees written last, what crashed writes left, and the old single file. */
  private async prune(): Promise<void> {
    if (!this.oldFileRemoved) {
      await fs.promises.rm(path.join(this.dir, OLD_FILE), { force: true });
      this.oldFileRemoved = true;
    }
    const names = await fs.promises.readdir(this.folder);
    const trees: { file: string; mtimeMs: number }[] = [];
    for (const name of names) {
      const file = path.join(this.folder, name);
      // Another window may remove or replace a file while this one looks: gone is fine.
      const stat = await fs.promises.stat(file).catch(() => undefined);
      if (!stat) {
        continue;
      }
      if (TREE_FILE.test(name)) {
        trees.push({ file, mtimeMs: stat.mtimeMs });
      } else if (name.endsWith('.tmp') && Date.now() - stat.mtimeMs > STALE_TMP_MS) {
        await fs.promises.rm(file, { force: true });
      }
    }
    trees.sort((a, b) => b.mtimeMs - a.mtimeMs || a.file.localeCompare(b.file));
    for (const old of trees.slice(MAX_TREES)) {
      await fs.promises.rm(old.file, { force: true });
    }
  }

  private queue(work: () => Promise<void>, context: string): Promise<void> {
    this.writing = this.writing.then(work).catch((e: unknown) => this.onError(context, e));
    return this.writing;
  }
}
