/** Presigned URLs: lifetimes defaulted and validated, the call, and the result every family returns. */
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { SageMakerSdk } from './clients';
import { check } from './checks';
import type { AwsCore } from './core';
import { AwsError } from './errors';
import type { PresignedUrl } from './model';
import { checkKindField, lifetimesFor, type KindField, type PresignOperation } from './urlLimits';
import { LIMITS, validateExpiresInSeconds, validateSessionExpiration } from './requestValues';

/** ExpiresInSeconds (how long the URL works): the caller's, else the longest allowed; validated. */
export function urlLifetime(expiresInSeconds: number | undefined, operation: string): number {
  const expires = expiresInSeconds ?? LIMITS.expiresInSeconds.max;
  check(validateExpiresInSeconds(expires), operation);
  return expires;
}

/** SessionExpirationDurationInSeconds: the caller's, else the longest allowed; validated. */
export function sessionLifetime(sessionExpirationDurationInSeconds: number | undefined, operation: string): number {
  const session = sessionExpirationDurationInSeconds ?? LIMITS.sessionExpirationDurationInSeconds.max;
  check(validateSessionExpiration(session), operation);
  return session;
}

/**
 * Makes the presigning call and dates the URL from the moment it was asked for. `urlOf` picks the
 * URL from the output (AuthorizedUrl, Url...); none is a service error.
 */
export async function presign<Out>(
  core: AwsCore,
  region: string,
  operation: string,
  lifetimes: { expiresInSeconds: number; sessionExpirationDurationInSeconds: number },
  send: (client: SageMakerClient, sdk: SageMakerSdk) => Promise<Out>,
  urlOf: (out: Out) => string | undefined,
): Promise<PresignedUrl> {
  const requestedAt = Date.now();
  const url = urlOf(await core.call(region, operation, send));
  if (!url) {
    throw new AwsError('service', `SageMaker returned no URL for ${operation}.`, { operation });
  }
  // The session starts when the URL is opened: sessionExpiresAt assumes it is opened at once.
  return {
    url,
    expiresAt: new Date(requestedAt + lifetimes.expiresInSeconds * 1000),
    sessionExpiresAt: new Date(requestedAt + lifetimes.sessionExpirationDurationInSeconds * 1000),
  };
}

/**
 * The presigners keyed by one member (an MLflow tracking server's name, an MLflow or partner AI
 * app's ARN): the member checked, both lifetimes filled and validated, then the call.
 */
export async function presignKeyed<Out>(
  core: AwsCore,
  region: string,
  operation: PresignOperation,
  key: readonly [KindField, string],
  r: { expiresInSeconds?: number; sessionExpirationDurationInSeconds?: number },
  send: (lifetimes: { expiresInSeconds: number; sessionExpirationDurationInSeconds: number }, client: SageMakerClient, sdk: SageMakerSdk) => Promise<Out>,
  urlOf: (out: Out) => string | undefined,
): Promise<PresignedUrl> {
  checkKindField(key[0], key[1], operation);
  const lifetimes = lifetimesFor(operation, r);
  return presign(core, region, operation, lifetimes, (c, sdk) => send(lifetimes, c, sdk), urlOf);
}
