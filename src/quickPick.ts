/**
 * The quick pick behind the prompter's pick and pickMany (src/prompter.ts): it fills in page by
 * page, offers "Load more…", and updates items in place. In dist/commands.js: only commands pick.
 */
import * as vscode from 'vscode';
import { LOAD_MORE_LABEL, type PickItem, type PickRequest, type PickUpdates } from './prompter';
import { replaceById } from './replaceById';

type Button<T> = vscode.QuickInputButton & { value: T };
type Item<T> = vscode.QuickPickItem & { value: T; buttons?: Button<T>[]; id?: string; loadMore?: true };

function toItem<T>(p: PickItem<T>): Item<T> {
  const buttons = p.buttons?.map((b) => ({ iconPath: b.iconPath, tooltip: b.tooltip, value: b.value }));
  return { id: p.id, label: p.label, description: p.description, detail: p.detail, iconPath: p.iconPath, picked: p.picked, value: p.value, buttons };
}

/** Shows a quick pick that fills in page by page and is busy until the last page; hiding it cancels loading. */
export function showPick<T>(request: PickRequest<T>, many: boolean): Promise<T[] | undefined> {
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

