/**
 * What every resource family of the access layer shares: the settings, the SDK clients, one way
 * to make a call (validated region and endpoint, errors mapped) and the argument checks.
 */
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ClientPool, loadSageMakerSdk, type SageMakerSdk } from './clients';
import { AwsError, toAwsError } from './errors';
import type { AwsHooks, AwsSettings, AwsTuning, ListOptions } from './types';
import { validateEndpointUrl, validateName, validateRegion, type NamedField } from './validation';

export function check(message: string | undefined, operation?: string): void {
  if (message !== undefined) {
    throw new AwsError('validation', message, { operation });
  }
}

export function checkName(field: NamedField, v: unknown, operation?: string): void {
  check(validateName(field, v), operation);
}

export function checkMaxResults(o: ListOptions | undefined): void {
  const m = o?.maxResults;
  if (m !== undefined && (!Number.isInteger(m) || m < 1 || m > 100)) {
    throw new AwsError('validation', `maxResults must be a whole number from 1 to 100; got ${m}.`);
  }
}

/** The settings and clients of one access object; each family's calls go through `call`. */
export class AwsCore {
  private readonly pool: ClientPool;
  readonly settings: AwsSettings;

  constructor(settings: AwsSettings, hooks: AwsHooks = {}, tuning: AwsTuning = {}) {
    // Blank strings from settings mean "not set".
    this.settings = {
      profile: settings.profile?.trim() || undefined,
      regions: settings.regions,
      endpointUrl: settings.endpointUrl?.trim() || undefined,
    };
    this.pool = new ClientPool(this.settings, hooks, tuning);
  }

  /** Runs one SDK call with the error mapping every method shares. */
  async call<T>(region: string, operation: string, fn: (client: SageMakerClient, sdk: SageMakerSdk) => Promise<T>): Promise<T> {
    check(validateRegion(region), operation);
    if (this.settings.endpointUrl !== undefined) {
      check(validateEndpointUrl(this.settings.endpointUrl), operation);
    }
    try {
      const [client, sdk] = await Promise.all([this.pool.get(region), loadSageMakerSdk()]);
      return await fn(client, sdk);
    } catch (e) {
      throw toAwsError(e, { operation, profile: this.settings.profile, region });
    }
  }

  dispose(): void {
    this.pool.dispose();
  }
}
