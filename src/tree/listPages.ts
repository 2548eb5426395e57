/**
 * A list's pages: one page fetched into a list node (concurrent callers share the request), its
 * last-known rows replaced by the fresh first page, a failure kept as the list's error or, when
 * every list would fail the same way, said once by the whole view.
 */
import { isCredentialsError } from '../errors';
import type { Log } from '../log';
import type { Session } from '../session';
import { SettingsError, readPageSize } from '../settings';
import type { ActiveFilter } from './filter';
import type { TreeGeneration } from './generation';
import type { ListNode, Node } from './nodes';

/** What fetching a page needs of the data provider. */
export interface PageHost {
  readonly session: Session;
  readonly log: Log;
  /** The whole tree's generation: an answer for an older tree changes nothing. */
  readonly generation: TreeGeneration;
  filterFor(node: ListNode): ActiveFilter;
  /** Tells VS Code that these nodes (undefined: the whole view) changed. */
  fire(nodes: Node | Node[] | undefined): void;
  /** A page of the list is in (its rows are in the tree now): for the poller and the last-known keeper. */
  pageLoaded(node: ListNode): void;
  /** Every list would fail the same way (credentials, a setting): the view says it once, with its buttons. */
  failAll(e: unknown): void;
}

/** Fetches one page into a list; concurrent callers share the same request. */
export function loadPage(host: PageHost, node: ListNode): Promise<void> {
  const listing = node.listing;
  if (listing.loading) {
    return listing.loading;
  }
  // Last-known rows are replaced by the fresh first page (their ids kept where they match).
  const replacing = listing.lastKnown !== undefined;
  const token = listing.loaded && !replacing ? listing.nextToken : undefined;
  const generation = listing.generation;
  const tree = host.generation.current;
  const p = (async () => {
    await Promise.resolve(); // so `listing.loading` is set before any outcome below
    /** The list's rows changed: VS Code is told once the page is no longer on its way. */
    let redraw = false;
    try {
      const access = host.session.access();
      const f = host.filterFor(node);
      const page = await node.fetchPage({
        access,
        signal: listing.signal,
        nextToken: token,
        pageSize: readPageSize(),
        filter: f?.serverSide ? f.text : undefined,
        changed: (nodes) => {
          if (listing.generation === generation && nodes.length > 0) {
            host.fire(nodes);
          }
        },
        redraw: (n) => host.fire(n),
        logError: (context, e) => host.log.error(context, e),
        alongside: (work) => {
          if (listing.generation === generation) {
            listing.learn(work);
          }
        },
      });
      if (listing.generation !== generation) {
        return; // reset while loading: drop the stale page
      }
      if (replacing) {
        listing.items = adoptFresh(listing.items, page.items);
        listing.lastKnown = undefined;
      } else {
        listing.append(page.items);
      }
      if (token === undefined) {
        listing.loadedAt = Date.now();
      }
      listing.nextToken = page.nextToken;
      listing.loaded = true;
      listing.error = undefined;
      redraw = true;
    } catch (e) {
      if (listing.generation !== generation || !host.generation.isCurrent(tree)) {
        return; // this list was reset, or the whole tree started over, while it loaded
      }
      listing.error = e;
      if (replacing) {
        // As without the last-known tree: the list shows its error row, not rows from before.
        listing.items = [];
        listing.lastKnown = undefined;
      }
      if (isCredentialsError(e) || e instanceof SettingsError) {
        host.failAll(e);
      } else {
        host.log.error(`Listing ${node.listName}`, e);
        redraw = true;
      }
    } finally {
      if (listing.generation === generation) {
        listing.loading = undefined;
      }
    }
    if (redraw) {
      if (listing.error === undefined) {
        host.pageLoaded(node);
      }
      host.fire(node);
    }
  })();
  listing.loading = p;
  return p;
}

/**
 * A list's fresh first page in place of its last-known rows. A list row (domain, user profile)
 * that was there keeps its node, with the fresh data (its kind's `adopt`): its own last-known
 * list (being refreshed at the same time) and its place in the view stay. Other rows are the
 * fresh nodes.
 */
function adoptFresh(before: readonly Node[], fresh: readonly Node[]): Node[] {
  const old = new Map(before.map((n) => [n.id, n]));
  return fresh.map((f) => {
    const o = old.get(f.id);
    return o && 'adopt' in o && o.adopt(f) ? o : f;
  });
}
