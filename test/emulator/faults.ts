/**
 * Faults on demand, per operation and deterministic: each fault hits the next `times` matching
 * calls (or every call), in the order the faults were set. `region` and `match` (request member
 * values) narrow which calls a fault hits.
 */

export type FaultKind =
  | 'latency'
  | 'throttle'
  | 'http5xx'
  | 'drop'
  | 'malformed'
  | 'error'
  // Never answers (or, with latencyMs, drops the connection after that long): the client's own timeout ends the call.
  | 'hang'
  // ExpiredTokenException: the session token is past its expiry.
  | 'expiredToken'
  // InvalidSignatureException: the signature does not match.
  | 'badSignature'
  // AccessDeniedException naming the caller, the action and the resource (narrow it with `match`).
  | 'accessDenied'
  // UnrecognizedClientException, as for an opt-in region the account has not enabled.
  | 'regionDisabled'
  // The usual answer, with the members named in `set` replaced wherever they occur (an endpoint that
  // answers with crafted values, e.g. a domain's Url).
  | 'rewrite';

/** Request member values a fault is narrowed to. */
export type FaultMatch = Record<string, string | number | boolean>;

export type Fault = {
  operation: string /* e.g. 'ListSpaces' or '*' */;
  kind: FaultKind;
  times?: number /* how many calls it hits, default forever */;
  latencyMs?: number;
  errorType?: string /* for kind 'error', e.g. 'ExpiredTokenException' */;
  status?: number;
  message?: string;
  region?: string;
  /**
   * Hits only calls whose request has these member values, e.g. {"DomainId": "d-7kx2hq9mzp4a"}.
   * A name also matches its list-filter form (`DomainId` matches `DomainIdEquals`), so one fault
   * covers a domain's lists, describes and presigned URLs.
   */
  match?: FaultMatch;
  /** For kind 'rewrite': answer members (at any depth) and the strings that replace their values. */
  set?: Record<string, string>;
};

const KINDS: readonly FaultKind[] = ['latency', 'throttle', 'http5xx', 'drop', 'malformed', 'error', 'hang', 'expiredToken', 'badSignature', 'accessDenied', 'regionDisabled', 'rewrite'];

/** Checks a fault given over HTTP or in-process; throws a message naming the bad field. */
export function checkFault(value: unknown): Fault {
  const f = value as Partial<Fault> | null;
  if (!f || typeof f !== 'object') {
    throw new Error('A fault must be a JSON object like {"operation": "ListSpaces", "kind": "throttle"}');
  }
  if (typeof f.operation !== 'string' || f.operation === '') {
    throw new Error('fault.operation must be an operation name such as "ListSpaces", or "*"');
  }
  if (!KINDS.includes(f.kind as FaultKind)) {
    throw new Error(`fault.kind must be one of ${KINDS.join(', ')}`);
  }
  if (f.times !== undefined && (!Number.isInteger(f.times) || f.times < 1)) {
    throw new Error('fault.times must be a positive integer (omit it for every call)');
  }
  if (f.latencyMs !== undefined && (typeof f.latencyMs !== 'number' || f.latencyMs < 0)) {
    throw new Error('fault.latencyMs must be a number of milliseconds >= 0');
  }
  if (f.status !== undefined && (!Number.isInteger(f.status) || f.status < 100 || f.status > 599)) {
    throw new Error('fault.status must be an HTTP status code (100-599)');
  }
  if (f.kind === 'error' && (typeof f.errorType !== 'string' || f.errorType === '')) {
    throw new Error('fault.errorType is required for kind "error", e.g. "ExpiredTokenException"');
  }
  if (f.kind === 'http5xx' && f.status !== undefined && (f.status < 500 || f.status > 599)) {
    throw new Error('fault.status for kind "http5xx" must be 500-599');
  }
  if (f.region !== undefined && (typeof f.region !== 'string' || f.region === '')) {
    throw new Error('fault.region must be a region name such as "us-east-1"');
  }
  if (f.match !== undefined) {
    const m = f.match as unknown;
    if (typeof m !== 'object' || m === null || Array.isArray(m) || Object.keys(m).length === 0) {
      throw new Error('fault.match must be an object of request members and values, e.g. {"DomainId": "d-7kx2hq9mzp4a"}');
    }
    for (const [k, v] of Object.entries(m)) {
      if (!['string', 'number', 'boolean'].includes(typeof v)) {
        throw new Error(`fault.match.${k} must be a string, number or boolean`);
      }
    }
  }
  if (f.kind === 'rewrite') {
    const set = f.set as unknown;
    if (typeof set !== 'object' || set === null || Array.isArray(set) || Object.keys(set).length === 0 || !Object.values(set).every((v) => typeof v === 'string')) {
      throw new Error('fault.set is required for kind "rewrite": an object of answer members and strings, e.g. {"Url": "https://…"}');
    }
  }
  return { ...f, ...(f.match ? { match: { ...f.match } } : {}), ...(f.set ? { set: { ...f.set } } : {}) } as Fault;
}

/** The answer with every member named in `set` (at any depth) given its new value. */
export function rewriteAnswer(value: unknown, set: Record<string, string>): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => rewriteAnswer(v, set));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Object.hasOwn(set, k) ? set[k] : rewriteAnswer(v, set)]));
  }
  return value;
}

export class FaultTable {
  private faults: { fault: Fault; remaining: number }[] = [];

  add(fault: Fault): void {
    const f = checkFault(fault);
    this.faults.push({ fault: f, remaining: f.times ?? Infinity });
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f.fault }));
  }

  /** The fault that hits this call, if any (and uses up one of its `times`); `input` is the request body, when it parsed. */
  take(operation: string, region: string, input?: unknown): Fault | undefined {
    const entry = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.fault.operation === '*' || f.fault.operation === operation) &&
        (f.fault.region === undefined || f.fault.region === region) &&
        matches(f.fault.match, input),
    );
    if (!entry) {
      return undefined;
    }
    entry.remaining--;
    if (entry.remaining <= 0) {
      this.faults.splice(this.faults.indexOf(entry), 1);
    }
    return entry.fault;
  }
}

function matches(match: FaultMatch | undefined, input: unknown): boolean {
  if (match === undefined) {
    return true;
  }
  if (typeof input !== 'object' || input === null) {
    return false;
  }
  const record = input as Record<string, unknown>;
  return Object.entries(match).every(([k, v]) => record[k] === v || record[`${k}Equals`] === v);
}
