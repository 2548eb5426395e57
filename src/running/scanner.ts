/**
 * What runs in the tree's regions: scanned with the AWS layer's bounded calls (scanRunning) at
 * most every 10 minutes while VS Code runs, and a few seconds after a Start or Stop call; longer
 * apart after throttling (doubling, up to an hour). Each scan's calls go to the log in one line.
 * The first scan waits a little after activation, so it never slows the tree's first lists.
 */
import * as vscode from 'vscode';
import type { ApiCallRecord, RunningScan } from '../aws/index';
import type { RunningItem, RunningList } from '../context';
import type { Log } from '../log';
import type { Session } from '../session';
import { priceOf } from './facts';
import { AFTER_LIFECYCLE_MS, FIRST_SCAN_AFTER_MS, LIFECYCLE_CALLS } from './later';

export const SCAN_EVERY_MS = 10 * 60_000;
const MAX_EVERY_MS = 60 * 60_000;

export interface ScannerTiming {
  /** False: no scan but those asked for (the extension-host tests count calls; they turn it on where they test it). */
  automatic?: boolean;
  /** Before the first scan (default 20 s). */
  firstAfterMs?: number;
  /** After a Start or Stop call (default 5 s: the state has moved by then). */
  afterLifecycleMs?: number;
}

export class RunningScanner implements RunningList, vscode.Disposable {
  items: readonly RunningItem[] = [];
  scannedAt: number | undefined;
  private everyMs = SCAN_EVERY_MS;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private disposed = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly onCall = (r: ApiCallRecord): void => {
    if (LIFECYCLE_CALLS.has(r.operation) && r.outcome === 'ok' && this.timing.automatic !== false) {
      this.schedule(this.timing.afterLifecycleMs ?? AFTER_LIFECYCLE_MS);
    }
  };

  constructor(
    private readonly session: Session,
    private readonly log: Log,
    private timing: ScannerTiming = {},
  ) {
    log.apiCallListeners.add(this.onCall);
    this.schedule(timing.firstAfterMs ?? FIRST_SCAN_AFTER_MS);
  }

  /** For tests: scans on their own or not, and how soon. */
  setTiming(timing: ScannerTiming): void {
    this.timing = timing;
    clearTimeout(this.timer);
    this.schedule(timing.firstAfterMs ?? FIRST_SCAN_AFTER_MS);
  }

  /** The wait before the next automatic scan (grows after throttling). */
  get intervalMs(): number {
    return this.everyMs;
  }

  private schedule(ms: number): void {
    if (this.disposed || this.timing.automatic === false) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.scanNow('scheduled'), ms);
  }

  /** Once no scan runs and none is asked for after it (tests count a scan's calls from then). */
  async whenIdle(): Promise<void> {
    while (this.inFlight) {
      await this.inFlight;
    }
  }

  scanNow(why: string): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    clearTimeout(this.timer);
    const p = this.scan(why).finally(() => {
      this.inFlight = undefined;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.scanNow('asked again during a scan');
      } else {
        this.schedule(this.everyMs);
      }
    });
    this.inFlight = p;
    return p;
  }

  private async scan(why: string): Promise<void> {
    const started = performance.now();
    let regions: string[];
    try {
      regions = await this.session.regions();
    } catch (e) {
      this.log.error('Running environments: the regions to scan', e);
      return;
    }
    const access = this.session.access();
    const scans: RunningScan[] = [];
    for (const region of regions) {
      try {
        scans.push(await access.scanRunning(region));
      } catch (e) {
        this.log.error(`Running environments: scanning ${region}`, e);
      }
    }
    if (this.disposed || access !== this.session.access()) {
      return; // the connection changed meanwhile: the next scan is for the new one
    }
    const items: RunningItem[] = [];
    for (const scan of scans) {
      for (const env of scan.items) {
        const kind = env.kind === 'space' ? 'space' : 'notebook';
        const usdPerHour = env.kind === 'mlflowTrackingServer' ? undefined : await priceOf(access, env.region, env.instanceType, kind, (l) => this.log.info(l));
        items.push({ ...env, usdPerHour });
      }
      for (const p of scan.problems) {
        this.log.warn(`Running environments in ${scan.region}: ${p}`);
      }
    }
    const throttled = scans.some((s) => s.throttled);
    this.everyMs = throttled ? Math.min(this.everyMs * 2, MAX_EVERY_MS) : SCAN_EVERY_MS;
    const calls = scans.map((s) => `${s.region} ${Object.values(s.calls).reduce((a, b) => a + b, 0)} (${Object.entries(s.calls).map(([op, n]) => `${op} ${n}`).join(', ')})`);
    this.log.info(
      `Running environments: ${items.length} running; scan (${why}) made calls ${calls.join('; ')} in ${Math.round(performance.now() - started)} ms` +
        (throttled ? `; throttled, next scan in ${Math.round(this.everyMs / 60_000)} min` : ''),
    );
    // The longest running first: what costs most is read first.
    const now = Date.now();
    this.items = items.sort((a, b) => (b.since ? now - b.since.getTime() : 0) - (a.since ? now - a.since.getTime() : 0));
    this.scannedAt = Date.now();
    this.changed.fire();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.log.apiCallListeners.delete(this.onCall);
    this.changed.dispose();
  }
}
