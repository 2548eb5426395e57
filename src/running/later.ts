/**
 * What activation keeps of the running environments (issue 24): a stand-in for the scanner. The
 * scanner, its status-bar item and the reminder (./start.ts) are in dist/commands.js, loaded when
 * the first scan is due (20 s after activation), after a Start or Stop call, or when a command asks
 * for what runs: every scan needs the AWS layer anyway, and until one has run the status item is
 * hidden and the reminder has nothing to remind of. About 8 KB less in dist/extension.js.
 */
import * as vscode from 'vscode';
import type { ApiCallRecord } from '../aws/index';
import type { RunningItem, RunningList } from '../context';
import type { Log } from '../log';

/** Calls after which what runs has changed (the scanner scans again soon after one). */
export const LIFECYCLE_CALLS = new Set(['CreateApp', 'DeleteApp', 'StartNotebookInstance', 'StopNotebookInstance', 'StartMlflowTrackingServer', 'StopMlflowTrackingServer']);
/** Before the first scan: it never slows the tree's first lists. */
export const FIRST_SCAN_AFTER_MS = 20_000;
/** After a Start or Stop call: the state has moved by then. */
export const AFTER_LIFECYCLE_MS = 5000;

/** What the loaded part starts: the scanner first. */
export interface RunningParts extends vscode.Disposable {
  readonly scanner: RunningList;
}

/**
 * The running environments until their code is loaded, then the scanner's own: `start` loads it
 * and starts the scanner (its first scan after the given wait), the status item and the reminder.
 */
export class RunningLater<P extends RunningParts> implements RunningList, vscode.Disposable {
  private started: P | undefined;
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private relay: vscode.Disposable | undefined;
  private readonly activatedAt = Date.now();
  private readonly firstAfterMs: number;
  private readonly onCall = (r: ApiCallRecord): void => {
    if (LIFECYCLE_CALLS.has(r.operation) && r.outcome === 'ok') {
      this.startQuietly(AFTER_LIFECYCLE_MS);
    }
  };

  constructor(
    private readonly log: Log,
    private readonly start: (firstAfterMs: number) => P,
    /** automatic false: started only when asked (the extension-host tests count calls; see RunningScanner). */
    o: { readonly automatic: boolean; readonly firstAfterMs?: number },
  ) {
    this.firstAfterMs = o.firstAfterMs ?? FIRST_SCAN_AFTER_MS;
    if (o.automatic) {
      this.timer = setTimeout(() => this.startQuietly(0), this.firstAfterMs);
      log.apiCallListeners.add(this.onCall);
    }
  }

  /** The scanner, status item and reminder, loaded and started now if they were not. */
  parts(): P {
    return this.startNow(Math.max(0, this.activatedAt + this.firstAfterMs - Date.now()));
  }

  /** On its own (the first scan's time, a Start or Stop): a file that cannot load goes to the log. */
  private startQuietly(firstAfterMs: number): void {
    try {
      this.startNow(firstAfterMs);
    } catch (e) {
      this.log.error('Running environments: loading their code', e);
    }
  }

  private startNow(firstAfterMs: number): P {
    if (!this.started) {
      clearTimeout(this.timer);
      this.log.apiCallListeners.delete(this.onCall);
      this.started = this.start(firstAfterMs);
      this.relay = this.started.scanner.onDidChange(() => this.changed.fire());
    }
    return this.started;
  }

  get items(): readonly RunningItem[] {
    return this.started?.scanner.items ?? [];
  }

  get scannedAt(): number | undefined {
    return this.started?.scanner.scannedAt;
  }

  scanNow(why: string): Promise<void> {
    return this.parts().scanner.scanNow(why);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.log.apiCallListeners.delete(this.onCall);
    this.relay?.dispose();
    this.started?.dispose();
    this.changed.dispose();
  }
}
