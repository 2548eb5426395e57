/**
 * What a request carries, checked before any call so bad input gets a specific message and costs
 * nothing: URL and session lifetimes, the landing URI, resource names. Limits and name patterns are
 * those of SageMaker's API model (test/reference/sagemaker-api-model.json); a unit test compares
 * them with the model so they cannot drift.
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
