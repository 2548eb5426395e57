/**
 * The running environments' scanner, status-bar item and reminder, started together: in
 * dist/commands.js, loaded by ./later.ts when the first scan is due (not at activation).
 */
import type * as vscode from 'vscode';
import type { Session } from '../session';
import { RunningReminder, type ReminderHost } from './reminder';
import { RunningScanner } from './scanner';
import { RunningStatusItem } from './statusItem';

export interface RunningStarted extends vscode.Disposable {
  readonly scanner: RunningScanner;
  readonly status: RunningStatusItem;
  readonly reminder: RunningReminder;
}

/** Starts them: the scanner's first scan after `firstAfterMs` (only scans asked for when not automatic). */
export function startRunning(session: Session, host: ReminderHost, o: { automatic: boolean; firstAfterMs: number }): RunningStarted {
  const scanner = new RunningScanner(session, host.log, o);
  const status = new RunningStatusItem(scanner);
  const reminder = new RunningReminder(scanner, host);
  return {
    scanner,
    status,
    reminder,
    dispose() {
      reminder.dispose();
      status.dispose();
      scanner.dispose();
    },
  };
}
