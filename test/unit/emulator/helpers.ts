/** Shared set-up for the emulator's own suite: a running emulator and real SDK clients for it. */
import * as assert from 'node:assert/strict';
import { SageMakerClient, SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import { SignatureV4 } from '@smithy/signature-v4';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../emulator';
import { NodeSha256 } from '../../emulator/sigv4';

export const EAST_DOMAIN = 'd-7kx2hq9mzp4a';
export const RESEARCH_DOMAIN = 'd-3bq8wn5tfk1c';
export const WEST_DOMAIN = 'd-9fj4rt2lwx6e';
/** The demo's IAM Identity Center (AuthMode SSO) domain in eu-west-1, with user profiles kenji and lena. */
export const SSO_DOMAIN = 'd-4hn6xw8qrt2v';

export function client(
  emu: RunningEmulator,
  opts: { region?: string; accessKeyId?: string; secretAccessKey?: string; sessionToken?: string; maxAttempts?: number; systemClockOffset?: number } = {},
): SageMakerClient {
  return new SageMakerClient({
    region: opts.region ?? 'us-east-1',
    endpoint: emu.url,
    maxAttempts: opts.maxAttempts ?? 1,
    systemClockOffset: opts.systemClockOffset,
    credentials: {
      accessKeyId: opts.accessKeyId ?? emu.accessKeyId,
      secretAccessKey: opts.secretAccessKey ?? emu.secretAccessKey,
      sessionToken: opts.sessionToken,
    },
  });
}

/** Starts an emulator for a describe block and stops it after. */
export function useEmulator(options: EmulatorOptions = {}): { emu: () => RunningEmulator } {
  let emu: RunningEmulator | undefined;
  before(async () => {
    emu = await startEmulator({ transitionDelayMs: 100, ...options });
  });
  after(async () => {
    await emu?.stop();
  });
  return {
    emu: () => {
      if (!emu) {
        throw new Error('emulator not started');
      }
      return emu;
    },
  };
}

/** Asserts that `promise` fails with an SDK exception of class `name` (and, if given, a message matching `message`). */
export async function rejectsWith(promise: Promise<unknown>, name: string, message?: RegExp | string): Promise<SageMakerServiceException> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof Error, 'rejected with a non-Error');
    assert.equal(e.name, name, `expected ${name}, got ${e.name}: ${e.message}`);
    if (message instanceof RegExp) {
      assert.match(e.message, message);
    } else if (message !== undefined) {
      assert.equal(e.message, message);
    }
    return e as SageMakerServiceException;
  }
  assert.fail(`expected ${name}, but the call succeeded`);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A request signed with SigV4 (by @smithy/signature-v4, as the SDK signs) but otherwise built by
 * hand, for what the SDK would never send: unknown targets, other paths, non-JSON bodies.
 */
export async function signedFetch(
  emu: RunningEmulator,
  opts: { target?: string; body?: string; sendBody?: string; path?: string; region?: string; service?: string; headers?: Record<string, string>; signingDate?: Date; applyChecksum?: boolean },
): Promise<{ status: number; headers: Headers; text: string }> {
  const url = new URL(opts.path ?? '/', emu.url);
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-amz-json-1.1',
    ...(opts.target !== undefined ? { 'x-amz-target': opts.target } : {}),
    ...opts.headers,
  };
  const body = opts.body ?? '{}';
  const signer = new SignatureV4({
    credentials: { accessKeyId: emu.accessKeyId, secretAccessKey: emu.secretAccessKey },
    region: opts.region ?? 'us-east-1',
    service: opts.service ?? 'sagemaker',
    applyChecksum: opts.applyChecksum ?? true,
    sha256: NodeSha256,
  });
  const signed = await signer.sign(
    { method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, query: {}, headers, body },
    { signingDate: opts.signingDate },
  );
  const res = await fetch(url, { method: 'POST', headers: signed.headers, body: opts.sendBody ?? body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
