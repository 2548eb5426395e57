/**
 * The limits of each presigning operation's lifetimes and of the names and ARNs the MLflow and
 * partner app operations take, as the SageMaker API model gives them
 * (test/reference/sagemaker-api-model.json; a unit test holds these against it).
 */
import { check } from './checks';
import { quoteValue } from './quoteValue';

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** ExpiresInSeconds and SessionExpirationDurationInSeconds of each operation that takes them. */
export const PRESIGN_LIMITS = {
  CreatePresignedMlflowTrackingServerUrl: { expiresInSeconds: { min: 5, max: 300 }, sessionExpirationDurationInSeconds: { min: 1800, max: 43200 } },
  CreatePresignedMlflowAppUrl: { expiresInSeconds: { min: 5, max: 300 }, sessionExpirationDurationInSeconds: { min: 1800, max: 43200 } },
  CreatePartnerAppPresignedUrl: { expiresInSeconds: { min: 5, max: 300 }, sessionExpirationDurationInSeconds: { min: 1800, max: 43200 } },
} as const satisfies Record<string, { expiresInSeconds: Range; sessionExpirationDurationInSeconds: Range }>;

export type PresignOperation = keyof typeof PRESIGN_LIMITS;

/** Names and ARNs of the MLflow and partner app operations (the model's whole-value patterns). */
export const KIND_PATTERNS = {
  TrackingServerName: { pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}', min: 1, max: 256 },
  MlflowAppArn: { pattern: 'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:mlflow-app/.*', min: 1, max: 128 },
  PartnerAppArn: { pattern: 'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:partner-app\\/app-[A-Z0-9]{12}', min: 1, max: 128 },
} as const;

export type KindField = keyof typeof KIND_PATTERNS;

const compiled = new Map<KindField, RegExp>(
  (Object.keys(KIND_PATTERNS) as KindField[]).map((k) => [k, new RegExp(`^(?:${KIND_PATTERNS[k].pattern})$`)]),
);

/** A name or ARN against its field's length and pattern; a message naming the field, or undefined. */
export function validateKindField(field: KindField, v: unknown): string | undefined {
  const { min, max } = KIND_PATTERNS[field];
  if (typeof v !== 'string' || v.length === 0) {
    return `${field} is required.`;
  }
  if (v.length < min || v.length > max) {
    return `${field} must be ${min} to ${max} characters long; ${quoteValue(v)} is not.`;
  }
  if (!compiled.get(field)!.test(v)) {
    return field === 'TrackingServerName'
      ? `TrackingServerName ${quoteValue(v)} is not valid; use letters and digits, optionally separated by hyphens (no leading or trailing hyphen).`
      : `${field} ${quoteValue(v)} is not the ARN of ${field === 'MlflowAppArn' ? 'an MLflow app (…:mlflow-app/…)' : 'a partner AI app (…:partner-app/app-XXXXXXXXXXXX)'}.`;
  }
  return undefined;
}

export function checkKindField(field: KindField, v: unknown, operation: string): void {
  check(validateKindField(field, v), operation);
}

/** An integer in the operation's range: a message naming the member, the operation and the range. */
export function validateLifetime(operation: PresignOperation, member: 'expiresInSeconds' | 'sessionExpirationDurationInSeconds', v: unknown): string | undefined {
  const { min, max } = PRESIGN_LIMITS[operation][member];
  const name = member === 'expiresInSeconds' ? 'ExpiresInSeconds (URL lifetime)' : 'SessionExpirationDurationInSeconds (session lifetime)';
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    return `${name} of ${operation} must be a whole number of seconds from ${min} to ${max}; got ${String(v)}.`;
  }
  return undefined;
}

/** Both lifetimes of one request: the caller's, else the longest the operation allows; validated. */
export function lifetimesFor(
  operation: PresignOperation,
  r: { expiresInSeconds?: number; sessionExpirationDurationInSeconds?: number },
): { expiresInSeconds: number; sessionExpirationDurationInSeconds: number } {
  const limits = PRESIGN_LIMITS[operation];
  const expiresInSeconds = r.expiresInSeconds ?? limits.expiresInSeconds.max;
  const sessionExpirationDurationInSeconds = r.sessionExpirationDurationInSeconds ?? limits.sessionExpirationDurationInSeconds.max;
  check(validateLifetime(operation, 'expiresInSeconds', expiresInSeconds), operation);
  check(validateLifetime(operation, 'sessionExpirationDurationInSeconds', sessionExpirationDurationInSeconds), operation);
  return { expiresInSeconds, sessionExpirationDurationInSeconds };
}

/** Keeps the items of a page whose name contains `needle` (any case): for List* without a name filter. */
export function nameFilter<T>(items: readonly T[], nameOf: (t: T) => string, needle: string | undefined): T[] {
  const n = needle?.trim().toLowerCase();
  return n ? items.filter((t) => nameOf(t).toLowerCase().includes(n)) : [...items];
}
