/**
 * "Copy as AWS CLI Command": the `aws sagemaker ...` line equivalent to a presigned-URL request.
 * Each request is written as its API operation and input members (names from the SageMaker API
 * model); the CLI's own names are derived from them as the AWS CLI does (kebab-case), so a unit
 * test can hold every line against the model.
 */
import type { AwsSettings } from './options';
import type { NotebookUrlRequest } from './notebooks';
import type { DomainUrlRequest, SpaceOwnership } from './spaces';
import { LIMITS } from './requestValues';
import { effectiveUserProfile } from './ownership';
import { formatCommandLine, type ShellKind } from './cliShell';
import type { UrlLifetimes } from './mlflow';

/** One API call: the operation and its input members, in the order the command line lists them. */
export interface CliInvocation {
  readonly operation: string;
  readonly params: readonly (readonly [member: string, value: string | number])[];
}

/**
 * An API name as the AWS CLI spells it (botocore's xform_name with '-'): CreatePresignedDomainUrl →
 * create-presigned-domain-url, SessionExpirationDurationInSeconds → session-expiration-duration-in-seconds.
 */
export function cliName(apiName: string): string {
  let name = apiName;
  const plural = /[A-Z]{2,}s$/.exec(name);
  if (plural) {
    // ARNs → -arns, as botocore's special case.
    name = `${name.slice(0, -plural[0].length)}-${plural[0].toLowerCase()}`;
  }
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** The words of the command: `aws sagemaker <operation> --member value ... --profile --region --endpoint-url`. */
export function cliWords(invocation: CliInvocation, region: string, settings: AwsSettings): string[] {
  const words = ['aws', 'sagemaker', cliName(invocation.operation)];
  for (const [member, value] of invocation.params) {
    words.push(`--${cliName(member)}`, String(value));
  }
  if (settings.profile) {
    words.push('--profile', settings.profile);
  }
  words.push('--region', region);
  if (settings.endpointUrl) {
    words.push('--endpoint-url', settings.endpointUrl);
  }
  return words;
}

/** The command line for `shell` (POSIX by default). */
export function toCommandLine(invocation: CliInvocation, region: string, settings: AwsSettings, shell: ShellKind = 'posix'): string {
  return formatCommandLine(cliWords(invocation, region, settings), shell);
}

const expires = (v: number | undefined): number => v ?? LIMITS.expiresInSeconds.max;
const session = (v: number | undefined): number => v ?? LIMITS.sessionExpirationDurationInSeconds.max;

/** CreatePresignedDomainUrl: Studio for a user profile, or a space (for a private space, as its owner). */
export function domainUrlInvocation(r: DomainUrlRequest): CliInvocation {
  const params: [string, string | number][] = [
    ['DomainId', r.domainId],
    ['UserProfileName', effectiveUserProfile(r)],
  ];
  if (r.spaceName) {
    params.push(['SpaceName', r.spaceName]);
  }
  if (r.landingUri) {
    params.push(['LandingUri', r.landingUri]);
  }
  params.push(['ExpiresInSeconds', expires(r.expiresInSeconds)], ['SessionExpirationDurationInSeconds', session(r.sessionExpirationDurationInSeconds)]);
  return { operation: 'CreatePresignedDomainUrl', params };
}

/** CreatePresignedNotebookInstanceUrl (the JupyterLab view is a query parameter added to the URL, not an input). */
export function notebookUrlInvocation(r: NotebookUrlRequest): CliInvocation {
  return {
    operation: 'CreatePresignedNotebookInstanceUrl',
    params: [
      ['NotebookInstanceName', r.notebookInstanceName],
      ['SessionExpirationDurationInSeconds', session(r.sessionExpirationDurationInSeconds)],
    ],
  };
}

/** The two lifetimes the MLflow and partner app URL operations take. */
export type { UrlLifetimes };

function withLifetimes(operation: string, key: readonly [string, string], l: UrlLifetimes): CliInvocation {
  return {
    operation,
    params: [key, ['ExpiresInSeconds', expires(l.expiresInSeconds)], ['SessionExpirationDurationInSeconds', session(l.sessionExpirationDurationInSeconds)]],
  };
}

/** CreatePresignedMlflowTrackingServerUrl (the URL can be used once). */
export function mlflowTrackingServerUrlInvocation(r: { trackingServerName: string } & UrlLifetimes): CliInvocation {
  return withLifetimes('CreatePresignedMlflowTrackingServerUrl', ['TrackingServerName', r.trackingServerName], r);
}

/** CreatePresignedMlflowAppUrl (the URL can be used once). */
export function mlflowAppUrlInvocation(r: { arn: string } & UrlLifetimes): CliInvocation {
  return withLifetimes('CreatePresignedMlflowAppUrl', ['Arn', r.arn], r);
}

/** CreatePartnerAppPresignedUrl (its answer's field is `Url`). */
export function partnerAppUrlInvocation(r: { arn: string } & UrlLifetimes): CliInvocation {
  return withLifetimes('CreatePartnerAppPresignedUrl', ['Arn', r.arn], r);
}

/**
 * The call behind a presigned URL, by its operation, with the members that name what it is for
 * (each kind says its own: `urlCall`, src/kinds/<kind>.ts); the lifetimes and a landing page are
 * the URL's own.
 */
export type UrlCall =
  | { readonly operation: 'CreatePresignedDomainUrl'; readonly domainId: string; readonly userProfileName: string; readonly spaceName?: string; readonly spaceInfo?: SpaceOwnership }
  | { readonly operation: 'CreatePresignedNotebookInstanceUrl'; readonly notebookInstanceName: string }
  | { readonly operation: 'CreatePresignedMlflowTrackingServerUrl'; readonly trackingServerName: string }
  | { readonly operation: 'CreatePresignedMlflowAppUrl' | 'CreatePartnerAppPresignedUrl'; readonly arn: string };

/** The CLI invocation of a URL's call, with its lifetimes (and a domain URL's landing page). */
export function urlCallInvocation(call: UrlCall, o: UrlLifetimes & { readonly landingUri?: string } = {}): CliInvocation {
  const lifetimes = { expiresInSeconds: o.expiresInSeconds, sessionExpirationDurationInSeconds: o.sessionExpirationDurationInSeconds };
  switch (call.operation) {
    case 'CreatePresignedDomainUrl': {
      const { domainId, userProfileName, spaceName, spaceInfo } = call;
      return domainUrlInvocation({ domainId, userProfileName, spaceName, spaceInfo, landingUri: o.landingUri, ...lifetimes });
    }
    case 'CreatePresignedNotebookInstanceUrl':
      return notebookUrlInvocation({ notebookInstanceName: call.notebookInstanceName, ui: 'JupyterLab', sessionExpirationDurationInSeconds: o.sessionExpirationDurationInSeconds });
    case 'CreatePresignedMlflowTrackingServerUrl':
      return mlflowTrackingServerUrlInvocation({ trackingServerName: call.trackingServerName, ...lifetimes });
    case 'CreatePresignedMlflowAppUrl':
      return mlflowAppUrlInvocation({ arn: call.arn, ...lifetimes });
    case 'CreatePartnerAppPresignedUrl':
      return partnerAppUrlInvocation({ arn: call.arn, ...lifetimes });
  }
}
