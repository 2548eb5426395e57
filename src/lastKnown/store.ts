/**
 * The last-known trees on disk: one small JSON file per connection in a folder of the extension's
 * global storage (not globalState: a file survives a new browser profile in code-server, and the
 * benchmark can remove it). A file is read synchronously on a cold open, and only if it is under
 * MAX_FILE_BYTES (a few hundred KiB at most when we wrote it). Writes are in the background, one at
 * a time, each through a temporary file renamed over the old one: a crash leaves the old one whole,
 * and two windows writing at once replace only their own connection's file, so neither loses the
 * other's tree (one shared file, read and rewritten by each, lost one in 6 of 20 such races).
 * Writing is ./write.ts (in dist/commands.js, loaded by the first write). Plain Node: no vscode,
 * no AWS SDK.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES, parseTreeFile, type StoredTree } from './snapshot';

/** The folder of the kept trees, one `<connection key>.json` each. */
export const LAST_KNOWN_DIR = 'last-known-trees';
/** The single file of earlier builds: never read, removed on the first write or clear. */
export const OLD_FILE = 'last-known-tree.json';
/** connectionKey(): hex, so it is a safe file name. */
const KEY = /^[0-9a-f]{32}$/;

export class LastKnownStore {
  private writing: Promise<void> = Promise.resolve();

  /**
   * `dir`: the extension's global storage folder (the trees' folder is created on the first write).
   * `onError`: a failure to read or write (logged with its details). `onRefused`: a one-line note
   * that a file was too large to read or write.
   */
  constructor(
    readonly dir: string,
    private readonly onError: (context: string, e: unknown) => void,
    readonly onRefused: (line: string) => void = () => undefined,
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

  /** Runs `work` after every write or removal asked for before (./write.ts too); a failure goes to onError. */
  queue(work: () => Promise<void>, context: string): Promise<void> {
    this.writing = this.writing.then(work).catch((e: unknown) => this.onError(context, e));
    return this.writing;
  }
}
