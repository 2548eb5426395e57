/**
 * An error as the user sees it (./errors.ts's ErrorReporter logs it, then calls this): one
 * sentence, the error's next action as a button, and "Show Log". In dist/commands.js, loaded by
 * the first error shown: not at activation.
 */
import * as vscode from 'vscode';
import { AwsError } from './aws/index';
import { SHOW_LOG, userMessage } from './errors';
import type { Log } from './log';
import type { Prompter } from './prompter';
import { SettingsError, openSettings } from './settings';
import { runInTerminal } from './terminal';

const OPEN_SETTINGS = 'Open Settings';

/** Shows `e` (already logged) with its next action; `retry` re-runs what failed. Not awaited: a notification stays until the user acts. */
export function showError(log: Log, prompter: Prompter, e: unknown, retry?: () => Promise<void>, context = 'SageMaker'): void {
  const buttons: string[] = [];
  let act: (() => Promise<unknown>) | undefined;
  if (e instanceof SettingsError) {
    buttons.push(OPEN_SETTINGS);
    act = () => openSettings(e.setting);
  } else if (e instanceof AwsError && e.action) {
    const action = e.action;
    if (action.terminalCommand) {
      const command = action.terminalCommand;
      act = () => Promise.resolve(runInTerminal(command));
    } else if (action.kind === 'select-profile') {
      act = () => Promise.resolve(vscode.commands.executeCommand('sagemaker.selectProfile'));
    } else if (action.kind === 'select-regions') {
      act = () => Promise.resolve(vscode.commands.executeCommand('sagemaker.selectRegions'));
    } else if (action.kind === 'open-settings') {
      act = () => openSettings('sagemaker');
    } else if (action.kind === 'retry' && retry) {
      act = retry;
    }
    if (act) {
      buttons.push(action.label);
    }
  }
  buttons.push(SHOW_LOG);
  void prompter
    .message('error', userMessage(e), buttons)
    .then(async (choice) => {
      if (choice === SHOW_LOG) {
        log.show();
      } else if (choice !== undefined && act) {
        await act();
      }
    })
    .catch((err: unknown) => log.error(`${context}: follow-up action`, err));
}
