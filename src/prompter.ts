import * as vscode from 'vscode';
import { replaceById } from './replaceById';

/** One choice in a quick pick: what the user reads (name, description) and what it stands for. */
export interface PickItem<T> {
  /** Names the item across updates (see PickUpdates.replace); unique within one pick. */
  readonly id?: string;
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly iconPath?: vscode.ThemeIcon;
  readonly picked?: boolean;
  readonly value: T;
  /** Buttons on the item: triggering one ends the pick with the button's value instead of the item's. */
  readonly buttons?: readonly PickButton<T>[];
}

export interface PickButton<T> {
  readonly iconPath: vscode.ThemeIcon;
  readonly tooltip: string;
  readonly value: T;
}

/** What a loader may change in items it has already given, while the pick stays open. */
export interface PickUpdates<T> {
  /**
   * Puts these items in place of the shown ones with the same `id` (an id not shown yet is
   * ignored): the user's typed filter and active item stay as they are.
   */
  replace(items: readonly PickItem<T>[]): void;
  /** A new placeholder, e.g. once something the question depends on is known. */
  placeholder(text: string): void;
  /**
   * The list has more pages: ends the items with "Load more…" (the pick stops being busy) and
   * resolves true when the user accepts it (the pick stays open, busy again, for the next page),
   * false when the pick closes first.
   */
  more(): Promise<boolean>;
}

/** The label of the item that loads a pick's next page, as the tree's row says it. */
export const LOAD_MORE_LABEL = 'Load more…';

/**
 * Items known up front, or pages of items fetched while the pick shows its busy state (busy until
 * the iterable ends; it may replace items it gave before it ends). `signal` aborts when the pick
 * closes, whichever way.
 */
export type PickSource<T> =
  | readonly PickItem<T>[]
  | ((signal: AbortSignal, updates: PickUpdates<T>) => AsyncIterable<readonly PickItem<T>[]>);

export interface PickRequest<T> {
  readonly title: string;
  readonly placeholder: string;
  readonly items: PickSource<T>;
}

export interface InputRequest {
  readonly title: string;
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly password?: boolean;
  /** Returns a message for an invalid value, undefined for a valid one. */
  readonly validate?: (value: string) => string | undefined;
}

export type MessageLevel = 'info' | 'warning' | 'error';

/**
 * Everything a command asks the user, in one small interface. The extension uses the VS Code
 * implementation below; the extension-host tests install one that answers from a script, so a
 * palette flow is driven through exactly the same code path with the same items.
 */
export interface Prompter {
  pick<T>(request: PickRequest<T>): Promise<T | undefined>;
  pickMany<T>(request: PickRequest<T>): Promise<T[] | undefined>;
  input(request: InputRequest): Promise<string | undefined>;
  /** Shows a notification (modal asks a question) and resolves to the button chosen, if any. */
  message(level: MessageLevel, text: string, buttons: readonly string[], modal?: boolean): Promise<string | undefined>;
  /** Opens a URL in the user's browser. */
  openExternal(uri: vscode.Uri): Promise<boolean>;
}

type Button<T> = vscode.QuickInputButton & { value: T };
type Item<T> = vscode.QuickPickItem & { value: T; buttons?: Button<T>[]; id?: string; loadMore?: true };

function toItem<T>(p: PickItem<T>): Item<T> {
  const buttons = p.buttons?.map((b) => ({ iconPath: b.iconPath, tooltip: b.tooltip, value: b.value }));
  return { id: p.id, label: p.label, description: p.description, detail: p.detail, iconPath: p.iconPath, picked: p.picked, value: p.value, buttons };
}

/** Shows a quick pick that fills in page by page and is busy until the last page; hiding it cancels loading. */
function showPick<T>(request: PickRequest<T>, many: boolean): Promise<T[] | undefined> {
  const qp = vscode.window.createQuickPick<Item<T>>();
  qp.title = request.title;
  qp.placeholder = request.placeholder;
  qp.canSelectMany = many;
  qp.matchOnDescription = true;
  qp.ignoreFocusOut = false;
  const abort = new AbortController();
  return new Promise<T[] | undefined>((resolve, reject) => {
    let done = false;
    const finish = (value: T[] | undefined, error?: unknown): void => {
      if (done) {
        return;
      }
      done = true;
      abort.abort();
      withdraw(false);
      qp.dispose();
      if (error !== undefined) {
        reject(error instanceof Error ? error : new Error('The list could not be loaded.', { cause: error }));
      } else {
        resolve(value);
      }
    };
    /** While the list offers its next page: the "Load more…" item and what accepting it answers. */
    let offered: { item: Item<T>; answer: (more: boolean) => void } | undefined;
    let loadedMore = false;
    const withdraw = (more: boolean): void => {
      if (offered) {
        const { item, answer } = offered;
        offered = undefined;
        qp.items = qp.items.filter((i) => i !== item);
        answer(more);
      }
    };
    qp.onDidAccept(() => {
      if (!many && offered && qp.activeItems[0] === offered.item) {
        qp.busy = true;
        loadedMore = true;
        withdraw(true);
        return;
      }
      const chosen = many ? qp.selectedItems : qp.activeItems.slice(0, 1);
      if (!many && chosen.length === 0) {
        return;
      }
      finish(chosen.map((i) => i.value));
    });
    qp.onDidTriggerItemButton((e) => finish([(e.button as Button<T>).value]));
    qp.onDidHide(() => finish(undefined));
    qp.show();
    if (typeof request.items !== 'function') {
      qp.items = request.items.map(toItem);
      if (many) {
        qp.selectedItems = qp.items.filter((i) => i.picked);
      }
      return;
    }
    const load = request.items;
    qp.busy = true;
    // Items replaced while the user reads keep their place in the list.
    qp.keepScrollPosition = true;
    const updates: PickUpdates<T> = {
      replace(items) {
        if (done) {
          return;
        }
        const next = replaceById(qp.items, items.map(toItem));
        if (!next) {
          return;
        }
        // The same item stays active (by id); the typed filter (qp.value) is not touched.
        const active = new Set(qp.activeItems);
        const activeIds = new Set(qp.activeItems.map((i) => i.id).filter((id) => id !== undefined));
        const kept = (was: Set<Item<T>>, ids: Set<string | undefined>) => next.filter((i) => was.has(i) || (i.id !== undefined && ids.has(i.id)));
        const selected = new Set(qp.selectedItems);
        const selectedIds = new Set(qp.selectedItems.map((i) => i.id).filter((id) => id !== undefined));
        qp.items = next;
        if (many) {
          qp.selectedItems = kept(selected, selectedIds);
        }
        qp.activeItems = kept(active, activeIds);
      },
      placeholder(text) {
        if (!done) {
          qp.placeholder = text;
        }
      },
      more() {
        if (done) {
          return Promise.resolve(false);
        }
        withdraw(false);
        return new Promise<boolean>((answer) => {
          const item = { label: LOAD_MORE_LABEL, iconPath: new vscode.ThemeIcon('ellipsis'), alwaysShow: true, loadMore: true, value: undefined as T } satisfies Item<T>;
          offered = { item, answer };
          qp.items = [...qp.items, item];
          qp.busy = false;
        });
      },
    };
    void (async () => {
      try {
        for await (const page of load(abort.signal, updates)) {
          if (done) {
            return;
          }
          const active = qp.activeItems;
          const added = page.map(toItem);
          qp.items = [...qp.items, ...added];
          // After "Load more…", the page's first item takes its place; else the same item stays active.
          qp.activeItems = loadedMore && added.length ? added.slice(0, 1) : active.length ? active : qp.items.slice(0, 1);
          loadedMore = false;
        }
        if (done) {
          return; // closed while the loader finished its work (a space pick's states)
        }
        qp.busy = false;
        if (qp.items.length === 0) {
          qp.placeholder = `${qp.placeholder ?? request.placeholder} (none found)`;
        }
      } catch (e) {
        finish(undefined, e);
      }
    })();
  });
}

export const vscodePrompter: Prompter = {
  async pick<T>(request: PickRequest<T>): Promise<T | undefined> {
    const r = await showPick(request, false);
    return r?.[0];
  },
  pickMany<T>(request: PickRequest<T>): Promise<T[] | undefined> {
    return showPick(request, true);
  },
  async input(request: InputRequest): Promise<string | undefined> {
    return vscode.window.showInputBox({
      title: request.title,
      prompt: request.prompt,
      value: request.value,
      placeHolder: request.placeholder,
      password: request.password,
      ignoreFocusOut: true,
      validateInput: request.validate,
    });
  },
  async message(level: MessageLevel, text: string, buttons: readonly string[], modal = false): Promise<string | undefined> {
    const show =
      level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(text, { modal }, ...buttons);
  },
  async openExternal(uri: vscode.Uri): Promise<boolean> {
    return vscode.env.openExternal(uri);
  },
};
