/**
 * The "AWS sign-in" terminal: a sign-in button of an error (src/errors.ts) and Sign In
 * (`sagemaker.signIn`) run their command there. In dist/commands.js: only a user's click runs it.
 */
import * as vscode from 'vscode';
import { formatCommandLine } from './aws/index';
import { currentShell } from './shell';

const SIGN_IN_TERMINAL = 'AWS sign-in';

/**
 * Runs one command, e.g. `aws sso login --profile NAME`, in the "AWS sign-in" terminal: the one
 * already open if there is one (signing in twice does not leave two terminals), else a new one.
 * The words are quoted for the default terminal profile's shell, the shell that terminal runs
 * (`@dev` is splatting in PowerShell). Returns the line sent.
 */
export function runInTerminal(words: readonly string[]): string {
  const line = formatCommandLine(words, currentShell());
  const open = vscode.window.terminals.find((t) => t.name === SIGN_IN_TERMINAL && t.exitStatus === undefined);
  const terminal = open ?? vscode.window.createTerminal({ name: SIGN_IN_TERMINAL });
  terminal.show();
  terminal.sendText(line, true);
  return line;
}
