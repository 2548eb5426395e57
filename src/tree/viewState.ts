/** What the view shows when it has no tree (its welcome content), and why. */
import * as vscode from 'vscode';
import { AwsError } from '../aws/index';
import { isCredentialsError, userMessage } from '../errors';
import { SettingsError } from '../settings';

/** What the view shows when it has no tree: drives `viewsWelcome` through the `sagemaker.viewState` context key. */
export type ViewState = 'loading' | 'ready' | 'noCredentials' | 'ssoExpired' | 'invalidSettings' | 'error' | 'empty';

/** A change of the view's state; `error` is what put it there, to be reported once. */
export interface ViewStateChange {
  readonly state: ViewState;
  readonly error?: unknown;
}

/** The view's state and what it is about, in words; a change is heard once. */
export class ViewStateHolder implements vscode.Disposable {
  private current: ViewState = 'loading';
  private text?: string;
  private readonly listeners = new vscode.EventEmitter<ViewStateChange>();
  readonly onDidChange = this.listeners.event;

  get state(): ViewState {
    return this.current;
  }

  /** What the view's state is about, in words (the welcome content is generic). */
  get message(): string | undefined {
    return this.text;
  }

  set(state: ViewState, message?: string, error?: unknown): void {
    const changed = this.current !== state || this.text !== message;
    this.current = state;
    this.text = message;
    if (changed) {
      this.listeners.fire({ state, error });
    }
  }

  /** The whole view cannot show a tree: its welcome content takes over; the error is reported once by the listener. */
  fail(e: unknown): void {
    if (e instanceof SettingsError) {
      this.set('invalidSettings', userMessage(e), e);
    } else if (e instanceof AwsError && e.kind === 'sso-expired') {
      this.set('ssoExpired', userMessage(e), e);
    } else if (isCredentialsError(e)) {
      this.set('noCredentials', userMessage(e), e);
    } else {
      this.set('error', userMessage(e), e);
    }
  }

  dispose(): void {
    this.listeners.dispose();
  }
}
