/**
 * What a loaded list shows: its items (filtered when the service cannot filter it), then one row
 * for its state: its error, "Load more…", or that it is empty. Each of those rows is one object for
 * as long as the list lives, so an id always names one element.
 */
import { nameMatches, type ActiveFilter } from './filter';
import { isListNode, EmptyNode, ErrorNode, LoadingNode, LoadMoreNode, type ListNode, type Node } from './nodes';

/** The rows of a list that are not its items. */
export interface ListRows {
  readonly loading: LoadingNode;
  readonly loadMore: LoadMoreNode;
  error?: ErrorNode;
  empty?: EmptyNode;
}

/** Each list's extra rows, for as long as the list lives. */
export class ListRowsCache {
  private readonly rows = new WeakMap<ListNode, ListRows>();

  of(node: ListNode): ListRows {
    let rows = this.rows.get(node);
    if (!rows) {
      rows = { loading: new LoadingNode(node), loadMore: new LoadMoreNode(node) };
      this.rows.set(node, rows);
    }
    return rows;
  }
}

/** The rows of a loaded list (or one that failed); `empty` when it shows no item. */
export function loadedChildren(node: ListNode, rows: ListRows, f: ActiveFilter): { children: Node[]; empty: boolean } {
  const listing = node.listing;
  // A list the service cannot filter by name: the filter applies to the rows loaded.
  const local = f && !f.serverSide ? f.text : undefined;
  const children: Node[] = local === undefined ? [...listing.items] : listing.items.filter((n) => nameMatches(labelOf(n), local));
  if (listing.error !== undefined) {
    if (rows.error?.error !== listing.error) {
      rows.error = new ErrorNode(node, listing.error);
    }
    children.push(rows.error);
  } else if (listing.nextToken || listing.lastKnown?.more) {
    children.push(rows.loadMore);
  } else if (children.length === 0) {
    const filtered = f ? (f.serverSide ? 'server' : 'loaded') : false;
    if (rows.empty?.filtered !== filtered) {
      rows.empty = new EmptyNode(node, filtered);
    }
    children.push(rows.empty);
    return { children, empty: true };
  }
  return { children, empty: false };
}

/**
 * A one-region view (its roots are the groups) in which every group is loaded, fresh and empty:
 * what the welcome content says instead of the tree. Undefined otherwise.
 */
export function emptyAccountMessage(roots: readonly Node[]): string | undefined {
  if (roots.length === 0 || !roots.every((n) => n.kind === 'group')) {
    return undefined;
  }
  const groups = roots.filter((n) => n.kind === 'group');
  if (groups.some((g) => g.listing.lastKnown)) {
    return undefined; // said when the fresh lists are in
  }
  if (!groups.every((g) => g.listing.loaded && g.listing.items.length === 0 && !g.listing.nextToken && g.listing.error === undefined)) {
    return undefined;
  }
  const names = groups.map((g) => g.listName);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')}${names.length > 2 ? ',' : ''} or ${names[names.length - 1]}` : names[0];
  return `No SageMaker ${list} in ${groups[0].region}.`;
}

/** Every node under `roots` (the loaded part): regions' groups, lists' rows. */
export function* nodesUnder(roots: readonly Node[]): Generator<Node> {
  const stack: Node[] = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    if (n.kind === 'region') {
      stack.push(...n.groups);
    } else if (isListNode(n)) {
      stack.push(...n.listing.items);
    }
  }
}

/** The label a row shows (what a filter of the loaded rows matches). */
function labelOf(n: Node): string {
  const label = n.treeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}
