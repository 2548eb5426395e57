import type * as vscode from 'vscode';
import type { InputRequest, MessageLevel, PickItem, PickRequest, Prompter } from '../../../src/prompter';

/** Chooses an item of a quick pick by what the user reads (label, description). */
export type Chooser = (item: Pick<PickItem<unknown>, 'label' | 'description'>) => boolean;

/** Closes the pick (Escape) as soon as its first items show: for figures that end there. */
export const CLOSE_WHEN_SHOWN: Chooser = () => true;

/**
 * The user of the palette flows, as the benchmark models them: the commands ask through the
 * extension's own Prompter interface, and this one answers each quick pick as soon as the item
 * the user wants has appeared (a user who types its name and presses Enter), so the pick stops
 * loading further pages just as the real quick pick does when it is accepted.
 */
export class BenchPrompter implements Prompter {
  private choosers: Chooser[] = [];
  readonly opened: vscode.Uri[] = [];
  readonly errors: string[] = [];

  /** Answers each question (a modal message) with the button it returns; unset, a question is an error. */
  private answer: ((buttons: readonly string[]) => string | undefined) | undefined;

  answerQuestions(answer: ((buttons: readonly string[]) => string | undefined) | undefined): void {
    this.answer = answer;
  }

  script(...choosers: Chooser[]): this {
    this.choosers.push(...choosers);
    return this;
  }

  /** Throws if a command reported an error or left a scripted answer unused. */
  check(what: string): void {
    const problems = [...this.errors, ...(this.choosers.length ? [`${this.choosers.length} scripted pick(s) not asked`] : [])];
    this.errors.length = 0;
    this.choosers = [];
    if (problems.length) {
      throw new Error(`${what}: ${problems.join('; ')}`);
    }
  }

  async pick<T>(request: PickRequest<T>): Promise<T | undefined> {
    const choose = this.choosers.shift();
    if (!choose) {
      this.errors.push(`unexpected pick "${request.title}"`);
      return undefined;
    }
    if (typeof request.items !== 'function') {
      return request.items.find(choose)?.value;
    }
    const abort = new AbortController();
    // Items the loader updates in place (a space's state) are read as first shown: this user does not wait.
    // A list with more pages ends in "Load more…": accepted while the item is not shown yet.
    const ignore = { replace: () => undefined, placeholder: () => undefined, more: () => Promise.resolve(!abort.signal.aborted) };
    try {
      for await (const page of request.items(abort.signal, ignore)) {
        if (choose === CLOSE_WHEN_SHOWN) {
          return undefined;
        }
        const found = page.find(choose);
        if (found) {
          return found.value; // leaving the loop ends the page generator: no further page is asked for
        }
      }
    } finally {
      abort.abort();
    }
    this.errors.push(`pick "${request.title}": the item was not in any page`);
    return undefined;
  }

  pickMany<T>(request: PickRequest<T>): Promise<T[] | undefined> {
    this.errors.push(`unexpected multiple pick "${request.title}"`);
    return Promise.resolve(undefined);
  }

  input(request: InputRequest): Promise<string | undefined> {
    this.errors.push(`unexpected input "${request.prompt}"`);
    return Promise.resolve(undefined);
  }

  message(level: MessageLevel, text: string, buttons: readonly string[], modal = false): Promise<string | undefined> {
    if (modal && level !== 'error' && this.answer) {
      return Promise.resolve(this.answer(buttons));
    }
    if (level === 'error' || modal) {
      this.errors.push(`${level}${modal ? ' question' : ''}: ${text}`);
    }
    return Promise.resolve(undefined);
  }

  openExternal(uri: vscode.Uri): Promise<boolean> {
    this.opened.push(uri);
    return Promise.resolve(true);
  }
}
