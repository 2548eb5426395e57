/**
 * Pagination as the service does it: MaxResults (1-100 by the model; a default when absent) and
 * an opaque NextToken. The token is an HMAC-signed position bound to the operation, region,
 * filters and data generation, so a forged, altered or stale token is a ValidationException.
 */
import * as crypto from 'node:crypto';
import { validation } from './errors';

export type SortKey = readonly (string | number)[];

interface TokenPayload {
  o: string; // operation
  r: string; // region
  f: string; // hash of the filters
  g: number; // data generation (a reset makes old tokens stale)
  k: SortKey; // sort key of the last item returned
}

export const DEFAULT_MAX_RESULTS = 10;

const invalidToken = () => validation('Invalid pagination token: the NextToken is malformed, expired, or was issued for a different request.');

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) {
      continue;
    }
    if (x === undefined) {
      return -1;
    }
    if (y === undefined) {
      return 1;
    }
    return x < y ? -1 : 1;
  }
  return 0;
}

export class Paginator {
  private readonly secret = crypto.randomBytes(32);
  generation = 0;

  private sign(body: string): string {
    return crypto.createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  private encode(payload: TokenPayload): string {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  private decode(token: string): TokenPayload {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) {
      throw invalidToken();
    }
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
      throw invalidToken();
    }
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
  }

  /**
   * One page of `items`, ordered by `key` (ascending, or descending when asked; the key must end
   * in a unique field so the order is total). `filters` is everything in the request that shapes
   * the list, so a token cannot be replayed against another query.
   */
  page<T>(args: {
    operation: string;
    region: string;
    filters: unknown;
    items: readonly T[];
    key: (item: T) => SortKey;
    descending?: boolean;
    maxResults?: number;
    nextToken?: string;
  }): { items: T[]; nextToken?: string } {
    const filterHash = crypto.createHash('sha256').update(JSON.stringify(args.filters ?? null)).digest('base64url');
    const sign = args.descending ? -1 : 1;
    // Each item's key computed once, not per comparison: a 3500-space domain would otherwise add
    // milliseconds of the emulator's own time to every timed call of the benchmark.
    const keyed = args.items.map((item) => ({ item, key: args.key(item) }));
    keyed.sort((a, b) => sign * compareKeys(a.key, b.key));
    const sorted = keyed.map((k) => k.item);
    let start = 0;
    if (args.nextToken !== undefined && args.nextToken !== '') {
      const t = this.decode(args.nextToken);
      if (t.o !== args.operation || t.r !== args.region || t.f !== filterHash || t.g !== this.generation) {
        throw invalidToken();
      }
      start = keyed.findIndex((k) => sign * compareKeys(k.key, t.k) > 0);
      if (start < 0) {
        start = sorted.length;
      }
    }
    const size = args.maxResults ?? DEFAULT_MAX_RESULTS;
    const items = sorted.slice(start, start + size);
    if (start + size >= sorted.length || items.length === 0) {
      return { items };
    }
    const last = items[items.length - 1];
    return {
      items,
      nextToken: this.encode({ o: args.operation, r: args.region, f: filterHash, g: this.generation, k: args.key(last) }),
    };
  }
}
