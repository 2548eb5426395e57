/**
 * The Resources tree to and from its last-known form (src/lastKnown/snapshot.ts): which lists were
 * open and their first rows. A restored list is marked (Listing.lastKnown) until the provider has
 * its fresh first page. Reads and writes nothing itself; never touches the AWS layer.
 */
import { restoreRow, storeRow, type RowData, type StoredList, type StoredRow, type StoredTree } from '../lastKnown/snapshot';
import { isListNode, type ListNode, type Node, type RegionNode } from './nodes';
import { viewRoots } from './region';

/** A row as data, as its kind keeps it; undefined for rows that are not a resource. */
function rowOf(n: Node): RowData | undefined {
  return 'stored' in n ? n.stored() : undefined;
}

/** The node a kept row becomes under `list` (its kind says); undefined when it does not belong there (kind or region). */
function childOf(list: ListNode, row: RowData): Node | undefined {
  return row.data.region === list.region ? list.keptChild(row) : undefined;
}

/**
 * The roots of a kept tree, its open lists filled with their kept rows and marked last-known.
 * The groups follow today's `sagemaker.resourceTypes`; a group not kept loads as usual.
 */
export function restoreTree(stored: StoredTree): Node[] {
  const roots = viewRoots(stored.regions);
  const expanded = new Set(stored.expanded);
  const fill = (list: ListNode): void => {
    list.expanded = expanded.has(list.id);
    const kept = stored.lists[list.id];
    if (!list.expanded || !kept) {
      return;
    }
    const items: Node[] = [];
    for (const r of kept.rows) {
      const data = restoreRow(r);
      const child = data && childOf(list, data);
      if (child) {
        items.push(child);
      }
    }
    list.listing.items = items;
    list.listing.loaded = true;
    list.listing.lastKnown = { savedAt: stored.savedAt, more: kept.more };
    items.filter(isListNode).forEach(fill);
  };
  for (const r of roots) {
    if (r.kind === 'region') {
      r.expanded = expanded.has(r.id);
      if (r.expanded) {
        r.groups.forEach(fill);
      }
    } else {
      fill(r);
    }
  }
  return roots;
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
