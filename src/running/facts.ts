/**
 * How long something has run and what it has cost, in words: shared by the tree's rows (each kind
 * says its own facts in its home, src/tree/<kind>.ts), the status-bar item and the reminder.
 * Plain functions over plain data, no vscode: tested in plain Node.
 */
import type { IdleShutdown, PriceAnswer, PricedKind, SageMakerAccess } from '../aws/index';

/** "3 h 12 min", "45 min", "2 d 3 h", "less than a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) {
    return 'less than a minute';
  }
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) {
    return h > 0 ? `${d} d ${h} h` : `${d} d`;
  }
  if (h > 0) {
    return m > 0 ? `${h} h ${m} min` : `${h} h`;
  }
  return `${m} min`;
}

/** A start time, short: "14:05" today, else "23 Nov 14:05". */
export function shortTime(t: Date, now: number): string {
  const time = t.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const today = new Date(now).toDateString() === t.toDateString();
  return today ? time : `${t.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${time}`;
}

/** What the row says of its run: "3 h 12 min", or "since 23 Nov 14:05" where the start is only a bound. */
export function runningFor(since: Date | undefined, bound: boolean, now: number): string | undefined {
  if (!since) {
    return undefined;
  }
  return bound ? `since ${shortTime(since, now)}` : formatDuration(now - since.getTime());
}

/** "$1.41/h". */
export function formatPrice(usdPerHour: number): string {
  return `$${usdPerHour < 0.1 ? usdPerHour.toFixed(4) : usdPerHour.toFixed(2)}/h`;
}

/** The cost since `since` at the hourly price ("$4.51"; "at least $4.51" where the start is a bound). */
export function costSoFar(usdPerHour: number, since: Date, bound: boolean, now: number): string {
  const usd = (usdPerHour * Math.max(0, now - since.getTime())) / 3_600_000;
  return `${bound ? 'at least ' : ''}$${usd.toFixed(2)}`;
}

/** The tooltip's idle shutdown line, and whether it is a warning (no idle shutdown). */
export function idleShutdownText(idle: IdleShutdown): { text: string; warning: boolean } {
  if (idle.minutes === undefined) {
    return { text: 'no idle shutdown: it runs until stopped', warning: true };
  }
  const after = formatDuration(idle.minutes * 60_000);
  return { text: `after ${after} idle (${idle.source === 'space' ? "the space's own setting" : "the domain's default"})`, warning: false };
}

/** Price problems already written to the log, so each (type, region) says it once. */
const logged = new Set<string>();

/**
 * The on-demand price of an instance type (the AWS layer keeps it a day). Without one, one log line
 * per type and region says why; nothing else does.
 */
export async function priceOf(access: SageMakerAccess, region: string, instanceType: string | undefined, kind: PricedKind, logInfo: (line: string) => void): Promise<number | undefined> {
  if (!instanceType || !instanceType.startsWith('ml.')) {
    return undefined;
  }
  let answer: PriceAnswer;
  try {
    answer = await access.instancePrice(region, instanceType, kind);
  } catch (e) {
    answer = { problem: `no price for ${instanceType} in ${region}: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (answer.problem && !logged.has(`${region}|${instanceType}`)) {
    logged.add(`${region}|${instanceType}`);
    logInfo(`Price List: ${answer.problem}`);
  }
  return answer.usdPerHour;
}

/** For tests: the log lines said so far are forgotten. */
export function forgetLoggedPriceProblems(): void {
  logged.clear();
}
