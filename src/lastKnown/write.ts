/**
 * Writes a connection's last-known tree (./store.ts reads it): in dist/commands.js, loaded by the
 * first write, once the fresh lists show, not at activation. Through the store's queue, one write at
 * a time, each to a temporary file renamed over the old one (see ./store.ts).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES, MAX_TREES, treeFileText, type StoredTree } from './snapshot';
import { OLD_FILE, type LastKnownStore } from './store';

const TREE_FILE = /^([0-9a-f]{32})\.json$/;
/** A temporary file this old is what a crashed write left behind. */
const STALE_TMP_MS = 60_000;
/** The stores whose folder no longer holds the old single file (removed on their first write). */
const oldFileRemoved = new WeakSet<LastKnownStore>();

/** Keeps `tree` (capped) for its connection, replacing that connection's older one; keeps the MAX_TREES written last. */
export function writeTree(store: LastKnownStore, tree: StoredTree): Promise<void> {
  return store.queue(async () => {
    const file = store.fileFor(tree.key);
    const text = treeFileText(tree);
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_FILE_BYTES) {
      store.onRefused(`The last-known tree is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB (${bytes} bytes) even with its caps, so it was not written`);
      return;
    }
    await fs.promises.mkdir(store.folder, { recursive: true });
    // Unique per process and write: another window may be writing the same connection's file.
    const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.promises.writeFile(tmp, text, { mode: 0o600 });
      await fs.promises.rename(tmp, file);
    } catch (e) {
      await fs.promises.rm(tmp, { force: true });
      throw e;
    }
    await prune(store);
  }, 'Writing the last-known tree');
}

/** Removes all but the MAX_TREES trees written last, what crashed writes left, and the old single file. */
async function prune(store: LastKnownStore): Promise<void> {
  if (!oldFileRemoved.has(store)) {
    await fs.promises.rm(path.join(store.dir, OLD_FILE), { force: true });
    oldFileRemoved.add(store);
  }
  const names = await fs.promises.readdir(store.folder);
  const trees: { file: string; mtimeMs: number }[] = [];
  for (const name of names) {
    const file = path.join(store.folder, name);
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
