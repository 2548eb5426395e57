import * as vscode from 'vscode';

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

/** Shows a quick pick (./quickPick.ts): the chosen items, or undefined when it was closed. */
export type ShowPick = <T>(request: PickRequest<T>, many: boolean) => Promise<T[] | undefined>;

/**
 * How commands ask the user in VS Code. The quick pick's code (./quickPick.ts, with its paging)
 * comes from `quickPick` when a pick is first shown: only commands show picks, so it is theirs
 * (dist/commands.js), while the messages the tree's errors show stay cheap.
 */
export function createVscodePrompter(quickPick: () => ShowPick): Prompter {
  return {
    async pick<T>(request: PickRequest<T>): Promise<T | undefined> {
      const r = await quickPick()(request, false);
      return r?.[0];
    },
    async pickMany<T>(request: PickRequest<T>): Promise<T[] | undefined> {
      return quickPick()(request, true);
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
}
