/**
 * Every failure of the AWS access layer becomes one AwsError: a kind the UI can branch on, a plain
 * message for the user (never a stack, never a URL token) and, where there is one, the next action.
 * The mapping of SDK, credential and network errors to it is ./errorMapping.ts (toAwsError), with
 * the calls in dist/sdk.js; this module is what the VS Code layer needs at once.
 */
import { redactUrl } from './redact';

export type AwsErrorKind =
  | 'no-credentials'
  | 'sso-expired'
  | 'invalid-credentials'
  // The keys were refused in one region (UnrecognizedClientException, InvalidSignatureException):
  // AWS answers so for an opt-in region the account has not enabled, or an endpoint of another region.
  | 'region-rejected'
  | 'access-denied'
  | 'not-found'
  | 'validation'
  | 'throttled'
  | 'timeout'
  | 'network'
  | 'cancelled'
  | 'service'
  | 'unknown';

export interface NextAction {
  label: string;
  /**
   * The words of a command to run in a terminal, e.g. aws sso login --profile X: quoted there, for
   * the terminal's own shell.
   */
  terminalCommand?: readonly string[];
  /** Or a hint the UI maps to a command. */
  kind?: 'select-profile' | 'select-regions' | 'open-settings' | 'retry';
}

/**
 * `userMessage` (also `message`) is redacted and fit to show. `cause` is the raw error, which may
 * quote a presigned URL: log it only through `errorLogText`.
 */
export class AwsError extends Error {
  override readonly name = 'AwsError';
  readonly kind: AwsErrorKind;
  readonly userMessage: string;
  readonly action?: NextAction;
  readonly operation?: string;
  /** Where and what AWS answered, for the one log line of an expected failure. */
  readonly region?: string;
  readonly code?: string;
  readonly status?: number;
  readonly requestId?: string;
  override readonly cause?: unknown;

  constructor(
    kind: AwsErrorKind,
    userMessage: string,
    opts: { action?: NextAction; operation?: string; cause?: unknown; region?: string; code?: string; status?: number; requestId?: string } = {},
  ) {
    const safe = redactUrl(userMessage);
    super(safe);
    this.kind = kind;
    this.userMessage = safe;
    this.action = opts.action;
    this.operation = opts.operation;
    this.cause = opts.cause;
    this.region = opts.region;
    this.code = opts.code;
    this.status = opts.status;
    this.requestId = opts.requestId;
  }
}

/** Reads a member of an unknown error, if it is an object. */
export function fieldOf(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined;
}

/**
 * True when AWS (or the network, or the user) is the cause: an answer of the service, a
 * refused or expired credential, a timeout. Those are logged in one line; anything else may be a
 * bug of ours and is logged with its stack.
 */
export function isExpectedAwsFailure(e: unknown): e is AwsError {
  if (!(e instanceof AwsError)) {
    return false;
  }
  return e.kind !== 'unknown' || fieldOf(e.cause, '$metadata') !== undefined;
}

/** One line for an expected AWS failure: operation, region, error code, HTTP status, request id and the message. */
export function errorLogLine(e: AwsError): string {
  const parts = [
    e.operation ?? 'request',
    e.region,
    e.code ? `${e.code}` : undefined,
    e.status !== undefined ? `HTTP ${e.status}` : undefined,
    e.requestId ? `request id ${e.requestId}` : undefined,
  ].filter((p): p is string => p !== undefined);
  return redactUrl(`${parts.join(' ')} [${e.kind}]: ${e.userMessage}`);
}

/**
 * Marks an error class of ours whose errors are expected (a setting out of range, a refused value,
 * a message already written for the user): `readonly expected = EXPECTED`. Its message says it all,
 * so it is logged in one line. A registered symbol: the bundles' copies of a class agree on it.
 */
export const EXPECTED = Symbol.for('sagemaker-environments.expected-failure');

/** An expected failure: one AWS answered or refused (isExpectedAwsFailure), or one of ours marked EXPECTED. */
export function isExpectedFailure(e: unknown): e is Error {
  return isExpectedAwsFailure(e) || (e instanceof Error && fieldOf(e, 'expected') === EXPECTED);
}

/**
 * Everything worth logging about an error, for the log channel. An expected failure is one line
 * (errorLogLine for AWS's; name and message for ours, with its cause's line when that is expected
 * too); anything else, a bug of ours, gets kind, message and the name, message and stack of each
 * cause, with every URL token redacted.
 */
export function errorLogText(err: unknown): string {
  if (isExpectedAwsFailure(err)) {
    return errorLogLine(err);
  }
  if (isExpectedFailure(err)) {
    const cause = fieldOf(err, 'cause');
    if (cause === undefined || isExpectedFailure(cause)) {
      const line = `${err.name}: ${err.message}${cause === undefined ? '' : ` (cause: ${errorLogText(cause)})`}`;
      return redactUrl(line.replace(/[\r\n]+/g, ' '));
    }
  }
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    if (e instanceof AwsError) {
      parts.push(`AwsError[${e.kind}${e.operation ? ` ${e.operation}` : ''}]: ${e.userMessage}`);
    } else if (e instanceof Error) {
      parts.push(e.stack ?? `${e.name}: ${e.message}`);
    } else {
      parts.push(typeof e === 'string' ? e : (JSON.stringify(e) ?? typeof e));
    }
    e = fieldOf(e, 'cause');
  }
  return redactUrl(parts.join('\nCaused by: '));
}

/**
 * True for CreatePresignedDomainUrl refused because the domain signs in through IAM Identity
 * Center ("... can only be called when the authentication mode equals IAM").
 */
export function isSsoDomainRefusal(e: unknown): boolean {
  return (
    e instanceof AwsError &&
    e.kind === 'validation' &&
    e.operation === 'CreatePresignedDomainUrl' &&
    /authentication mode|AuthMode/i.test(e.userMessage)
  );
}
