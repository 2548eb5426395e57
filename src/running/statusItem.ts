/**
 * The status-bar item `sagemaker.running` ("SageMaker: running environments"): how many
 * environments run in the tree's regions; its hover lists each with type, time and cost so far; a
 * click opens their pick (`sagemaker.showRunning`). Hidden while nothing runs.
 */
import * as vscode from 'vscode';
import type { RunningList } from '../context';
import { runningName, runningSummary } from './describe';

export const RUNNING_ITEM_ID = 'sagemaker.running';
export const RUNNING_ITEM_NAME = 'SageMaker: running environments';
/** Rows the hover lists at most. */
const HOVER_ROWS = 15;

export class RunningStatusItem implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly sub: vscode.Disposable;

  constructor(private readonly running: RunningList) {
    this.item = vscode.window.createStatusBarItem(RUNNING_ITEM_ID, vscode.StatusBarAlignment.Left, 10);
    this.item.name = RUNNING_ITEM_NAME;
    this.item.command = 'sagemaker.showRunning';
    this.sub = running.onDidChange(() => this.update());
    this.update();
  }

  update(now = Date.now()): void {
    const items = this.running.items;
    if (items.length === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(vm-running) ${items.length}`;
    this.item.accessibilityInformation = { label: `${items.length} SageMaker environments running` };
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = false;
    md.appendMarkdown(`**${items.length} running SageMaker environment${items.length === 1 ? '' : 's'}**\n\n`);
    // The longest running first (the scan's order); a big account's list stops after a screenful.
    for (const i of items.slice(0, HOVER_ROWS)) {
      md.appendMarkdown('- ');
      md.appendText(`${runningName(i)}: ${runningSummary(i, now)}`);
      md.appendMarkdown('\n');
    }
    if (items.length > HOVER_ROWS) {
      md.appendText(`… and ${items.length - HOVER_ROWS} more`);
      md.appendMarkdown('\n');
    }
    md.appendMarkdown('\nClick to open or stop them.');
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    this.sub.dispose();
    this.item.dispose();
  }
}
