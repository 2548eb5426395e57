import * as vscode from 'vscode';
import { AwsError, EXPECTED, redactUrl } from './aws/index';
import type { Log } from './log';
import type { Prompter } from './prompter';
import { SettingsError } from './settings';

/** An error of ours whose message is already written for the user. */
export class UserFacingError extends Error {
  readonly expected = EXPECTED;
  /** `cause`: what went wrong underneath, for the log only. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserFacingError';
  }
}

/** True for an error that only means "the user cancelled": nothing to show. */
export function isCancellation(e: unknown): boolean {
  return (
    e instanceof vscode.CancellationError ||
    (e instanceof AwsError && e.kind === 'cancelled') ||
    (e instanceof Error && e.name === 'AbortError')
  );
}

/** AWS errors that mean "you are not signed in": the whole view says so, not one branch. */
export function isCredentialsError(e: unknown): e is AwsError {
  return e instanceof AwsError && (e.kind === 'no-credentials' || e.kind === 'sso-expired' || e.kind === 'invalid-credentials');
}

/** One sentence for the user: never a stack, never a URL token. */
export function userMessage(e: unknown): string {
  if (e instanceof AwsError) {
    return redactUrl(e.userMessage);
  }
  if (e instanceof SettingsError || e instanceof UserFacingError) {
    return redactUrl(e.message);
  }
  return 'Something unexpected went wrong. The SageMaker log has the details.';
}

/**
 * A few words for an error row's label, where the whole message does not fit: "throttled",
 * "server error (HTTP 500)", "key rejected in af-south-1". At most 30 characters (the longest
 * region name included), so the label fits a default-width side bar at any depth; the message
 * (userMessage) holds the details and the advice.
 */
export function shortReason(e: unknown): string {
  if (e instanceof SettingsError) {
    return 'invalid setting';
  }
  if (!(e instanceof AwsError)) {
    return e instanceof UserFacingError ? 'refused' : 'unexpected error';
  }
  switch (e.kind) {
    case 'throttled':
      return 'throttled';
    case 'service':
      return e.status !== undefined && e.status >= 500 ? `server error (HTTP ${e.status})` : 'unreadable answer';
    case 'timeout':
      return 'timed out';
    case 'network':
      return 'network unreachable';
    case 'access-denied':
      return 'access denied';
    case 'region-rejected':
      return `key rejected in ${e.region ?? 'this region'}`;
    case 'invalid-credentials':
      return 'credentials expired or invalid';
    case 'no-credentials':
      return 'no credentials';
    case 'sso-expired':
      return 'SSO session expired';
    case 'not-found':
      return 'not found';
    case 'validation':
      return 'request refused';
    case 'cancelled':
      return 'cancelled';
    default:
      // An error code can be any length: it is in the message and the log.
      return 'unexpected error';
  }
}

export const SHOW_LOG = 'Show Log';

/** Shows an error (./errorMessage.ts: the commands' code, loaded by the first error shown). */
export type ShowError = (log: Log, prompter: Prompter, e: unknown, retry?: () => Promise<void>, context?: string) => void;

/**
 * The one place where a command's failure becomes a message: logged in full (redacted),
 * shown once in plain words, with the error's next action as a button (./errorMessage.ts).
 */
export class ErrorReporter {
  constructor(
    private readonly log: Log,
    private readonly prompter: () => Prompter,
    private readonly show: () => ShowError,
  ) {}

  /** Wraps a command so any error it throws is reported; `retry` re-runs it with the same arguments. */
  wrap<A extends unknown[]>(name: string, fn: (...args: A) => Promise<unknown>): (...args: A) => Promise<void> {
    const run = async (...args: A): Promise<void> => {
      try {
        await fn(...args);
      } catch (e) {
        this.report(name, e, () => run(...args));
      }
    };
    return run;
  }

  /** Logs the error and shows it (not awaited: a notification stays until the user acts). */
  report(context: string, e: unknown, retry?: () => Promise<void>): void {
    if (isCancellation(e)) {
      this.log.info(`${context}: cancelled`);
      return;
    }
    this.log.error(context, e);
    let show: ShowError;
    try {
      show = this.show();
    } catch (err) {
      // The commands' file cannot load (a damaged install): the message without its buttons.
      this.log.error(`${context}: loading the error's buttons`, err);
      void this.prompter()
        .message('error', userMessage(e), [SHOW_LOG])
        .then(
          (choice) => choice === SHOW_LOG && this.log.show(),
          (shown: unknown) => this.log.error(`${context}: showing the error`, shown),
        );
      return;
    }
    show(this.log, this.prompter(), e, retry, context);
  }
}
