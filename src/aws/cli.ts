/** "Copy as AWS CLI Command": the `aws sagemaker create-presigned-...` line equivalent to a request. */
import type { AwsSettings, DomainUrlRequest, NotebookUrlRequest } from './types';
import { LIMITS, validateProfileName } from './validation';
import { effectiveUserProfile } from './ownership';

const safeWord = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one word for a POSIX shell: bare when it only holds safe characters, else in single quotes. */
export function shellQuote(word: string): string {
  if (safeWord.test(word)) {
    return word;
  }
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function toCliCommand(
  kind: 'domain' | 'notebook',
  region: string,
  request: DomainUrlRequest | NotebookUrlRequest,
  settings: AwsSettings,
): string {
  const args: string[] = ['aws', 'sagemaker'];
  if (kind === 'domain') {
    const r = request as DomainUrlRequest;
    args.push('create-presigned-domain-url', '--domain-id', r.domainId, '--user-profile-name', effectiveUserProfile(r));
    if (r.spaceName !== undefined && r.spaceName !== '') {
      args.push('--space-name', r.spaceName);
    }
    if (r.landingUri !== undefined && r.landingUri !== '') {
      args.push('--landing-uri', r.landingUri);
    }
    args.push('--expires-in-seconds', String(r.expiresInSeconds ?? LIMITS.expiresInSeconds.max));
  } else {
    const r = request as NotebookUrlRequest;
    args.push('create-presigned-notebook-instance-url', '--notebook-instance-name', r.notebookInstanceName);
  }
  args.push(
    '--session-expiration-duration-in-seconds',
    String(request.sessionExpirationDurationInSeconds ?? LIMITS.sessionExpirationDurationInSeconds.max),
  );
  if (settings.profile) {
    args.push('--profile', settings.profile);
  }
  args.push('--region', region);
  if (settings.endpointUrl) {
    args.push('--endpoint-url', settings.endpointUrl);
  }
  return args.map(shellQuote).join(' ');
}

/**
 * `aws sso login --profile NAME`, the one way this extension builds it: the name checked against
 * the characters the AWS CLI allows (throws an Error saying which) and quoted for the shell.
 */
export function ssoLoginCommand(profile: string): string {
  const problem = validateProfileName(profile);
  if (problem !== undefined) {
    throw new Error(`The profile name cannot be passed to aws sso login: ${problem}`);
  }
  return ['aws', 'sso', 'login', '--profile', profile].map(shellQuote).join(' ');
}
