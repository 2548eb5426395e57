/**
 * SigV4 verification: the signature of every request is recomputed with @smithy/signature-v4
 * from the secret of the access key used, and compared; unknown keys, bad signatures, skewed
 * clocks and expired session tokens are refused with the errors AWS sends.
 */
import * as crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, SourceData } from '@smithy/types';
import { ServiceError } from './errors';

export interface AcceptedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiresAt?: Date;
}

/** node:crypto behind the Checksum interface @smithy/signature-v4 expects (a hash, or an HMAC when given a key). */
export class NodeSha256 implements Checksum {
  private hash: crypto.Hash | crypto.Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): crypto.Hash | crypto.Hmac {
    return this.secret === undefined ? crypto.createHash('sha256') : crypto.createHmac('sha256', toBuffer(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') {
    return Buffer.from(data, 'utf8');
  }
  if (ArrayBuffer.isView(data)) {
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
  return Buffer.from(data);
}

/** AWS accepts a request signed at most 5 minutes away from its own clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const AUTH_PATTERN = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/;

export interface VerifiedCaller {
  accessKeyId: string;
  region: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) {
    return undefined;
  }
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

export const unrecognizedClient = (): ServiceError => new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
export const expiredToken = (): ServiceError => new ServiceError('ExpiredTokenException', 'The security token included in the request is expired');

export const signatureMismatch = (): ServiceError =>
  new ServiceError(
    'InvalidSignatureException',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  );

export async function verifySignature(
  req: { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer },
  lookup: (accessKeyId: string) => AcceptedCredentials | undefined,
  service: string,
  now: Date = new Date(),
  isRegionDisabled: (region: string) => boolean = () => false,
): Promise<VerifiedCaller> {
  const authorization = header(req.headers, 'authorization');
  if (!authorization) {
    throw new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const m = AUTH_PATTERN.exec(authorization);
  if (!m) {
    throw new ServiceError('IncompleteSignatureException', `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${authorization.split(' ')[0]}`);
  }
  const [, accessKeyId, scopeDate, region, scopeService, signedHeaderList, signature] = m;
  // A region not enabled for the account knows none of its credentials: AWS answers this for every key.
  if (isRegionDisabled(region)) {
    throw unrecognizedClient();
  }

  const known = lookup(accessKeyId);
  if (!known) {
    throw unrecognizedClient();
  }
  const sessionToken = header(req.headers, 'x-amz-security-token');
  if ((known.sessionToken ?? undefined) !== sessionToken) {
    throw unrecognizedClient();
  }
  if (known.expiresAt && known.expiresAt.getTime() <= now.getTime()) {
    throw expiredToken();
  }
  if (scopeService !== service) {
    throw new ServiceError('InvalidSignatureException', `Credential should be scoped to correct service: '${service}'. `);
  }

  const dateHeader = header(req.headers, 'x-amz-date');
  const signingDate = dateHeader ? parseAmzDate(dateHeader) : undefined;
  if (!dateHeader || !signingDate) {
    throw new ServiceError('IncompleteSignatureException', 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.');
  }
  if (!dateHeader.startsWith(scopeDate)) {
    throw new ServiceError('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${dateHeader.slice(0, 8)}', from '${dateHeader}'.`);
  }
  const skew = signingDate.getTime() - now.getTime();
  if (skew < -MAX_CLOCK_SKEW_MS) {
    throw new ServiceError('InvalidSignatureException', `Signature expired: ${dateHeader} is now earlier than ${amzDate(new Date(now.getTime() - MAX_CLOCK_SKEW_MS))} (${amzDate(now)} - 5 min.)`);
  }
  if (skew > MAX_CLOCK_SKEW_MS) {
    throw new ServiceError('InvalidSignatureException', `Signature not yet current: ${dateHeader} is still later than ${amzDate(new Date(now.getTime() + MAX_CLOCK_SKEW_MS))} (${amzDate(now)} + 5 min.)`);
  }

  // Recompute over exactly the headers the client said it signed.
  const signedNames = signedHeaderList.split(';');
  if (!signedNames.includes('host')) {
    throw signatureMismatch();
  }
  const headers: Record<string, string> = {};
  for (const name of signedNames) {
    const value = header(req.headers, name);
    if (value === undefined) {
      throw signatureMismatch();
    }
    headers[name] = value;
  }
  // The signer trusts x-amz-content-sha256 when present, so check it against the body we got.
  const claimedHash = header(req.headers, 'x-amz-content-sha256');
  if (claimedHash !== undefined && claimedHash !== crypto.createHash('sha256').update(req.body).digest('hex')) {
    throw signatureMismatch();
  }
  const [pathPart, queryPart = ''] = req.path.split('?', 2);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(queryPart)) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: known.secretAccessKey, sessionToken },
    region,
    service,
    sha256: NodeSha256,
    // Sign only what the client signed: do not add an x-amz-content-sha256 header of our own.
    applyChecksum: false,
  });
  const signed = await signer.sign(
    { method: req.method, protocol: 'http:', hostname: headers.host ?? '', path: pathPart, query, headers, body: req.body },
    { signingDate, signingRegion: region, signingService: service, signableHeaders: new Set(signedNames) },
  );
  const expected = /Signature=([0-9a-f]+)$/.exec(String(signed.headers.authorization ?? signed.headers.Authorization))?.[1] ?? '';
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(signature, 'utf8');
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
    throw signatureMismatch();
  }
  return { accessKeyId, region };
}
