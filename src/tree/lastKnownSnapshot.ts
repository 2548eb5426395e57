/**
 * The Resources tree to its last-known form (src/lastKnown/snapshot.ts), to be written: in
 * dist/commands.js, loaded by the first write (the provider's lastKnownSnapshot), not at activation.
 * Reads and writes nothing itself; never touches the AWS layer.
 */
import type { RowData, StoredList, StoredRow, StoredTree } from '../lastKnown/snapshot';
import { storeRow } from '../lastKnown/storeRow';
import { isListNode, type ListNode, type Node, type RegionNode } from './nodes';

/** A row as data, as its kind keeps it; undefined for rows that are not a resource. */
function rowOf(n: Node): RowData | undefined {
  return 'stored' in n ? n.stored() : undefined;
}

/**
 * What the tree shows now, as a last-known tree: the lists that are open, loaded and fresh (a
 * failed list, or one still showing last-known rows, is left out), top levels first.
 */
export function snapshotTree(roots: readonly Node[], key: string, savedAt: number, isOpen: (n: RegionNode | ListNode) => boolean): StoredTree | undefined {
  const regions: string[] = [];
  const expanded: string[] = [];
  const lists: Record<string, StoredList> = {};
  const queue: ListNode[] = [];
  for (const r of roots) {
    if (r.kind === 'region') {
      regions.push(r.region);
      if (isOpen(r)) {
        expanded.push(r.id);
        queue.push(...r.groups);
      }
    } else if (r.kind === 'group') {
      if (!regions.includes(r.region)) {
        regions.push(r.region);
      }
      queue.push(r);
    }
  }
  if (regions.length === 0) {
    return undefined;
  }
  while (queue.length) {
    const list = queue.shift()!;
    const l = list.listing;
    if (!isOpen(list) || !l.loaded || l.error !== undefined || l.lastKnown) {
      continue;
    }
    expanded.push(list.id);
    const rows: StoredRow[] = [];
    for (const n of l.items) {
      const data = rowOf(n);
      const stored = data && storeRow(data);
      if (stored) {
        rows.push(stored);
      }
    }
    lists[list.id] = { rows, more: !!l.nextToken };
    queue.push(...l.items.filter(isListNode));
  }
  return { key, savedAt, regions, expanded, lists };
}
