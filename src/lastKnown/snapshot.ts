/**
 * The last-known tree as it is kept on disk (setting `sagemaker.showLastKnownTree`): what the
 * Resources tree showed for one connection (credentials, regions, endpoint in use), so a cold open can show
 * it at once, marked as not yet refreshed, while the fresh lists load. Plain data, no vscode.
 *
 * What is kept is chosen field by field (names, IDs, ARNs, states, dates; what was expanded):
 * never a URL (a domain's or a notebook instance's Url, an artifact store URI), never a credential,
 * never the profile's name or the endpoint (the connection is known by a hash of them).
 */
import { createHash } from 'node:crypto';
import type { ConnectionInUse, SpaceApp } from '../aws/index';
import { RESOURCES, type FieldType, type RowData } from '../kinds/index';

/** 2: one file per connection (1 was one file for all, written without a lock). */
export const LAST_KNOWN_VERSION = 2;
/** Rows kept per list: the first page at its largest (MaxResults 100); a longer list keeps "Load more…". */
export const MAX_ROWS_PER_LIST = 100;
/** Rows kept per tree, lists in the order they show (so a big tree keeps its top levels). */
export const MAX_ROWS_PER_TREE = 2000;
/** Lists kept per tree (each is under an expanded node; empty ones cost no rows). */
export const MAX_LISTS_PER_TREE = 1000;
/** Expanded node ids kept per tree: a node is expanded to show a list, so no more than the lists. */
export const MAX_EXPANDED = MAX_LISTS_PER_TREE;
/** Regions kept per tree: more than AWS has. */
export const MAX_REGIONS = 64;
/**
 * Largest file read or written: a tree at every cap with realistic rows is well under 1 MiB. A
 * larger file was not written by us; reading it would block the cold open (14 MB: 3.3 s).
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Connections kept (most recently written first): switching between a few profiles keeps each one's tree. */
export const MAX_TREES = 4;
/** Longest text kept in a field or node id; anything longer is not a name or an ID. */
const MAX_TEXT = 2048;

/** A row of the tree, as data: its kind and the resource it shows (each kind's file names its own: src/kinds/). */
export type { RowData };

export type RowKind = RowData['kind'];

/** A row on disk: its kind and the kept fields (dates as ISO text). */
export interface StoredRow {
  readonly kind: RowKind;
  readonly [field: string]: unknown;
}

/** The first rows of one list that was open (expanded and loaded). */
export interface StoredList {
  readonly rows: readonly StoredRow[];
  /** The list had more rows than kept: it ends in "Load more…". */
  readonly more: boolean;
}

export interface StoredTree {
  /** connectionKey() of the profile, regions and endpoint it was shown for. */
  readonly key: string;
  /** When it was written (ms since the epoch). */
  readonly savedAt: number;
  /** The regions the tree showed (as resolved: the setting, or the profile's region). */
  readonly regions: readonly string[];
  /** Ids of the nodes that were expanded. */
  readonly expanded: readonly string[];
  /** By the id of the list node they are under, in the order the tree shows them. */
  readonly lists: Readonly<Record<string, StoredList>>;
}

/** The fields kept of a kind (its file's `stored`, src/kinds/<kind>.ts). */
export const fieldsOf = (kind: RowKind): Readonly<Record<string, readonly [FieldType, boolean]>> => RESOURCES[kind].stored;

/** Text that is an address (scheme://…): never kept, whatever field it turns up in. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

export function keptText(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT && !URL_LIKE.test(v) ? v : undefined;
}

export function keptApp(v: unknown): SpaceApp | undefined {
  if (typeof v !== 'object' || v === null) {
    return undefined;
  }
  const a = v as Record<string, unknown>;
  const appName = keptText(a.appName);
  const appType = keptText(a.appType);
  const status = keptText(a.status);
  return appName && appType && status ? { appName, appType, status } : undefined;
}

/**
 * A kind's kept fields of `source`, each checked by its type (a date by `keptDate`: it is a Date in
 * the tree, ISO text on disk); undefined when a field the row needs is missing. Reading a row back
 * and writing one (./storeRow.ts) both go through it.
 */
export function keptFields(kind: RowKind, source: Record<string, unknown>, keptDate: (v: unknown) => unknown): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [name, [type, required]] of Object.entries(fieldsOf(kind))) {
    const v = source[name];
    let kept: unknown;
    if (type === 'date') {
      kept = keptDate(v);
    } else if (type === 'app') {
      kept = keptApp(v);
    } else if (Array.isArray(type)) {
      kept = typeof v === 'string' && type.includes(v) ? v : undefined;
    } else {
      kept = keptText(v);
    }
    if (kept !== undefined) {
      out[name] = kept;
    } else if (required) {
      return undefined;
    }
  }
  return out;
}

function isRowKind(k: unknown): k is RowKind {
  return typeof k === 'string' && Object.hasOwn(RESOURCES, k);
}

/** A row read back from disk, checked field by field (the file may be old, newer or damaged); undefined: unusable. */
export function restoreRow(stored: unknown): RowData | undefined {
  if (typeof stored !== 'object' || stored === null || !isRowKind((stored as StoredRow).kind)) {
    return undefined;
  }
  const s = stored as Record<string, unknown>;
  const kind = s.kind as RowKind;
  const data = keptFields(kind, s, (v) => {
    const t = typeof v === 'string' ? new Date(v) : undefined;
    return t && !Number.isNaN(t.getTime()) ? t : undefined;
  });
  if (!data) {
    return undefined;
  }
  return { kind, data } as unknown as RowData;
}

/**
 * The key of one connection: a hash of the credentials, regions and endpoint really in use
 * (connectionInUse: `AWS_PROFILE`, the environment's keys and region count, not only the
 * settings), so the file names none of them and a tree is only ever shown for the connection it
 * was shown for, never another account's.
 */
export function connectionKey(c: ConnectionInUse): string {
  return createHash('sha256')
    .update(JSON.stringify([c.credentials, c.regions ?? [], c.environmentRegion ?? '', c.endpointUrl ?? '']))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Applies the caps: at most MAX_ROWS_PER_LIST rows per list (a cut list says `more`), at most
 * MAX_ROWS_PER_TREE rows and MAX_LISTS_PER_TREE lists in all, lists kept in the order given (the
 * tree's, top levels first); at most MAX_EXPANDED expanded ids and MAX_REGIONS regions.
 */
export function capTree(tree: StoredTree): StoredTree {
  const lists: Record<string, StoredList> = {};
  let budget = MAX_ROWS_PER_TREE;
  let count = 0;
  for (const [id, list] of Object.entries(tree.lists)) {
    if (budget <= 0 || count >= MAX_LISTS_PER_TREE) {
      break;
    }
    const n = Math.min(list.rows.length, MAX_ROWS_PER_LIST, budget);
    lists[id] = { rows: list.rows.slice(0, n), more: list.more || n < list.rows.length };
    budget -= n;
    count++;
  }
  return { ...tree, regions: tree.regions.slice(0, MAX_REGIONS), expanded: tree.expanded.slice(0, MAX_EXPANDED), lists };
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;
}

/** One tree read back, checked; rows that cannot be used are left out, a tree that cannot be used is undefined. */
function checkTree(v: unknown): StoredTree | undefined {
  if (typeof v !== 'object' || v === null) {
    return undefined;
  }
  const t = v as Partial<Record<keyof StoredTree, unknown>>;
  if (!isText(t.key) || typeof t.savedAt !== 'number' || !Number.isFinite(t.savedAt) || !Array.isArray(t.regions) || !t.regions.slice(0, MAX_REGIONS).every(isText)) {
    return undefined;
  }
  // Only as many entries are looked at as can be kept, so a long list costs no more than a short one.
  const expanded = Array.isArray(t.expanded) ? t.expanded.slice(0, MAX_EXPANDED).filter(isText) : [];
  const lists: Record<string, StoredList> = {};
  if (typeof t.lists === 'object' && t.lists !== null) {
    for (const [id, raw] of Object.entries(t.lists as Record<string, unknown>).slice(0, MAX_LISTS_PER_TREE)) {
      const l = raw as Partial<Record<keyof StoredList, unknown>> | null;
      if (isText(id) && typeof l === 'object' && l !== null && Array.isArray(l.rows)) {
        lists[id] = { rows: l.rows.slice(0, MAX_ROWS_PER_LIST).filter((r) => restoreRow(r) !== undefined) as StoredRow[], more: l.more === true || l.rows.length > MAX_ROWS_PER_LIST };
      }
    }
  }
  return capTree({ key: t.key, savedAt: t.savedAt, regions: t.regions.slice(0, MAX_REGIONS), expanded, lists });
}

/** A connection's file: its tree, capped. */
export function treeFileText(tree: StoredTree): string {
  return JSON.stringify({ version: LAST_KNOWN_VERSION, tree: capTree(tree) });
}

/**
 * A connection's file read back, tolerantly: anything it cannot use (another version, damage,
 * another connection's tree) counts as nothing kept.
 */
export function parseTreeFile(text: string | undefined, key: string): StoredTree | undefined {
  if (!text) {
    return undefined;
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  const f = v as { version?: unknown; tree?: unknown } | null;
  if (typeof f !== 'object' || f === null || f.version !== LAST_KNOWN_VERSION) {
    return undefined;
  }
  const tree = checkTree(f.tree);
  return tree?.key === key ? tree : undefined;
}
