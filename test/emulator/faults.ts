/**
 * Faults on demand, per operation and deterministic: each fault hits the next `times` matching
 * calls (or every call), in the order the faults were set.
 */

export type FaultKind = 'latency' | 'throttle' | 'http5xx' | 'drop' | 'malformed' | 'error';

export type Fault = {
  operation: string /* e.g. 'ListSpaces' or '*' */;
  kind: FaultKind;
  times?: number /* how many calls it hits, default forever */;
  latencyMs?: number;
  errorType?: string /* for kind 'error', e.g. 'ExpiredTokenException' */;
  status?: number;
  message?: string;
  region?: string;
};

const KINDS: readonly FaultKind[] = ['latency', 'throttle', 'http5xx', 'drop', 'malformed', 'error'];

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
  return { ...f } as Fault;
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

  /** The fault that hits this call, if any (and uses up one of its `times`). */
  take(operation: string, region: string): Fault | undefined {
    const entry = this.faults.find(
      (f) => f.remaining > 0 && (f.fault.operation === '*' || f.fault.operation === operation) && (f.fault.region === undefined || f.fault.region === region),
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
