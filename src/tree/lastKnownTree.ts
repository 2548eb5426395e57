/**
 * The Resources tree from its last-known form (src/lastKnown/snapshot.ts; ./lastKnownSnapshot.ts
 * makes it): which lists were open and their first rows. A restored list is marked
 * (Listing.lastKnown) until the provider has its fresh first page. Reads and writes nothing itself; never touches the AWS layer.
 */
import { restoreRow, type RowData, type StoredTree } from '../lastKnown/snapshot';
import { isListNode, type ListNode, type Node } from './nodes';
import { viewRoots } from './region';

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
