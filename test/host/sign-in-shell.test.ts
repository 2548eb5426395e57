/**
 * The `aws sso login` line sent to the sign-in terminal is quoted for that terminal's shell (the
 * default terminal profile's), as Copy as AWS CLI Command is: `@dev` is splatting in PowerShell.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { resetSettings, setSetting, usePrompter, waitFor } from './helpers';

describe('Sign In: the aws sso login line is quoted for the terminal\'s shell', () => {
  const { api } = usePrompter();
  const terminal = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('terminal.integrated');

  before(async () => {
    fs.writeFileSync(process.env.AWS_CONFIG_FILE!, '[profile @dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Dev\nregion = us-east-1\n');
    await setSetting('profile', '@dev');
  });
  afterEach(async () => {
    await terminal().update('defaultProfile.linux', undefined, vscode.ConfigurationTarget.Global);
    await terminal().update('profiles.linux', undefined, vscode.ConfigurationTarget.Global);
    vscode.window.terminals.filter((t) => t.name === 'AWS sign-in').forEach((t) => t.dispose());
  });
  after(async () => {
    fs.writeFileSync(process.env.AWS_CONFIG_FILE!, '');
    await resetSettings();
  });

  /** Runs Sign In and returns the line it says it sent to the terminal. */
  async function signInLine(): Promise<string> {
    const channel = api().services.log.channel;
    const logged: string[] = [];
    const info = channel.info.bind(channel);
    channel.info = (message: string, ...args: unknown[]) => {
      logged.push(message);
      info(message, ...args);
    };
    try {
      await vscode.commands.executeCommand('sagemaker.signIn');
    } finally {
      channel.info = info;
    }
    await waitFor(() => vscode.window.terminals.some((t) => t.name === 'AWS sign-in'), 'the sign-in terminal');
    const line = logged.map((l) => /^Opened a terminal running (.*)$/.exec(l)?.[1]).find((l) => l !== undefined);
    assert.ok(line, `no line logged: ${JSON.stringify(logged)}`);
    return line;
  }

  it('a POSIX terminal gets @dev as it is; a PowerShell one gets \'@dev\'', async () => {
    assert.equal(await signInLine(), 'aws sso login --profile @dev');
    // A default profile named pwsh: its program (env, running sh here) tells nothing, its name does.
    await terminal().update('profiles.linux', { pwsh: { path: '/usr/bin/env', args: ['sh'] } }, vscode.ConfigurationTarget.Global);
    await terminal().update('defaultProfile.linux', 'pwsh', vscode.ConfigurationTarget.Global);
    vscode.window.terminals.filter((t) => t.name === 'AWS sign-in').forEach((t) => t.dispose());
    await waitFor(() => !vscode.window.terminals.some((t) => t.name === 'AWS sign-in' && t.exitStatus === undefined), 'the old terminal closed');
    assert.equal(await signInLine(), "aws sso login --profile '@dev'");
  });
});
