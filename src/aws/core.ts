/**
 * What every resource family of the access layer shares: the settings, the SDK clients and one way
 * to make a call (validated region and endpoint, errors mapped). The argument checks are in ./checks.ts.
 */
import type { PricingClient } from '@aws-sdk/client-pricing';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ClientPool } from './clientPool';
import { loadSageMakerSdk, type SageMakerSdk } from './clients';
import { toAwsError } from './errorMapping';
import { check } from './checks';
import { normalizeSettings } from './awsSettings';
import type { AwsHooks, AwsSettings, AwsTuning } from './options';
import { validateEndpointUrl, validateRegion } from './validation';

/** The settings and clients of one access object; each family's calls go through `call`. */
export class AwsCore {
  private readonly pool: ClientPool;
  readonly settings: AwsSettings;

  constructor(settings: AwsSettings, hooks: AwsHooks = {}, tuning: AwsTuning = {}) {
    this.settings = normalizeSettings(settings);
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

  /** A Price List API call through its endpoint region's client (./pricing.ts), errors mapped as every call's. */
  async callPricing<T>(pricingRegion: string, operation: string, fn: (client: PricingClient, sdk: SageMakerSdk) => Promise<T>): Promise<T> {
    if (this.settings.endpointUrl !== undefined) {
      check(validateEndpointUrl(this.settings.endpointUrl), operation);
    }
    try {
      const [client, sdk] = await Promise.all([this.pool.getPricing(pricingRegion), loadSageMakerSdk()]);
      return await fn(client, sdk);
    } catch (e) {
      throw toAwsError(e, { operation, profile: this.settings.profile, region: pricingRegion });
    }
  }

  dispose(): void {
    this.pool.dispose();
  }
}
