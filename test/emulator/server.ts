/**
 * The HTTP side: `POST /` with `X-Amz-Target: SageMaker.<Operation>` (AWS JSON 1.1, SigV4),
 * the presigned URL pages, and the admin path `/__emulator/...` (faults, call counts, reset),
 * which never answers a request that carries X-Amz-Target.
 */
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import type { ApiModel } from './api-model';
import { resourceArnForRequest } from './arns';
import { ServiceError, defaultStatusFor, errorBody } from './errors';
import { type Fault, FaultTable, rewriteAnswer } from './faults';
import { domainPage, mlflowAppPage, mlflowTrackingServerPage, notebookPage, partnerAppPage, signInPage, signInPath, ssoSignInPage, type Page } from './pages';
import type { SageMakerService } from './service';
import { type AcceptedCredentials, expiredToken, signatureMismatch, unrecognizedClient, verifySignature } from './sigv4';
import { validateInput } from './validation';
import { PRICING_TARGET_PREFIX, PricingService } from './pricing';

export const ADMIN_PREFIX = '/__emulator';
/** Arrival times kept for GET /calls. */
const MAX_ARRIVALS = 10_000;

/** One SageMaker call as the emulator answered it (no request or response bodies: they may hold presigned URLs). */
export interface CallRecord {
  operation: string;
  region?: string;
  status: number;
  errorType?: string;
  durationMs: number;
}
const JSON_11 = 'application/x-amz-json-1.1';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class EmulatorServer {
  readonly faults = new FaultTable();
  private readonly calls = new Map<string, number>();
  /** When each SageMaker call arrived (ms since the epoch), oldest first, the last MAX_ARRIVALS: tests check what came before what. */
  private arrivals: { operation: string; at: number }[] = [];
  /** Calls per operation whose client closed the connection before the answer was sent (gave up, or cancelled). */
  private readonly abandoned = new Map<string, number>();
  private readonly keys = new Map<string, AcceptedCredentials>();
  readonly server: http.Server;
  /** The Price List API, answered at the same address (./pricing.ts). */
  readonly pricing = new PricingService();

  constructor(
    private readonly model: ApiModel,
    readonly service: SageMakerService,
    private readonly latencyMs: number,
    private readonly onCall?: (c: CallRecord) => void,
  ) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        // A bug in the emulator itself: answer as the service would, and say what happened on stderr.
        console.error('SageMaker emulator: internal error', e);
        if (!res.headersSent) {
          this.sendError(res, new ServiceError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500));
        } else {
          res.destroy();
        }
      });
    });
  }

  addCredentials(c: AcceptedCredentials): void {
    this.keys.set(c.accessKeyId, { ...c });
  }

  callCount(operation?: string): number {
    if (operation !== undefined) {
      return this.calls.get(operation) ?? 0;
    }
    let total = 0;
    for (const n of this.calls.values()) {
      total += n;
    }
    return total;
  }

  resetCallCounts(): void {
    this.calls.clear();
    this.abandoned.clear();
    this.arrivals = [];
  }

  callArrivals(): { operation: string; at: number }[] {
    return [...this.arrivals];
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries(this.calls);
  }

  private async readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, 'http://127.0.0.1');
    const body = await this.readBody(req);
    const target = req.headers['x-amz-target'];

    if (url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`)) {
      if (target !== undefined) {
        // The admin path is not part of the SageMaker protocol; don't even admit it exists.
        this.sendError(res, new ServiceError('UnknownOperationException', 'Unknown operation'));
        return;
      }
      this.admin(req.method ?? 'GET', url.pathname.slice(ADMIN_PREFIX.length), body, res);
      return;
    }
    if (req.method === 'GET' && target === undefined) {
      this.sendPage(res, this.page(url));
      return;
    }
    await this.sageMaker(req, rawUrl, url.pathname, typeof target === 'string' ? target : undefined, body, res);
  }

  private page(url: URL): Page {
    const now = new Date(this.service.now());
    if (url.pathname === '/auth') {
      const grant = this.service.grants.get(url.searchParams.get('token') ?? '');
      return domainPage(grant, now, (g) => this.service.spaceAppType(g.region, g.domainId ?? '', g.spaceName));
    }
    const nb = /^\/notebook\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (nb) {
      const grant = this.service.grants.get(url.searchParams.get('authToken') ?? '');
      return notebookPage(grant, decodeURIComponent(nb[1]), nb[2] ?? '', now, url.searchParams.get('view'));
    }
    const ts = /^\/mlflow\/tracking-server\/([^/]+)$/.exec(url.pathname);
    if (ts) {
      const grant = this.service.grants.get(url.searchParams.get('authToken') ?? '');
      const name = decodeURIComponent(ts[1]);
      return mlflowTrackingServerPage(grant, name, now, grant ? this.service.trackingServerVersion(grant.region, name) : undefined);
    }
    const mlflowApp = /^\/mlflow\/app\/([^/]+)$/.exec(url.pathname);
    if (mlflowApp) {
      return mlflowAppPage(this.service.grants.get(url.searchParams.get('authToken') ?? ''), decodeURIComponent(mlflowApp[1]), now);
    }
    const partner = /^\/partner-app\/([^/]+)$/.exec(url.pathname);
    if (partner) {
      const grant = this.service.grants.get(url.searchParams.get('token') ?? '');
      const appId = decodeURIComponent(partner[1]);
      return partnerAppPage(grant, appId, now, grant ? this.service.partnerAppType(grant.region, appId) : undefined);
    }
    const sso = /^\/sso\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (sso) {
      const [region, domainId] = [decodeURIComponent(sso[1]), decodeURIComponent(sso[2])];
      return ssoSignInPage(region, domainId, this.service.ssoDomainName(region, domainId));
    }
    if (url.pathname === signInPath) {
      return signInPage(url.searchParams.get('reason'));
    }
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found\n' };
  }

  private sendPage(res: http.ServerResponse, p: Page): void {
    res.writeHead(p.status, p.headers);
    res.end(p.body);
  }

  private sendJson(res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
    const text = JSON.stringify(value);
    res.writeHead(status, { 'content-type': JSON_11, 'x-amzn-RequestId': crypto.randomUUID(), 'content-length': Buffer.byteLength(text), ...extra });
    res.end(text);
  }

  private sendError(res: http.ServerResponse, err: ServiceError): void {
    const text = errorBody(err);
    // Set on the response (not only written) so that onCall can read it back.
    res.setHeader('x-amzn-ErrorType', err.errorType);
    res.writeHead(err.status, {
      'content-type': JSON_11,
      'x-amzn-RequestId': crypto.randomUUID(),
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  private async sageMaker(req: http.IncomingMessage, rawUrl: string, pathname: string, target: string | undefined, body: Buffer, res: http.ServerResponse): Promise<void> {
    // A Price List call (its own target prefix, signing name and model) is served the same way.
    const pricing = target?.startsWith(`${PRICING_TARGET_PREFIX}.`) === true;
    const model = pricing ? this.pricing.model : this.model;
    const operations = pricing ? this.pricing.operations : this.service.operations;
    const prefix = `${model.metadata.targetPrefix}.`;
    const operation = target?.startsWith(prefix) ? target.slice(prefix.length) : undefined;
    if (operation !== undefined) {
      this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
      this.arrivals.push({ operation, at: Date.now() });
      if (this.arrivals.length > MAX_ARRIVALS) {
        this.arrivals.shift();
      }
      res.once('close', () => {
        if (!res.writableFinished) {
          this.abandoned.set(operation, (this.abandoned.get(operation) ?? 0) + 1);
        }
      });
    }
    const started = Date.now();
    let region: string | undefined;
    const onCall = this.onCall;
    if (onCall) {
      res.once('close', () => {
        const errorType = res.getHeader('x-amzn-ErrorType');
        onCall({
          operation: operation ?? String(target ?? '(none)'),
          region,
          // 0: the connection was dropped before an answer.
          status: res.headersSent ? res.statusCode : 0,
          errorType: typeof errorType === 'string' ? errorType : undefined,
          durationMs: Date.now() - started,
        });
      });
    }
    if (this.latencyMs > 0) {
      await sleep(this.latencyMs);
    }
    try {
      if (req.method !== 'POST' || pathname !== '/') {
        throw new ServiceError('UnknownOperationException', 'Unknown operation');
      }
      const caller = await verifySignature(
        { method: req.method, path: rawUrl, headers: req.headers, body },
        (id) => this.keys.get(id),
        model.metadata.signingName,
        new Date(),
        (r) => this.service.isRegionDisabled(r),
      );
      region = caller.region;
      // Coral picks the protocol by content type; without the JSON 1.1 one no operation matches.
      const contentType = req.headers['content-type'] ?? '';
      if (!contentType.toLowerCase().startsWith(JSON_11)) {
        throw new ServiceError('UnknownOperationException', `Unsupported Content-Type '${contentType}'; expected ${JSON_11}`);
      }
      if (operation === undefined || !Object.hasOwn(operations, operation)) {
        throw new ServiceError('UnknownOperationException', target ? `Unknown operation ${target}` : 'Missing X-Amz-Target header');
      }
      let input: unknown;
      let parsed = true;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        parsed = false;
      }
      // Faults come before the body's own errors (they stand for the network, auth and throttling).
      const fault = this.faults.take(operation, caller.region, input);
      if (fault && (await this.applyFault(fault, res, { operation, region: caller.region, input, service: model.metadata.signingName }))) {
        return;
      }
      if (!parsed) {
        throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.');
      }
      validateInput(model, operation, input);
      const output = operations[operation](caller.region, input as Record<string, unknown>);
      this.sendJson(res, 200, fault?.kind === 'rewrite' && fault.set ? rewriteAnswer(output, fault.set) : output);
    } catch (e) {
      if (e instanceof ServiceError) {
        this.sendError(res, e);
        return;
      }
      throw e;
    }
  }

  /** Applies a fault; true when it answered the call (or dropped it, or holds it unanswered). */
  private async applyFault(f: Fault, res: http.ServerResponse, call: { operation: string; region: string; input: unknown; service: string }): Promise<boolean> {
    const withMessage = (e: ServiceError): ServiceError => new ServiceError(e.errorType, f.message ?? e.message, f.status ?? e.status);
    switch (f.kind) {
      case 'hang':
        // No answer: the client's timeout ends the call. With latencyMs, the connection is dropped then.
        if (f.latencyMs !== undefined) {
          setTimeout(() => res.socket?.destroy(), f.latencyMs).unref();
        }
        return true;
      case 'expiredToken':
        this.sendError(res, withMessage(expiredToken()));
        return true;
      case 'badSignature':
        this.sendError(res, withMessage(signatureMismatch()));
        return true;
      case 'regionDisabled':
        this.sendError(res, withMessage(unrecognizedClient()));
        return true;
      case 'rewrite':
        // Answered as usual, then rewritten (see sageMaker).
        return false;
      case 'accessDenied': {
        const input = typeof call.input === 'object' && call.input !== null ? (call.input as Record<string, unknown>) : {};
        const account = this.service.account;
        const action = `${call.service}:${call.operation}`;
        const message = `User: arn:aws:iam::${account}:user/emulator-user is not authorized to perform: ${action} on resource: ${resourceArnForRequest(call.region, account, input)} because no identity-based policy allows the ${action} action`;
        this.sendError(res, new ServiceError('AccessDeniedException', f.message ?? message, f.status ?? 400));
        return true;
      }
      case 'latency':
        await sleep(f.latencyMs ?? 1000);
        return false;
      case 'throttle':
        this.sendError(res, new ServiceError('ThrottlingException', f.message ?? 'Rate exceeded', f.status ?? 400));
        return true;
      case 'http5xx': {
        const status = f.status ?? 500;
        const type = status === 503 ? 'ServiceUnavailable' : 'InternalFailure';
        const message = f.message ?? (status === 503 ? 'Service Unavailable' : 'The request processing has failed because of an unknown error, exception or failure.');
        this.sendError(res, new ServiceError(type, message, status));
        return true;
      }
      case 'drop':
        res.socket?.destroy();
        return true;
      case 'malformed':
        res.writeHead(200, { 'content-type': JSON_11, 'x-amzn-RequestId': crypto.randomUUID() });
        res.end('<html><body>502 Bad Gateway</body></html>');
        return true;
      case 'error': {
        const type = f.errorType ?? 'InternalFailure';
        this.sendError(res, new ServiceError(type, f.message ?? `Injected ${type}`, f.status ?? defaultStatusFor(type)));
        return true;
      }
    }
  }

  private admin(method: string, sub: string, body: Buffer, res: http.ServerResponse): void {
    const send = (status: number, value: unknown): void => {
      const text = JSON.stringify(value);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(text);
    };
    try {
      if (sub === '/faults' && method === 'POST') {
        this.faults.add(JSON.parse(body.toString('utf8') || 'null') as Fault);
        send(200, { faults: this.faults.list() });
      } else if (sub === '/faults' && method === 'DELETE') {
        this.faults.clear();
        send(200, { faults: [] });
      } else if (sub === '/faults' && method === 'GET') {
        send(200, { faults: this.faults.list() });
      } else if (sub === '/calls' && method === 'GET') {
        send(200, { total: this.callCount(), byOperation: this.callCounts(), arrivals: this.arrivals, abandoned: Object.fromEntries(this.abandoned) });
      } else if (sub === '/calls' && method === 'DELETE') {
        this.resetCallCounts();
        send(200, { total: 0, byOperation: {} });
      } else if (sub === '/sessions' && method === 'GET') {
        send(200, { sessions: this.service.sessions.list() });
      } else if (sub === '/sessions/check' && method === 'POST') {
        // The Session Manager plugin's stand-in (tests) asks whether a StartSession answer is one this endpoint gave.
        const { SessionId, TokenValue } = JSON.parse(body.toString('utf8') || '{}') as { SessionId?: unknown; TokenValue?: unknown };
        const session = this.service.sessions.check(SessionId, TokenValue);
        send(session ? 200 : 404, session ? { valid: true, session } : { valid: false, message: 'No session with that SessionId and TokenValue was started here.' });
      } else if (sub === '/presigned' && method === 'GET') {
        send(200, { grants: this.service.grants.list() });
      } else if (sub === '/clock' && method === 'POST') {
        const { advanceMs } = JSON.parse(body.toString('utf8') || '{}') as { advanceMs?: unknown };
        if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
          throw new Error('advanceMs must be a number of milliseconds >= 0');
        }
        this.service.clockOffsetMs += advanceMs;
        send(200, { clockOffsetMs: this.service.clockOffsetMs });
      } else if (sub === '/userProfiles' && method === 'POST') {
        // A profile that appears or goes between two pages of a list (what another user's console does).
        const change = JSON.parse(body.toString('utf8') || '{}') as { region?: unknown; domainId?: unknown; userProfileName?: unknown; remove?: unknown };
        send(200, this.service.changeUserProfile(change));
      } else if (sub === '/reset' && method === 'POST') {
        this.service.reset();
        this.faults.clear();
        this.resetCallCounts();
        send(200, { reset: true });
      } else {
        send(404, { message: `No admin endpoint ${method} ${ADMIN_PREFIX}${sub}. Try POST|GET|DELETE /faults, GET|DELETE /calls, GET /presigned, GET /sessions, POST /sessions/check, POST /clock, POST /userProfiles, POST /reset.` });
      }
    } catch (e) {
      send(400, { message: (e as Error).message });
    }
  }
}
