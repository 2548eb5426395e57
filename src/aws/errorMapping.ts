/**
 * toAwsError(): any failure of a call (SDK, credential provider, network, abort) as an AwsError
 * (./errors.ts) with a specific message and the next action. Used by the access layer only, so it
 * is in dist/sdk.js, loaded with the calls.
 */
import { ssoLoginCommand, ssoLoginWords } from './cliShell';
import { AwsError, fieldOf, type NextAction } from './errors';
import { credentialsInUse, quotedName } from './inUse';
import { redactUrl } from './redact';

/** What was being done when the error happened, to make the message specific. */
export interface ErrorContext {
  operation?: string;
  profile?: string;
  region?: string;
}

/** Refusals of the keys that AWS also gives for a region the account has not enabled. */
const regionRejectedNames = new Set(['UnrecognizedClientException', 'InvalidSignatureException', 'InvalidClientTokenId', 'SignatureDoesNotMatch']);
const invalidKeyNames = new Set([
  ...regionRejectedNames,
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'InvalidAccessKeyId',
  'RequestExpired',
]);
const throttleNames = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);
const serviceNames = new Set(['InternalFailure', 'InternalServerError', 'InternalServerException', 'ServiceUnavailable', 'ServiceUnavailableException']);
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function statusOf(e: unknown): number | undefined {
  const meta = fieldOf(e, '$metadata');
  const s = fieldOf(meta, 'httpStatusCode');
  return typeof s === 'number' ? s : undefined;
}

function requestIdOf(e: unknown): string | undefined {
  return str(fieldOf(fieldOf(e, '$metadata'), 'requestId'));
}

/** The first line of a message, without anything that looks like a stack. */
function plain(message: string | undefined): string {
  if (!message) {
    return '';
  }
  const first = message.split('\n')[0].trim();
  return redactUrl(first.length > 400 ? `${first.slice(0, 400)}…` : first);
}

/** The credentials really tried: with no profile named, AWS_PROFILE's or the environment's keys. */
function profileLabel(ctx: ErrorContext): string {
  const c = credentialsInUse(ctx.profile);
  switch (c.origin) {
    case 'setting':
      return `profile "${c.profile}"`;
    case 'AWS_PROFILE':
      return `profile ${quotedName(c.profile ?? '')} of AWS_PROFILE`;
    case 'environment keys':
      return 'the keys in AWS_ACCESS_KEY_ID';
    default:
      return 'the default credential chain';
  }
}

/** Maps any error (SDK, credential provider, network, abort) to an AwsError. AwsErrors pass through. */
export function toAwsError(err: unknown, ctx: ErrorContext = {}): AwsError {
  if (err instanceof AwsError) {
    return err;
  }
  const name = str(fieldOf(err, 'name')) ?? str(fieldOf(err, 'Code')) ?? '';
  const code = str(fieldOf(err, 'code')) ?? '';
  const message = plain(str(fieldOf(err, 'message')) ?? (typeof err === 'string' ? err : undefined));
  const status = statusOf(err);
  const op = ctx.operation;
  const opts = { operation: op, cause: err, region: ctx.region, code: name || code || undefined, status, requestId: requestIdOf(err) };
  const selectProfile: NextAction = { label: 'Select AWS Profile', kind: 'select-profile' };
  const retry: NextAction = { label: 'Retry', kind: 'retry' };

  if (name === 'AbortError' || code === 'ABORT_ERR') {
    return new AwsError('cancelled', 'The request was cancelled.', opts);
  }
  const ssoLike = /\bsso\b/i.test(message) || /sso/i.test(name) || name === 'TokenProviderError';
  if (ssoLike && /expired|refresh|invalid|sso login/i.test(message)) {
    const profile = ctx.profile || process.env.AWS_PROFILE || 'default';
    let command: string;
    let words: string[];
    try {
      words = ssoLoginWords(profile);
      command = ssoLoginCommand(profile);
    } catch (e) {
      // AWS_PROFILE comes from the environment unchecked: never put it into a terminal as it is.
      return new AwsError('sso-expired', `The AWS SSO session has expired. ${(e as Error).message} Sign in again from a terminal.`, opts);
    }
    return new AwsError('sso-expired', `The AWS SSO session for profile "${profile}" has expired. Sign in again with: ${command}`, {
      ...opts,
      action: { label: 'Sign in with AWS SSO', terminalCommand: words },
    });
  }
  if (name === 'CredentialsProviderError' || name === 'ProviderError' || /could not load credentials|credential/i.test(name)) {
    return new AwsError(
      'no-credentials',
      `No AWS credentials could be loaded from ${profileLabel(ctx)}${message ? `: ${message}` : '.'}`,
      { ...opts, action: selectProfile },
    );
  }
  // "Signature expired" is the clock, and an expired token the keys: both hold in every region.
  if (regionRejectedNames.has(name) && !/expired/i.test(message)) {
    const where = ctx.region ? `in ${ctx.region}` : 'in this region';
    return new AwsError(
      'region-rejected',
      `SageMaker ${where} did not accept the credentials from ${profileLabel(ctx)} (${name}). The region may not be enabled for your AWS account (opt-in regions such as af-south-1 must be enabled first), or the endpoint is for another region; otherwise the keys are wrong.`,
      { ...opts, action: { label: 'Select Regions', kind: 'select-regions' } },
    );
  }
  if (invalidKeyNames.has(name)) {
    const why = /expired/i.test(name) || /expired/i.test(message) ? 'have expired' : 'were not accepted';
    return new AwsError('invalid-credentials', `The AWS credentials from ${profileLabel(ctx)} ${why} (${name}). Refresh them or choose another profile.`, {
      ...opts,
      action: selectProfile,
    });
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || status === 403) {
    // The Price List API's actions are pricing:*, not sagemaker:*.
    const action = op ? `${op === 'GetProducts' ? 'pricing' : 'sagemaker'}:${op}` : 'the SageMaker action';
    return new AwsError('access-denied', `Access denied: your AWS identity is not allowed to call ${action}. Ask your administrator to allow ${action}.`, opts);
  }
  // DescribeNotebookInstance and friends answer a missing name with ValidationException "RecordNotFound".
  const recordNotFound = name === 'ValidationException' && /RecordNotFound|could not find|does not exist/i.test(message);
  if (name === 'ResourceNotFound' || name === 'ResourceNotFoundException' || status === 404 || recordNotFound) {
    const what = recordNotFound || !message ? 'The SageMaker resource was not found; it may have been deleted.' : `Not found: ${message}`;
    return new AwsError('not-found', what, { ...opts, action: retry });
  }
  if (throttleNames.has(name) || status === 429) {
    return new AwsError('throttled', 'SageMaker is throttling requests (rate exceeded), even after retries. Wait a moment and retry.', {
      ...opts,
      action: retry,
    });
  }
  // Checked before timeouts: the SDK names a dropped connection (ECONNRESET, socket hang up) TimeoutError.
  if (networkCodes.has(code) || /socket hang up|ECONNREFUSED|ECONNRESET|getaddrinfo/i.test(message)) {
    return new AwsError('network', `Could not reach SageMaker${ctx.region ? ` in ${ctx.region}` : ''} (${code || 'connection failed'}). Check your network, proxy and endpoint URL.`, {
      ...opts,
      action: retry,
    });
  }
  if (name === 'TimeoutError' || code === 'ETIMEDOUT' || name === 'RequestTimeout' || name === 'RequestTimeoutException') {
    return new AwsError('timeout', `SageMaker did not answer in time${ctx.region ? ` in ${ctx.region}` : ''}. Check your network and retry.`, {
      ...opts,
      action: retry,
    });
  }
  if (name === 'ValidationException' || name === 'ValidationError' || name === 'ResourceInUse' || name === 'ResourceLimitExceeded') {
    return new AwsError('validation', message || `SageMaker refused the request (${name}).`, opts);
  }
  // A server error first: a proxy's or load balancer's 500/503 page is not JSON either.
  if ((status !== undefined && status >= 500) || serviceNames.has(name) || fieldOf(err, '$fault') === 'server') {
    const what = [status !== undefined ? `HTTP ${status}` : undefined, name && name !== 'SyntaxError' && name !== 'Error' ? name : undefined].filter(Boolean).join(' ');
    return new AwsError('service', `SageMaker${ctx.region ? ` in ${ctx.region}` : ''} answered with a server error${what ? ` (${what})` : ''}. Retry in a moment.`, { ...opts, action: retry });
  }
  if (name === 'SyntaxError' || /Deserialization error/i.test(str(fieldOf(err, 'message')) ?? '')) {
    return new AwsError('service', 'SageMaker sent an answer that could not be read. Retry in a moment.', { ...opts, action: retry });
  }
  const label = name && name !== 'Error' ? `${name}: ` : '';
  return new AwsError('unknown', `${label}${message || 'An unexpected error occurred while calling SageMaker.'}`, opts);
}
