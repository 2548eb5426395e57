/**
 * When to read a row in a passing state again: per resource, a first read after `firstMs`, then
 * each wait `factor` times the last, up to `maxMs` (the cap: from there on it stays at maxMs).
 * Plain data and arithmetic, no vscode: the poller (poller.ts) owns the timer.
 */

export interface PollTiming {
  /** Wait before the first read of a row that became passing. */
  readonly firstMs: number;
  /** Each later wait is this many times the one before. */
  readonly factor: number;
  /** The longest wait: the backoff stops growing here. */
  readonly maxMs: number;
}

/** Against AWS: starting a notebook instance or an app takes minutes. */
export const AWS_POLL_TIMING: PollTiming = { firstMs: 5000, factor: 1.5, maxMs: 60_000 };
/** Against a local endpoint on this computer (an emulator), where calls cost nothing. */
export const LOCAL_POLL_TIMING: PollTiming = { firstMs: 500, factor: 1.5, maxMs: 4000 };

/** The local pace for a loopback endpoint, AWS's otherwise. */
export function pollTimingFor(endpointUrl: string | undefined): PollTiming {
  return endpointUrl && /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(endpointUrl) ? LOCAL_POLL_TIMING : AWS_POLL_TIMING;
}

/** The wait before read number `reads + 1` of a row (0 reads so far: the first wait). */
export function pollDelay(timing: PollTiming, reads: number): number {
  return Math.min(timing.maxMs, Math.round(timing.firstMs * timing.factor ** Math.max(0, reads)));
}

interface Entry {
  /** Reads made since the row became passing. */
  reads: number;
  dueAt: number;
}

export class PollSchedule {
  private readonly entries = new Map<string, Entry>();

  constructor(private timing: PollTiming) {}

  setTiming(timing: PollTiming): void {
    this.timing = timing;
  }

  /**
   * The rows passing now: a new key is due after the first wait, a known one keeps its backoff,
   * a key no longer passing is forgotten (so a later transition starts afresh).
   */
  sync(keys: Iterable<string>, now: number): void {
    const live = new Set(keys);
    for (const key of [...this.entries.keys()]) {
      if (!live.has(key)) {
        this.entries.delete(key);
      }
    }
    for (const key of live) {
      if (!this.entries.has(key)) {
        this.entries.set(key, { reads: 0, dueAt: now + pollDelay(this.timing, 0) });
      }
    }
  }

  /** Keys due at `now`, earliest first, at most `limit`. */
  due(now: number, limit = Infinity): string[] {
    return [...this.entries.entries()]
      .filter(([, e]) => e.dueAt <= now)
      .sort((a, b) => a[1].dueAt - b[1].dueAt)
      .slice(0, limit)
      .map(([k]) => k);
  }

  /** A key was read at `now`: its next read waits longer, up to the cap. */
  read(key: string, now: number): void {
    const e = this.entries.get(key);
    if (e) {
      e.reads++;
      e.dueAt = now + pollDelay(this.timing, e.reads);
    }
  }

  /** Forgets a key (e.g. its resource is gone). */
  drop(key: string): void {
    this.entries.delete(key);
  }

  /** When the next read is due; undefined when nothing is passing. */
  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const e of this.entries.values()) {
      next = next === undefined ? e.dueAt : Math.min(next, e.dueAt);
    }
    return next;
  }

  /** How many reads a key has had (undefined: not scheduled). */
  readsOf(key: string): number | undefined {
    return this.entries.get(key)?.reads;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
