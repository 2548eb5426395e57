/** What every node shares: the paged listing of a list node and what fetching a page needs. */
import type * as vscode from 'vscode';
import type { Page, SageMakerAccess } from '../aws/index';
import type { RowData } from '../lastKnown/snapshot';
import type { NameFilter } from './filter';
import type { CopyFields, UrlTarget } from './target';

/**
 * Every kind of node, by its `kind`: each node module adds its class here (declaration merging, at
 * the end of the module), so the tree's `Node` union is named here without this module importing
 * the node modules, and no node module imports the others for their types (no import cycle).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the node modules
export interface TreeNodeKinds {}

/** Any node of the tree. */
export type Node = TreeNodeKinds[keyof TreeNodeKinds];

/** The kinds of node whose children are a paged list (a group, a domain, a user profile): added to as TreeNodeKinds is. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the node modules
export interface ListNodeKinds {}

/** A node whose children are a paged list. */
export type ListNode = ListNodeKinds[keyof ListNodeKinds];

/** How long a list loaded in this window is fresh: the palette's picks start from it rather than list again. */
export const FRESH_MS = 5 * 60_000;

/** What a list node has fetched so far: items of the pages loaded, the next token, or the error. */
export class Listing {
  items: Node[] = [];
  nextToken?: string;
  loaded = false;
  error?: unknown;
  loading?: Promise<void>;
  /** When its first page came in, in this window (never set for last-known rows). */
  loadedAt?: number;
  /** What is learned alongside its pages (a domain's sign-in mode, spaces' app states); none until there is some (thousands of lists are never loaded). */
  private learning?: Promise<void>[];
  /** Bumped by reset, so a page that arrives after a reset is dropped. */
  generation = 0;
  /** Aborted by reset: the calls made for the rows being dropped (a page, app states filling in) stop. */
  private work = new AbortController();
  /**
   * Set while the items are the last-known tree's (read from disk on a cold open, not yet
   * refreshed): when they were written, and whether the list had more rows than kept.
   */
  lastKnown?: { readonly savedAt: number; readonly more: boolean };

  /**
   * Adds a page's items, leaving out any already listed: a list that changes between pages can
   * repeat an item, and two rows with one TreeItem id break the view.
   */
  append(items: readonly Node[]): void {
    const seen = new Set(this.items.map((n) => n.id));
    for (const n of items) {
      if (!seen.has(n.id)) {
        seen.add(n.id);
        this.items.push(n);
      }
    }
  }

  /** Loaded in this window within FRESH_MS, without error: what it shows can be offered as it is. */
  isFresh(now = Date.now()): boolean {
    return this.loaded && this.error === undefined && this.lastKnown === undefined && this.loadedAt !== undefined && now - this.loadedAt <= FRESH_MS;
  }

  /** Ends when the listing is reset (a refresh, a filter, the tree starting over). */
  get signal(): AbortSignal {
    return this.work.signal;
  }

  reset(): void {
    this.work.abort();
    this.work = new AbortController();
    this.generation++;
    this.lastKnown = undefined;
    this.items = [];
    this.nextToken = undefined;
    this.loaded = false;
    this.error = undefined;
    this.loading = undefined;
    this.loadedAt = undefined;
    this.learning = undefined;
  }

  /** Work alongside its pages: each settles, never rejects. */
  get alongside(): readonly Promise<void>[] {
    return this.learning ?? [];
  }

  /** Work done alongside a page of this list, for whoever waits for what it learns. */
  learn(work: Promise<unknown>): void {
    (this.learning ??= []).push(work.then(settled, settled));
  }
}

export interface FetchContext {
  readonly access: SageMakerAccess;
  /** Aborted when the list is reset: pass it to every call made for this page. */
  readonly signal: AbortSignal;
  readonly nextToken?: string;
  /** MaxResults of one page (setting sagemaker.pageSize). */
  readonly pageSize: number;
  /**
   * The view's name filter, set only when it applies to this list and the list's NameFilter has a
   * `serverParam`: pass it to that parameter.
   */
  readonly filter?: string;
  /** Rows of this list changed after the page came back (app states filling in): one redraw. */
  readonly changed: (nodes: Node[]) => void;
  /** Redraws a node whose data changed after its page came back (e.g. a domain described alongside). */
  redraw(node: Node): void;
  /** Records a failure of work done alongside the page (the page itself is not affected). */
  logError(context: string, e: unknown): void;
  /** Work done alongside the page whose outcome a reader may wait for (a domain's sign-in mode, app states). */
  alongside(work: Promise<unknown>): void;
}

/**
 * A row whose state can be passing (Pending, Starting, Stopping, Updating, Deleting...): while
 * it is, the poller (poller.ts) reads it again until it settles, with a backoff, while the view
 * is visible. A node kind takes part by implementing this.
 */
export interface Transitional {
  /** True while the state is passing: it will change by itself. */
  readonly transitional: boolean;
  /** The same for every row showing one resource (a shared space shows under each profile): read once for all. */
  readonly stateKey: string;
  /**
   * Reads the resource again, with one API call where the API allows (a Describe, a ListApps of
   * one space...), and returns how to bring any row with this stateKey up to date.
   */
  readState(access: SageMakerAccess, signal: AbortSignal): Promise<(row: Node) => void>;
}

/** What is newly known of one resource, for every row showing it (a shared space shows under each profile). */
export interface RowUpdate {
  /** The rows' `stateKey`. */
  readonly key: string;
  apply(row: Node): void;
}

/** A row of a resource: what the last-known tree keeps of it. */
export interface KeptRow {
  stored(): RowData;
}

/** A row that opens nothing (a domain) but has an ID and ARN to copy; other rows' come from their target. */
export interface CopyableRow {
  copyFields(): CopyFields;
}

/** A row a presigned URL is made for (Open, Copy URL, links, Open Recent). */
export interface OpenableRow {
  target(): UrlTarget;
}

/** A row showing the resource of a target that is started and stopped: takes a fresh copy of it (a start, a stop, a Describe). */
export interface TargetRow {
  /** Takes what `t` says when `t` is this row's resource; false (nothing taken) otherwise. */
  takeTarget(t: UrlTarget): boolean;
}

/** A list whose rows the last-known tree keeps: the node a kept row becomes under it (undefined: not one of its rows). */
export interface RestoringList {
  keptChild(row: RowData): Node | undefined;
}

/** A row that Refresh on it reads otherwise than the poller does (else Refresh reads its state as the poller does). */
export interface Rereadable {
  /** Reads the resource again (one call) and says what changed. */
  reread(access: SageMakerAccess): Promise<RowUpdate>;
}

/** A row whose hover needs a call first (asked once, when the pointer rests on it). */
export interface HoverDetails {
  hoverDetails(access: SageMakerAccess, logError: (context: string, e: unknown) => void, logInfo?: (line: string) => void): Promise<void>;
}

/** Applies an update to a row when it is the row's resource (same stateKey); whether it was. */
export function takeUpdate(row: Node & Transitional, u: RowUpdate): boolean {
  if (row.stateKey !== u.key) {
    return false;
  }
  u.apply(row);
  return true;
}

export function isTransitional(n: unknown): n is Transitional {
  return typeof n === 'object' && n !== null && 'stateKey' in n && typeof (n as Partial<Transitional>).readState === 'function';
}

export interface BaseNode {
  readonly id: string;
  readonly parent?: ListNode | TreeNodeKinds['region'];
  treeItem(): vscode.TreeItem;
  /**
   * Details for the hover, given by the provider's resolveTreeItem rather than with the row:
   * VS Code parses a markdown tooltip as soon as it gets the item, on the way to the row's paint.
   */
  tooltip?(): vscode.MarkdownString;
}

/** A node whose children come from the service, one page at a time. */
export interface ListNodeBase extends BaseNode {
  readonly listing: Listing;
  /** What the list is, for messages: "domains", "notebook instances"... */
  readonly listName: string;
  /** How the view's name filter applies to this list; none: it is not filtered. */
  readonly nameFilter?: NameFilter;
  fetchPage(ctx: FetchContext): Promise<{ items: Node[]; nextToken?: string }>;
}

/** A page of the service's items as child nodes. */
export function map<T>(page: Page<T>, make: (t: T) => Node): { items: Node[]; nextToken?: string } {
  return { items: page.items.map(make), nextToken: page.nextToken };
}

function settled(): void {}
