/** How a running environment is named in the status item's hover, the pick and the reminder. */
import type { RunningItem } from '../context';
import { costSoFar, formatPrice, runningFor } from './facts';

const KIND_WORDS: Record<RunningItem['kind'], string> = { space: 'space', notebook: 'notebook instance', mlflowTrackingServer: 'MLflow tracking server' };

export function kindWord(i: RunningItem): string {
  return KIND_WORDS[i.kind];
}

/** "ml.g5.xlarge · 3 h 12 min · $4.51 so far" (what it runs on, how long, the cost where known). */
export function runningSummary(i: RunningItem, now: number): string {
  const cost = i.usdPerHour !== undefined && i.since ? `${costSoFar(i.usdPerHour, i.since, i.sinceIsBound, now)} so far` : undefined;
  return [i.instanceType, runningFor(i.since, i.sinceIsBound, now), cost].filter((p): p is string => !!p).join(' · ');
}

/** "team-analytics (space, us-east-1)". */
export function runningName(i: RunningItem): string {
  return `${i.name} (${kindWord(i)}, ${i.region})`;
}

/** How long it has run, in ms (0 when not known). */
export function runningMs(i: RunningItem, now: number): number {
  return i.since ? Math.max(0, now - i.since.getTime()) : 0;
}

/** The price line of the pick's detail: "$1.41/h". */
export function priceText(i: RunningItem): string | undefined {
  return i.usdPerHour !== undefined ? formatPrice(i.usdPerHour) : undefined;
}

/** The key of one environment across scans. */
export function runningKey(i: RunningItem): string {
  return JSON.stringify([i.kind, i.region, i.domainId ?? '', i.name]);
}
