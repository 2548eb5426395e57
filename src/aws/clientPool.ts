/**
 * SDK clients: one per (profile, region, endpoint), created on first use and reused. Part of the
 * AWS layer's implementation, which is bundled into dist/sdk.js with the SDK (see ./sdk.ts); the
 * SDK's loader and its code cache state stay in ./clients.ts, in dist/extension.js.
 */
import type { PricingClient } from '@aws-sdk/client-pricing';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { loadSageMakerSdk, noteCallEnded, noteCallStarted } from './clients';
import { profileEndpointUrl } from './profiles';
import type { ApiCallRecord, AwsHooks, AwsSettings, AwsTuning } from './options';

export const DEFAULT_TUNING: Required<AwsTuning> = { maxAttempts: 3, connectionTimeoutMs: 5000, requestTimeoutMs: 30000 };

function errorName(e: unknown): string {
  const n = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
  return typeof n === 'string' && n ? n : 'Error';
}

export class ClientPool {
  private readonly clients = new Map<string, Promise<SageMakerClient>>();
  private readonly pricingClients = new Map<string, Promise<PricingClient>>();
  private credentials: Promise<AwsCredentialIdentityProvider> | undefined;
  private readonly tuning: Required<AwsTuning>;

  constructor(
    private readonly settings: AwsSettings,
    private readonly hooks: AwsHooks,
    tuning: AwsTuning = {},
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
  }

  /** One credential provider per profile, shared by the clients of every region (it caches the keys). */
  private credentialProvider(): Promise<AwsCredentialIdentityProvider> {
    this.credentials ??= (async () => {
      const { fromIni, fromNodeProviderChain } = await loadSageMakerSdk();
      const mfa = this.hooks.mfaCode;
      const mfaCodeProvider = mfa ? (serial: string) => mfa(serial) : undefined;
      // A named profile is read from the shared files only (SSO, assume-role, credential_process,
      // web identity included); without one, the whole Node chain (env, AWS_PROFILE, files, IMDS...).
      return this.settings.profile
        ? fromIni({ profile: this.settings.profile, mfaCodeProvider, ignoreCache: true })
        : fromNodeProviderChain({ mfaCodeProvider, ignoreCache: true });
    })();
    return this.credentials;
  }

  get(region: string): Promise<SageMakerClient> {
    const key = JSON.stringify([this.settings.profile ?? '', region, this.settings.endpointUrl ?? '']);
    let client = this.clients.get(key);
    if (!client) {
      client = this.create(region);
      this.clients.set(key, client);
      // A failed creation must not be cached forever.
      client.catch(() => this.clients.delete(key));
    }
    return client;
  }

  /**
   * The Price List API's client for one of its endpoint regions (./pricing.ts). The custom endpoint
   * setting serves it too (the local endpoint answers both); else the SDK applies
   * AWS_ENDPOINT_URL_PRICING / AWS_ENDPOINT_URL / the profile's own endpoint settings.
   */
  getPricing(region: string): Promise<PricingClient> {
    let client = this.pricingClients.get(region);
    if (!client) {
      client = (async () => {
        const [{ PricingClient, NodeHttpHandler }, credentials] = await Promise.all([loadSageMakerSdk(), this.credentialProvider()]);
        const c = new PricingClient({
          region,
          credentials,
          ...(this.settings.endpointUrl ? { endpoint: this.settings.endpointUrl } : {}),
          ...(this.settings.profile ? { profile: this.settings.profile } : {}),
          retryMode: 'adaptive',
          maxAttempts: this.tuning.maxAttempts,
          requestHandler: new NodeHttpHandler({ connectionTimeout: this.tuning.connectionTimeoutMs, requestTimeout: this.tuning.requestTimeoutMs, throwOnRequestTimeout: true }),
        });
        this.instrument(c as unknown as SageMakerClient, region);
        return c;
      })();
      this.pricingClients.set(region, client);
      client.catch(() => this.pricingClients.delete(region));
    }
    return client;
  }

  private async create(region: string): Promise<SageMakerClient> {
    const [{ SageMakerClient, NodeHttpHandler }, credentials, endpoint] = await Promise.all([
      loadSageMakerSdk(),
      this.credentialProvider(),
      // The setting; else a named profile's endpoint_url; else none, and the SDK applies
      // AWS_ENDPOINT_URL_SAGEMAKER / AWS_ENDPOINT_URL / the default profile's endpoint_url itself.
      this.settings.endpointUrl ?? (this.settings.profile ? profileEndpointUrl(this.settings.profile) : undefined),
    ]);
    const client = new SageMakerClient({
      region,
      credentials,
      ...(endpoint ? { endpoint } : {}),
      ...(this.settings.profile ? { profile: this.settings.profile } : {}),
      retryMode: 'adaptive',
      maxAttempts: this.tuning.maxAttempts,
      requestHandler: new NodeHttpHandler({
        connectionTimeout: this.tuning.connectionTimeoutMs,
        requestTimeout: this.tuning.requestTimeoutMs,
        throwOnRequestTimeout: true,
      }),
    });
    this.instrument(client, region);
    return client;
  }

  /** The call counter (for the code cache) and the log hook, on a client of either service (same middleware stack). */
  private instrument(client: SageMakerClient, region: string): void {
    // Counts calls in flight, to write the SDK's code cache once the first lists are done.
    client.middlewareStack.add(
      (next) => async (args) => {
        noteCallStarted();
        let ok = false;
        try {
          const result = await next(args);
          ok = true;
          return result;
        } finally {
          noteCallEnded(ok);
        }
      },
      { step: 'initialize', priority: 'low', name: 'sagemakerEnvironmentsCodeCacheWrite' },
    );
    const hook = this.hooks.onApiCall;
    if (hook) {
      // A failing log hook must never fail the call it reports on.
      const onApiCall = (record: ApiCallRecord): void => {
        try {
          hook(record);
        } catch {
          /* the record is lost; the call goes on */
        }
      };
      // At the initialize step, so one logical call (with all its retries) gives one record.
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
          const started = performance.now();
          try {
            const result = await next(args);
            onApiCall({ operation, region, durationMs: Math.round(performance.now() - started), outcome: 'ok' });
            return result;
          } catch (e) {
            onApiCall({ operation, region, durationMs: Math.round(performance.now() - started), outcome: 'error', errorName: errorName(e) });
            throw e;
          }
        },
        { step: 'initialize', priority: 'high', name: 'sagemakerEnvironmentsApiCallRecorder' },
      );
    }
  }

  dispose(): void {
    for (const c of this.clients.values()) {
      c.then((client) => client.destroy()).catch(() => undefined);
    }
    this.clients.clear();
    for (const c of this.pricingClients.values()) {
      c.then((client) => client.destroy()).catch(() => undefined);
    }
    this.pricingClients.clear();
  }
}
