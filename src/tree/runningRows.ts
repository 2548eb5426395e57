/**
 * The lines a running row's hover adds (each kind's home decides when): when it started, how long
 * it has run, the price per hour and the cost so far where the Price List API answered, and the
 * idle shutdown that applies ("no idle shutdown" with a warning icon). Resource text goes through
 * appendText, as in every tooltip.
 */
import type * as vscode from 'vscode';
import type { IdleShutdown } from '../aws/index';
import { costSoFar, formatDuration, formatPrice, idleShutdownText } from '../running/facts';

function line(md: vscode.MarkdownString, label: string, value: string): void {
  md.appendText(`${label}: ${value}`);
  md.appendMarkdown('  \n');
}

export function appendRunningCost(md: vscode.MarkdownString, since: Date, bound: boolean, usdPerHour: number | undefined, now = Date.now()): void {
  line(md, bound ? 'Running since at least' : 'Started', since.toLocaleString());
  line(md, 'Running for', `${bound ? 'at least ' : ''}${formatDuration(now - since.getTime())}`);
  if (usdPerHour !== undefined) {
    line(md, 'On-demand price', formatPrice(usdPerHour));
    line(md, 'Cost so far', costSoFar(usdPerHour, since, bound, now));
  }
}

export function appendIdleShutdown(md: vscode.MarkdownString, idle: IdleShutdown): void {
  const { text, warning } = idleShutdownText(idle);
  if (warning) {
    md.supportThemeIcons = true;
    md.appendMarkdown('$(warning) ');
  }
  line(md, 'Idle shutdown', text);
}
