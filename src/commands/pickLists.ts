/**
 * The palette's picks over the tree's lists: a pick offers the rows of a list as the tree shows
 * them (each kind's own treeItem()), page by page with "Load more…" as the tree does. A list the
 * tree has loaded and fresh (ResourceTreeProvider.isKnown) is offered as it is, with no call, and
 * its next page is loaded into the tree's list itself; any other list is read for the pick alone,
 * a page at a time with the kind's own listing, and stops when the pick closes.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../context';
import type { PickItem, PickUpdates } from '../prompter';
import { readPageSize } from '../settings';
import type { FetchContext, ListNode, Node } from '../tree/nodes';

/** Which of a list's rows a pick offers, and how a page of them is read when the tree's list is not used. */
export interface PickList {
  /** The list (the tree's node when the tree has it: a row picked from it is the tree's row). */
  readonly list: ListNode;
  /** The rows of the list this pick offers (the MLflow group holds two kinds); default: all. */
  readonly accepts?: (n: Node) => boolean;
  /** A page of the rows for this pick alone; default: the list's own fetchPage. */
  readonly fetch?: (ctx: FetchContext) => Promise<{ items: Node[]; nextToken?: string }>;
}

/** What a space whose state could not be read says once the pick has loaded. */
export const STATE_NOT_READ = 'state not read (see the log)';

/** A row as the tree draws it, as a pick item (its id names it across updates). */
export function pickItemOf(n: Node, settled = false): PickItem<Node> {
  const item = n.treeItem();
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? n.id);
  let description = typeof item.description === 'string' ? item.description : undefined;
  if (settled && n.kind === 'space' && n.space.appState === 'Unknown' && description) {
    // Its state call failed (logged): no longer "checking…" once nothing more is on its way.
    description = description.replace(/checking…$/, STATE_NOT_READ);
  }
  return { id: n.id, label, description, value: n, iconPath: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined };
}

/**
 * The rows of `source` for a pick: the tree's when it knows them, else read for this pick. Rows
 * redrawn in the tree while the pick is open (states filling in, the poller) are redrawn in the
 * pick; a tree refresh leaves the pick as it is (its next page is then read for the pick alone).
 * `settled`: called once what came alongside the rows shown is in (a domain's sign-in mode);
 * `alongside`: where that work is put, for a caller that needs it after the pick.
 */
export function listRows(
  s: ExtensionServices,
  source: PickList,
  options: { readonly settled?: (updates: PickUpdates<Node>) => void; readonly alongside?: Promise<void>[] } = {},
): (signal: AbortSignal, updates: PickUpdates<Node>) => AsyncIterable<PickItem<Node>[]> {
  const { settled } = options;
  return async function* (signal, updates) {
    const { list } = source;
    const accepts = source.accepts ?? (() => true);
    const shown = new Map<string, Node>();
    const redraw = (nodes: readonly Node[]): void => {
      const mine = nodes.filter((n) => shown.get(n.id) === n);
      if (mine.length > 0 && !signal.aborted) {
        updates.replace(mine.map((n) => pickItemOf(n)));
      }
    };
    const following = s.tree.onDidChangeTreeData((e) => redraw(e === undefined ? [] : Array.isArray(e) ? e : [e]));
    /** Work alongside the pages read for this pick (the caller may wait for it too). */
    const alongside = options.alongside ?? [];
    const read = async (nextToken: string | undefined): Promise<{ items: Node[]; nextToken?: string }> => {
      const ctx: FetchContext = {
        access: s.session.access(),
        signal,
        nextToken,
        pageSize: readPageSize(),
        changed: redraw,
        // The row's new data is in the node; the tree draws it when it next draws that row.
        redraw: () => undefined,
        logError: (context, e) => s.log.error(context, e),
        alongside: (work) => alongside.push(work.then(nothing, nothing)),
      };
      return (source.fetch ?? ((c: FetchContext) => list.fetchPage(c)))(ctx);
    };
    try {
      const listing = list.listing;
      let fromTree = s.tree.isKnown(list);
      const generation = listing.generation;
      let page = fromTree ? { items: listing.items, nextToken: listing.nextToken } : await read(undefined);
      for (;;) {
        const rows = page.items.filter((n) => accepts(n) && !shown.has(n.id));
        rows.forEach((n) => shown.set(n.id, n));
        yield rows.map((n) => pickItemOf(n));
        await Promise.all([...alongside, ...(fromTree ? listing.alongside : [])]);
        if (signal.aborted) {
          return;
        }
        const unknown = [...shown.values()].filter((n) => n.kind === 'space' && n.space.appState === 'Unknown');
        if (unknown.length > 0) {
          updates.replace(unknown.map((n) => pickItemOf(n, true)));
        }
        settled?.(updates);
        const token = page.nextToken;
        if (!token || !(await updates.more()) || signal.aborted) {
          return;
        }
        // The tree's list, still as it was shown: its next page goes into the tree (shown there too).
        fromTree &&= listing.generation === generation && listing.nextToken === token && s.tree.isKnown(list);
        if (fromTree) {
          const before = listing.items.length;
          await s.tree.loadMore(list);
          if (listing.error !== undefined && listing.generation === generation) {
            throw listing.error instanceof Error ? listing.error : new Error(`Listing ${list.listName} failed`, { cause: listing.error });
          }
          fromTree = listing.generation === generation;
          if (fromTree) {
            page = { items: listing.items.slice(before), nextToken: listing.nextToken };
            continue;
          }
        }
        // Refreshed (or filtered) meanwhile: the page after the ones shown, for the pick alone.
        page = await read(token);
      }
    } finally {
      following.dispose();
    }
  };
}

function nothing(): void {}
