import pLimit from 'p-limit';

/**
 * At most a fixed number of calls in flight among all the work that shares one limiter (e.g.
 * every page of one listing): the others wait their turn, first come first served (p-limit).
 */
/**
 * At most this many ListApps calls (one space each) in flight while a listing's states fill in
 * (src/aws/spaces.ts; the palette's space pick shares one limiter of this size among its pages).
 */
export const STATE_CALLS_IN_FLIGHT = 6;

export interface CallLimiter {
  run<T>(call: () => Promise<T>): Promise<T>;
}

export function callLimiter(max: number): CallLimiter {
  if (!Number.isInteger(max) || max < 1) {
    throw new RangeError(`A call limiter needs at least one call in flight, got ${max}`);
  }
  const limit = pLimit(max);
  return { run: (call) => limit(call) };
}
