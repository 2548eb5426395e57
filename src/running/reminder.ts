/**
 * The reminder (`sagemaker.reminders.runningHours`, default 8, 0 = off): once an environment has
 * run that long, one notification names it, its type, how long and the cost so far, with Stop,
 * Open and Remind Me Later (after as long again). Never two notifications at once: several due
 * together are one notification naming how many, which opens the pick. What was reminded, and
 * until when a later reminder waits, is kept in the global state the windows of one VS Code profile
 * share, so a reminder is not repeated in each window; a short lock there keeps two windows from
 * showing it at the same moment. A change of the setting applies at once to what is known.
 */
import * as vscode from 'vscode';
import type { RunningItem, RunningList } from '../context';
import type { Log } from '../log';
import type { Prompter } from '../prompter';
import { costSoFar, formatDuration } from './facts';
import { runningKey, runningMs, runningName } from './describe';

export const RUNNING_HOURS_SETTING = 'reminders.runningHours';
export const DEFAULT_RUNNING_HOURS = 8;
const STATE_KEY = 'sagemaker.running.reminders';
const LOCK_KEY = 'sagemaker.running.reminderLock';
/** How long a window holds the lock while it decides and shows (another window waits for its record). */
const LOCK_MS = 30_000;
/** Records of runs not seen for this long are dropped. */
const KEEP_MS = 30 * 24 * 3_600_000;

/** Per run of an environment (its key and start): when it may be reminded of again (Infinity: not again this run). */
type Records = Record<string, { remindAt: number | null; seenAt: number }>;

export interface ReminderHost {
  readonly globalState: vscode.Memento;
  readonly log: Log;
  prompter(): Prompter;
}

/** The hours from the setting: a number >= 0 (0 = off); anything else is the default, said in the log. */
export function runningHours(log?: Log): number {
  const v = vscode.workspace.getConfiguration('sagemaker').get<unknown>(RUNNING_HOURS_SETTING, DEFAULT_RUNNING_HOURS);
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) {
    return v;
  }
  log?.warn(`sagemaker.${RUNNING_HOURS_SETTING} must be a number of hours >= 0 (0 turns reminders off); using ${DEFAULT_RUNNING_HOURS}`);
  return DEFAULT_RUNNING_HOURS;
}

const runKey = (i: RunningItem): string => `${runningKey(i)}@${i.since?.getTime() ?? 0}`;

export class RunningReminder implements vscode.Disposable {
  /** A check is under way (deciding, or its notification showing). */
  private showing = false;
  private readonly subs: vscode.Disposable[];
  private readonly windowId = `${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(
    private readonly running: RunningList,
    readonly host: ReminderHost,
  ) {
    this.subs = [
      running.onDidChange(() => void this.check()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`sagemaker.${RUNNING_HOURS_SETTING}`)) {
          host.log.info(`Reminders: after ${runningHours(host.log)} h of running (0 = off); applies now`);
          void this.check();
        }
      }),
    ];
  }

  private current: Promise<void> = Promise.resolve();

  /** Once the reminder showing (if any) has been answered and its answer kept. */
  whenIdle(): Promise<void> {
    return this.current;
  }

  /** Shows the reminder that is due, if any (and none is showing). */
  check(now = Date.now()): Promise<void> {
    if (this.showing) {
      return this.current;
    }
    // Set at once: a second check (a scan, the setting) arriving meanwhile joins this one.
    this.showing = true;
    this.current = this.checkNow(now).finally(() => {
      this.showing = false;
    });
    return this.current;
  }

  private async checkNow(now: number): Promise<void> {
    const hours = runningHours(this.host.log);
    if (hours === 0) {
      return;
    }
    const limitMs = hours * 3_600_000;
    const records = this.records(now);
    const due = this.running.items.filter((i) => {
      const r = records[runKey(i)];
      return runningMs(i, now) >= limitMs && (r === undefined || (r.remindAt !== null && r.remindAt <= now));
    });
    if (due.length === 0 || !(await this.takeLock(now))) {
      return;
    }
    // Marked first, so no other window (and no later scan here) shows the same again.
    for (const i of due) {
      records[runKey(i)] = { remindAt: null, seenAt: now };
    }
    await this.host.globalState.update(STATE_KEY, records);
    try {
      await (due.length === 1 ? this.showOne(due[0], limitMs, now) : this.showMany(due, hours));
    } catch (e) {
      this.host.log.error('Running environments reminder', e);
    } finally {
      await this.host.globalState.update(LOCK_KEY, undefined);
    }
  }

  private async showOne(i: RunningItem, limitMs: number, now: number): Promise<void> {
    const cost = i.usdPerHour !== undefined && i.since ? costSoFar(i.usdPerHour, i.since, i.sinceIsBound, now) : undefined;
    const text = `${runningName(i)} has been running ${i.sinceIsBound ? 'at least ' : ''}${formatDuration(runningMs(i, now))}${i.instanceType ? ` on ${i.instanceType}` : ''}${cost ? `: ${cost} so far` : ''}.`;
    this.host.log.info(`Reminder: ${text}`);
    const answer = await this.host.prompter().message('warning', text, ['Stop', 'Open', 'Remind Me Later']);
    if (answer === 'Stop') {
      await vscode.commands.executeCommand('sagemaker.showRunning', { stop: [i] });
    } else if (answer === 'Open') {
      await vscode.commands.executeCommand('sagemaker.showRunning', { open: i });
    } else if (answer === 'Remind Me Later') {
      const records = this.records(Date.now());
      records[runKey(i)] = { remindAt: Date.now() + limitMs, seenAt: Date.now() };
      await this.host.globalState.update(STATE_KEY, records);
      this.host.log.info(`Reminder: ${runningName(i)} again in ${formatDuration(limitMs)}`);
    }
  }

  private async showMany(due: readonly RunningItem[], hours: number): Promise<void> {
    const text = `${due.length} SageMaker environments have been running for more than ${hours} h.`;
    this.host.log.info(`Reminder: ${text} (${due.map(runningName).join(', ')})`);
    const answer = await this.host.prompter().message('warning', text, ['Show Them']);
    if (answer === 'Show Them') {
      await vscode.commands.executeCommand('sagemaker.showRunning');
    }
  }

  /** The shared records, without those of runs not seen for a month. */
  private records(now: number): Records {
    const all = this.host.globalState.get<Records>(STATE_KEY) ?? {};
    return Object.fromEntries(Object.entries(all).filter(([, r]) => now - r.seenAt < KEEP_MS));
  }

  /** The lock of the windows of this profile: free, expired, or already ours. */
  private async takeLock(now: number): Promise<boolean> {
    const lock = this.host.globalState.get<{ by: string; until: number }>(LOCK_KEY);
    if (lock && lock.by !== this.windowId && lock.until > now) {
      return false;
    }
    await this.host.globalState.update(LOCK_KEY, { by: this.windowId, until: now + LOCK_MS });
    return this.host.globalState.get<{ by: string }>(LOCK_KEY)?.by === this.windowId;
  }

  /** Forgets every reminder shown or put off (tests; all windows of the profile). */
  async forget(): Promise<void> {
    await this.host.globalState.update(STATE_KEY, undefined);
    await this.host.globalState.update(LOCK_KEY, undefined);
  }

  dispose(): void {
    for (const d of this.subs) {
      d.dispose();
    }
  }
}
