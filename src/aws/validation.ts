/**
 * Checks that run before any call, so bad input gets a specific message and costs nothing.
 * Limits and name patterns are those of SageMaker's API model (test/reference/sagemaker-api-model.json);
 * a unit test compares them with the model so they cannot drift.
 */
import { quoteValue } from './quoteValue';

export const LIMITS = {
  expiresInSeconds: { min: 5, max: 300 },
  sessionExpirationDurationInSeconds: { min: 1800, max: 43200 },
} as const;

/** Name patterns from the API model (the model's patterns are matched against the whole value). */
export const NAME_PATTERNS = {
  DomainId: { pattern: 'd-(-*[a-z0-9]){1,61}', max: 63 },
  UserProfileName: { pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}', max: 63 },
  SpaceName: { pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}', max: 63 },
  NotebookInstanceName: { pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9])*', max: 63 },
  LandingUri: { pattern: undefined, max: 1023 },
} as const;

export type NamedField = Exclude<keyof typeof NAME_PATTERNS, 'LandingUri'>;

/** The app types a landing URI may name (`app:<type>:<path>`). */
export const LANDING_APP_TYPES = ['JupyterServer', 'JupyterLab', 'RStudioServerPro', 'CodeEditor', 'Canvas'] as const;

function validateIntegerInRange(v: unknown, field: string, min: number, max: number): string | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    return `${field} must be a whole number of seconds from ${min} to ${max}.`;
  }
  if (v < min || v > max) {
    return `${field} must be from ${min} to ${max} seconds; got ${v}.`;
  }
  return undefined;
}

/** ExpiresInSeconds of a domain URL: how long the URL itself can be used (5-300). */
export function validateExpiresInSeconds(v: unknown): string | undefined {
  const { min, max } = LIMITS.expiresInSeconds;
  return validateIntegerInRange(v, 'ExpiresInSeconds (URL lifetime)', min, max);
}

/** SessionExpirationDurationInSeconds: how long the session the URL opens lasts (1800-43200). */
export function validateSessionExpiration(v: unknown): string | undefined {
  const { min, max } = LIMITS.sessionExpirationDurationInSeconds;
  return validateIntegerInRange(v, 'SessionExpirationDurationInSeconds (session lifetime)', min, max);
}

const landingUriShape = /^(studio:|app:([A-Za-z]+)):(.*)$/s;

/** What a landing path may be, said in every message that refuses one. */
export const LANDING_PATH_RULE = 'a relative path (no scheme, no "//", no "..", no "?" or "#", no spaces or double quotes)';

/**
 * Why a landing path is not a plain relative path, or undefined. Checked on the path as written and
 * percent-decoded (SageMaker, or the browser, may decode it before it is followed).
 */
function landingPathProblem(path: string): string | undefined {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'it has a malformed percent-escape';
  }
  for (const p of [path, decoded]) {
    if (/[\s\p{Cc}]/u.test(p)) {
      return 'it contains spaces or control characters';
    }
    // No shell's quoting carries a double quote everywhere (Command Prompt ends its quotes at any).
    if (p.includes('"')) {
      return 'it contains a double quote';
    }
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(p)) {
      return 'it starts with a scheme';
    }
    if (p.includes('//') || p.includes('\\')) {
      return 'it contains "//" or a backslash (another host)';
    }
    if (p.includes('..')) {
      return 'it contains ".."';
    }
    if (p.includes('?') || p.includes('#')) {
      return 'it contains "?" or "#"';
    }
  }
  return undefined;
}

/**
 * `studio::<path>` or `app:<JupyterServer|JupyterLab|RStudioServerPro|CodeEditor|Canvas>:<path>`,
 * the path empty or relative: it decides where a session lands, so it must stay on SageMaker's host.
 */
export function validateLandingUri(v: unknown): string | undefined {
  const grammar = `studio::<path> or app:<${LANDING_APP_TYPES.join('|')}>:<path>`;
  if (typeof v !== 'string' || v.length === 0) {
    return `The landing URI must be ${grammar}.`;
  }
  if (v.length > NAME_PATTERNS.LandingUri.max) {
    return `The landing URI may be at most ${NAME_PATTERNS.LandingUri.max} characters long; it has ${v.length}.`;
  }
  const m = landingUriShape.exec(v);
  if (!m) {
    return `The landing URI must be ${grammar}; got ${quoteValue(v)}.`;
  }
  const appType = m[2];
  if (appType !== undefined && !(LANDING_APP_TYPES as readonly string[]).includes(appType)) {
    return `The landing URI names an unknown app "${appType}"; allowed: ${LANDING_APP_TYPES.join(', ')}.`;
  }
  const problem = landingPathProblem(m[3] ?? '');
  if (problem !== undefined) {
    return `The landing URI's path must be ${LANDING_PATH_RULE}, but ${problem}; got ${quoteValue(v)}.`;
  }
  return undefined;
}

/** Characters of a profile name: those the AWS CLI and SDKs accept in the shared files' section names. */
export const PROFILE_NAME_RULE = '1 to 128 letters, digits and the characters _ + = , . @ : / -';
const profileNamePattern = /^[A-Za-z0-9_+=,.@:/-]{1,128}$/;

/** A profile name we may pass on, e.g. to `aws sso login --profile`, or undefined when it is valid. */
export function validateProfileName(v: unknown): string | undefined {
  if (typeof v !== 'string' || !profileNamePattern.test(v)) {
    return `${quoteValue(v)} is not a profile name: a profile name has ${PROFILE_NAME_RULE}.`;
  }
  return undefined;
}

/** AWS region names: us-east-1, eu-central-2, us-gov-west-1, us-isob-east-1, cn-north-1, ... */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

export function validateRegion(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length === 0) {
    return 'A region must be a name such as us-east-1.';
  }
  if (!REGION_PATTERN.test(v)) {
    return `${quoteValue(v)} is not an AWS region name; expected a name such as us-east-1 or eu-west-2.`;
  }
  return undefined;
}

/** A custom endpoint: an absolute http(s) URL without credentials, query or fragment. */
export function validateEndpointUrl(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.trim().length === 0) {
    return 'The endpoint URL must be an absolute URL such as https://api.sagemaker.us-east-1.amazonaws.com.';
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `The endpoint URL ${quoteValue(v)} is not a valid absolute URL; expected e.g. https://api.sagemaker.us-east-1.amazonaws.com.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `The endpoint URL must use https: (or http:); got ${url.protocol}.`;
  }
  if (url.username || url.password) {
    return 'The endpoint URL may not contain a user name or password.';
  }
  if (url.search || url.hash) {
    return 'The endpoint URL may not contain a query (?...) or fragment (#...).';
  }
  return undefined;
}

const compiledNamePatterns = new Map<NamedField, RegExp>(
  (Object.keys(NAME_PATTERNS) as (keyof typeof NAME_PATTERNS)[])
    .filter((k): k is NamedField => k !== 'LandingUri')
    .map((k) => [k, new RegExp(`^(?:${NAME_PATTERNS[k].pattern})$`)]),
);

/** A resource name or id against the API model's pattern and length for `field`. */
export function validateName(field: NamedField, v: unknown): string | undefined {
  const { max } = NAME_PATTERNS[field];
  if (typeof v !== 'string' || v.length === 0) {
    return `${field} is required.`;
  }
  if (v.length > max) {
    return `${field} may be at most ${max} characters long; ${quoteValue(v, 20)} is longer.`;
  }
  if (!compiledNamePatterns.get(field)!.test(v)) {
    return field === 'DomainId'
      ? `DomainId ${quoteValue(v)} is not a domain id; expected d- followed by lowercase letters and digits, e.g. d-abc123def456.`
      : `${field} ${quoteValue(v)} is not valid; use letters and digits, optionally separated by hyphens (no leading or trailing hyphen).`;
  }
  return undefined;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The hosts SageMaker's own presigned URLs (Studio, spaces, notebook instances, MLflow, partner apps)
 * and IAM Identity Center domains' Urls live on, in each partition: `<domain>.studio.<region>.sagemaker.aws`,
 * `<name>.notebook.<region>.sagemaker.aws` (also GovCloud), `….sagemaker.com.cn` (China), and the
 * ISO partitions' `sagemaker.<dns suffix>`.
 */
export const SAGEMAKER_URL_HOST_SUFFIXES = [
  '.sagemaker.aws',
  '.sagemaker.com.cn',
  '.sagemaker.c2s.ic.gov',
  '.sagemaker.sc2s.sgov.gov',
  '.sagemaker.cloud.adc-e.uk',
  '.sagemaker.csp.hci.ic.gov',
] as const;

function isLoopback(host: string): boolean {
  return loopbackHosts.has(host);
}

function isSageMakerHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return SAGEMAKER_URL_HOST_SUFFIXES.some((suffix) => h.endsWith(suffix) && h.length > suffix.length);
}

/**
 * The authority of a URI as RFC 3986's regular expression splits it: the way VS Code's `Uri.parse`
 * reads a URL, which (unlike WHATWG `URL`) takes `\` for an ordinary character of the authority.
 */
export function rfc3986Authority(uri: string): string | undefined {
  return /^(?:[^:/?#]+:)?(?:\/\/([^/?#]*))?/.exec(uri)?.[1];
}

/**
 * Whether another parser's authority of a URL names the host WHATWG `URL` found, written alike or
 * not (case, the default port, `127.1` for 127.0.0.1), with no `\`, `@` or space in it.
 */
export function isAuthorityOf(authority: string, u: URL): boolean {
  if (authority === '' || /[\\@\s\p{Cc}]/u.test(authority)) {
    return false;
  }
  try {
    return new URL(`${u.protocol}//${authority}/`).host === u.host;
  } catch {
    return false;
  }
}

const DEFAULT_PORT: Record<string, string> = { 'https:': ':443', 'http:': ':80' };

/**
 * The URL to open and copy: WHATWG's normalised form, with a plain ASCII host as the URL wrote it
 * (already found equal; lower case, no default port): code-server rewrites a URL on 127.0.0.1 to
 * its port proxy, not one on 127.1. Only when that string parses back to exactly what was checked;
 * else the normalised form as it is.
 */
function normalised(u: URL, authority: string): string {
  const written = authority.toLowerCase();
  if (!/^[a-z0-9.:-]+$/.test(written)) {
    return u.href;
  }
  const port = DEFAULT_PORT[u.protocol] ?? '';
  const host = port && written.endsWith(port) ? written.slice(0, -port.length) : written;
  const asWritten = `${u.protocol}//${host}${u.pathname}${u.search}${u.hash}`;
  try {
    return new URL(asWritten).href === u.href && rfc3986Authority(asWritten) === host ? asWritten : u.href;
  } catch {
    return u.href;
  }
}

/** What may be opened or copied: the URL as WHATWG `URL` normalised it, or why it may not. */
export type OpenableUrl = { readonly url: string; readonly host: string; readonly problem?: undefined } | { readonly url?: undefined; readonly problem: string };

/**
 * Whether a presigned URL (or an IAM Identity Center domain's Url) may be opened in a browser or
 * copied, and the string to use: the normalised one that was checked, never the one received.
 * Without a custom endpoint: https on SageMaker's own hosts only. With `sagemaker.endpointUrl` set
 * (a VPC endpoint, an emulator): https on any host, and plain http on this computer when the
 * endpoint is on this computer too. A URL whose host reads differently to another parser (a `\`
 * or `@` before the path, spaces, control characters) is refused: the check would not hold for
 * what opens it. A refusal names the host and the reason, never the URL's query (its token).
 */
export function openableUrl(url: string, endpointUrl?: string): OpenableUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { problem: 'SageMaker returned a URL that is not valid; it was not opened.' };
  }
  const where = u.host ? ` on ${u.host}` : '';
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return { problem: `Refusing to open a ${u.protocol} URL${where}: only https: URLs are opened.` };
  }
  if (u.username || u.password) {
    return { problem: `Refusing to open a URL${where} that carries a user name or password.` };
  }
  const authority = rfc3986Authority(url) ?? '';
  if (/[\s\p{Cc}]/u.test(url)) {
    return { problem: `Refusing to open a URL${where} that contains spaces or control characters.` };
  }
  if (!isAuthorityOf(authority, u)) {
    return { problem: `Refusing to open a URL whose host is ambiguous: ${u.host} to one reading, ${quoteValue(authority)} to another (a "\\" or "@" before its path).` };
  }
  const checked = { url: normalised(u, authority), host: u.host };
  if (!endpointUrl) {
    if (u.protocol !== 'https:') {
      return { problem: `Refusing to open a ${u.protocol} URL${where}: only https: URLs on SageMaker's own hosts are opened (plain http only from a local sagemaker.endpointUrl).` };
    }
    if (!isSageMakerHost(u.hostname)) {
      return { problem: `Refusing to open a URL on ${u.host}: it is not a SageMaker host (*.sagemaker.aws, *.sagemaker.com.cn); without sagemaker.endpointUrl only SageMaker's own hosts are opened.` };
    }
    return checked;
  }
  if (u.protocol === 'https:') {
    return checked;
  }
  let endpointHost = '';
  try {
    endpointHost = new URL(endpointUrl).hostname;
  } catch {
    // An unparsable endpoint is no loopback one.
  }
  if (isLoopback(u.hostname) && isLoopback(endpointHost)) {
    return checked;
  }
  return { problem: `Refusing to open an http: URL${where}: plain http is opened only on this computer, when sagemaker.endpointUrl is a local endpoint too.` };
}

/** Why a URL may not be opened (see openableUrl), or undefined. */
export function checkOpenableUrl(url: string, endpointUrl?: string): string | undefined {
  return openableUrl(url, endpointUrl).problem;
}
